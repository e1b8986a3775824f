"""The benchmark's seed writes rows as the site would: the same HTML, the same search text."""

import pytest

from articles.models import Article
from articles.search.documents import refresh_search_documents
from clinic.authoring.markdown import render_markdown
from tests.bench.seed import seed


@pytest.mark.django_db
def test_seeded_articles_look_as_if_saved_through_the_site():
    seed(30)
    articles = list(Article.objects.order_by("pk"))
    assert len(articles) == 30 and len({a.body for a in articles}) == 30
    assert all(a.body_html == render_markdown(a.body) for a in articles)
    written = {a.pk: a.search_document for a in articles}
    refresh_search_documents(list(written))
    assert dict(Article.objects.values_list("pk", "search_document")) == written
    assert all(a.topics.count() == 2 and a.studies.count() == 1 for a in articles)
