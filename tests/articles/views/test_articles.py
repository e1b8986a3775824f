from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, StudyFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_list_shows_live_articles_newest_first_and_hides_drafts_and_future(client):
    now = timezone.now()
    older = ArticleFactory(title="Older live", publish_at=now - timedelta(days=2))
    newer = ArticleFactory(title="Newer live", publish_at=now - timedelta(days=1))
    ArticleFactory(title="Secret draft", draft=True)
    ArticleFactory(title="Not yet", publish_at=now + timedelta(days=1))
    response = client.get(reverse("articles:list"))
    assert response.status_code == 200
    assert list(response.context["articles"]) == [newer, older]
    assert b"Secret draft" not in response.content and b"Not yet" not in response.content


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99", "99999999999999999999"])
def test_list_page_out_of_range_or_not_a_number_is_404(client, page):
    ArticleFactory()
    assert client.get(reverse("articles:list"), {"page": page}).status_code == 404


def test_list_is_paginated(client):
    ArticleFactory.create_batch(13)
    first = client.get(reverse("articles:list"))
    second = client.get(reverse("articles:list"), {"page": "2"})
    assert len(first.context["articles"]) == 12
    assert len(second.context["articles"]) == 1
    assert b'rel="next"' in first.content


def test_home_shows_latest_articles_and_clinic_blurb(client):
    from clinic.domain.models import ClinicProfile

    profile = ClinicProfile.load()
    profile.about = "We treat trauma, depression and anxiety."
    profile.save()
    article = ArticleFactory(title="Fresh summary")
    response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    assert article.title.encode() in response.content
    assert b"We treat trauma, depression and anxiety." in response.content


def test_detail_shows_a_short_note_the_full_disclaimer_study_and_neighbours(client):
    now = timezone.now()
    previous = ArticleFactory(title="The earlier one", publish_at=now - timedelta(days=3))
    article = ArticleFactory(
        publish_at=now - timedelta(days=2),
        disclaimer="Educational only, not medical advice.",
        body="## Key findings\n\n1. Symptoms fell.",
    )
    following = ArticleFactory(title="The later one", publish_at=now - timedelta(days=1))
    StudyFactory(article=article, doi="10.4088/JCP.22r14614")
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Educational only, not medical advice.") == 1  # in full, once
    assert '<a href="#disclaimer">Read the full disclaimer</a>' in html
    assert 'id="disclaimer"' in html
    assert "The study at a glance" in html and "CAPS-5, PCL-5" in html
    assert 'href="https://doi.org/10.4088/JCP.22r14614"' in html
    assert '<h2 id="key-findings">Key findings</h2>' in html
    assert f'href="{previous.get_absolute_url()}"' in html and "The earlier one" in html
    assert f'href="{following.get_absolute_url()}"' in html and "The later one" in html
    assert f'href="{article.author.get_absolute_url()}"' in html
    assert "Preview" not in html and "noindex" not in html


def test_unknown_slug_is_404(client):
    assert client.get(reverse("articles:detail", kwargs={"slug": "no-such"})).status_code == 404


@pytest.mark.parametrize("hidden", [{"draft": True}, {"publish_at_offset": timedelta(days=1)}])
def test_draft_and_future_articles_are_404_to_the_public(client, hidden):
    offset = hidden.pop("publish_at_offset", timedelta(days=-1))
    article = ArticleFactory(publish_at=timezone.now() + offset, **hidden)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_editor_previews_a_draft_with_banner_noindex_and_no_cache(editor_client):
    draft = ArticleFactory(title="Work in progress", draft=True)
    response = editor_client.get(draft.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not public" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_staff_without_change_permission_cannot_preview(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="x" * 12, is_staff=True)
    client.force_login(user)
    assert client.get(ArticleFactory(draft=True).get_absolute_url()).status_code == 404


def test_topic_page_lists_only_its_live_articles(client):
    topic = TopicFactory(name="PTSD", slug="ptsd")
    inside = ArticleFactory(title="About PTSD")
    inside.topics.add(topic)
    ArticleFactory(title="Something else")
    hidden = ArticleFactory(title="Draft PTSD", draft=True)
    hidden.topics.add(topic)
    response = client.get(topic.get_absolute_url())
    assert list(response.context["articles"]) == [inside]
    assert client.get(reverse("articles:topic-detail", kwargs={"slug": "nope"})).status_code == 404


def _detail_queries(client, django_assert_max_num_queries, count):
    ArticleFactory.create_batch(count)
    article = ArticleFactory()
    StudyFactory(article=article)
    article.topics.add(TopicFactory())
    cache.clear()  # cold: the clinic profile, footer locations and glossary are read too
    # 10, and the article's live translations for the language links
    with django_assert_max_num_queries(11) as captured:
        assert client.get(article.get_absolute_url()).status_code == 200
    return len(captured.captured_queries)


def test_detail_query_count_is_bounded_and_does_not_grow(client, django_assert_max_num_queries):
    few = _detail_queries(client, django_assert_max_num_queries, 2)
    many = _detail_queries(client, django_assert_max_num_queries, 60)
    assert few == many


def test_detail_names_the_medical_reviewer_with_credentials_and_date(client):
    from datetime import date

    from tests.factories import PersonFactory

    reviewer = PersonFactory(name="Dr Ana Ruiz", credentials="MD, FRCPC")
    article = ArticleFactory(reviewer=reviewer, reviewed_on=date(2026, 3, 2))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Medically reviewed by" in html
    assert f'<a href="{reviewer.get_absolute_url()}">Dr Ana Ruiz, MD, FRCPC</a> on' in html
    assert "2 March 2026" in html
