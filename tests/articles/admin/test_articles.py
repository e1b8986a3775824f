import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from articles.models import DISCLAIMER_REQUIRED, Article
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, PersonFactory
from tests.helpers import article_form

pytestmark = pytest.mark.django_db


def test_the_admin_moves_to_the_address_admin_url_names():
    """A clinic may keep its admin at a private address, set in the environment (however the
    value is written): the admin answers there and no longer at /admin/."""
    code = (
        "import django; django.setup()\n"
        "from django.urls import Resolver404, resolve, reverse\n"
        "def view(path):\n"
        "    try:\n"
        "        return resolve(path).view_name\n"
        "    except Resolver404:\n"
        "        return 'nothing'\n"
        "print(reverse('admin:index'), view('/clinic-staff/login/'), view('/admin/login/'))"
    )
    environment = {**os.environ, "DEBUG": "1", "ADMIN_URL": "/clinic-staff"}
    environment["DJANGO_SETTINGS_MODULE"] = "clinic.config.settings"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == ["/clinic-staff/", "admin:login", "nothing"], result.stderr


def test_add_form_prefills_the_clinic_default_disclaimer(admin_client):
    profile = ClinicProfile.load()
    profile.default_disclaimer = "Our own words: education, not advice."
    profile.save()
    response = admin_client.get(reverse("admin:articles_article_add"))
    assert response.context["adminform"].form.initial["disclaimer"] == profile.default_disclaimer
    assert b"Our own words: education, not advice." in response.content


def test_admin_creates_article_with_study_then_publishes_it(admin_client, client):
    author = PersonFactory()
    response = admin_client.post(reverse("admin:articles_article_add"), article_form(author))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="ketamine-with-therapy-for-ptsd")
    assert article.studies.get().participants == 34
    assert client.get(article.get_absolute_url()).status_code == 404

    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_blank_disclaimer_is_refused_with_a_message_and_typed_text_is_kept(admin_client, blank):
    author = PersonFactory()
    data = article_form(author, disclaimer=blank, title="Keep this title")
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["disclaimer"] == [DISCLAIMER_REQUIRED]
    html = response.content.decode()
    assert "Every article must carry the medical disclaimer" in html
    assert 'value="Keep this title"' in html
    assert "Symptoms went down." in html
    assert 'value="The Journal of Clinical Psychiatry"' in html
    assert not Article.objects.exists()


def test_unpublish_action_keeps_the_article(admin_client, client):
    article = ArticleFactory()
    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert client.get(article.get_absolute_url()).status_code == 404


def test_changelist_shows_live_and_scheduled_states(admin_client):
    from datetime import timedelta

    from django.utils import timezone

    ArticleFactory(title="Live one")
    ArticleFactory(title="Later one", publish_at=timezone.now() + timedelta(days=2))
    html = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Live" in html and "Scheduled for" in html
    scheduled = admin_client.get(
        reverse("admin:articles_article_changelist"), {"visibility": "scheduled"}
    )
    assert [a.title for a in scheduled.context["cl"].result_list] == ["Later one"]


def test_change_page_links_to_view_on_site(admin_client):
    article = ArticleFactory()
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert (
        reverse(
            "admin:view_on_site",
            args=[
                __import__("django.contrib.contenttypes.models", fromlist=["ContentType"])
                .ContentType.objects.get_for_model(Article)
                .pk,
                article.pk,
            ],
        ).encode()
        in html
    )


def test_markdown_preview_endpoint_is_staff_only_and_sanitised(client, admin_client):
    url = reverse("editor:markdownify")
    anonymous = client.post(url, {"content": "**hi**"})
    assert anonymous.status_code == 302
    response = admin_client.post(url, {"content": "**hi** <script>alert(1)</script>"})
    assert response.status_code == 200
    assert response.content.decode().strip() == "<p><strong>hi</strong> </p>"
    assert url == settings.MARKDOWNX_URLS_PATH
