"""Hypothesis fuzzing of the public URL space: whatever is asked, the answer is never a 5xx."""

from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory, LocationFactory, PersonFactory, TopicFactory
from tests.security.public_urls import fill, public_routes

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REAL_SLUGS = ["ketamine-and-ptsd", "ptsd", "ana-ruiz", "downtown"]
NASTY = ["%00", "%FF", "%C3%28", "%ED%A0%80", "..", "%2e%2e%2f", "%2F", "<script>", "'", '"']

segments = st.one_of(
    st.sampled_from(REAL_SLUGS),
    st.text(max_size=300).map(lambda text: quote(text, safe="")),
    st.binary(max_size=60).map(lambda data: quote_from_bytes(data, safe="")),
    st.lists(st.sampled_from(NASTY + REAL_SLUGS), min_size=1, max_size=5).map("".join),
)
parameter_values = st.one_of(
    st.text(max_size=200).map(lambda text: quote(text, safe="")),
    st.binary(max_size=80).map(lambda data: quote_from_bytes(data, safe="")),
    st.integers().map(str),
    st.sampled_from(["", "0", "-1", "99999999999999999999", "1e9", "NaN", *NASTY]),
)
query_strings = st.lists(
    st.tuples(st.sampled_from(["page", "q", "topic", "p", "format", "x"]), parameter_values),
    max_size=6,
).map(lambda pairs: "&".join(f"{key}={value}" for key, value in pairs))
methods = st.sampled_from(["get", "get", "get", "head", "options", "post", "put", "delete"])


@pytest.fixture
def site(db):
    topic = TopicFactory(slug="ptsd")
    article = ArticleFactory(slug="ketamine-and-ptsd", body="Ketamine **and** PTSD")
    article.topics.add(topic)
    PersonFactory(slug="ana-ruiz", bio="Clinician.")
    LocationFactory(slug="downtown")


@FUZZ
@given(data=st.data(), query_string=query_strings, method=methods)
def test_no_public_url_answers_with_a_server_error(site, client, data, query_string, method):
    route, names = data.draw(st.sampled_from(public_routes()), label="route")
    path = fill(route, {name: data.draw(segments, label=name) for name in names})
    response = getattr(client, method)(path, QUERY_STRING=query_string)
    assert response.status_code < 500, (method, path, query_string)


search_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("\"-+*:&|!()<>'\\ or OR AND ptsd ketamine"), max_size=60),
    st.binary(max_size=100).map(lambda data: data.decode("latin-1")),
)


@FUZZ
@given(text=search_text, page=parameter_values)
def test_search_never_answers_with_a_server_error(site, client, text, page):
    query_string = f"q={quote(text, safe='')}&page={page}"
    response = client.get("/search/", QUERY_STRING=query_string)
    assert response.status_code < 500, query_string
    assert "<script>" not in response.text
