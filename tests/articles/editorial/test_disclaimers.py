"""The clinic's default disclaimer from the article form, and bringing articles up to date."""

from html import escape

import pytest
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from articles.editorial.disclaimers import articles_with_disclaimer
from articles.models import DISCLAIMER_REQUIRED, Article
from articles.services import apply_default_disclaimer
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, PersonFactory
from tests.helpers import article_form

pytestmark = pytest.mark.django_db
OLD = "Education only.\nNot medical advice."
NEW = (
    "Education only. Not medical advice. Talk to your own doctor. In an emergency, call your "
    "local emergency number."
)
APPLY_URL = reverse("admin:articles_article_apply_default_disclaimer")


def set_default(text):
    profile = ClinicProfile.load()
    profile.default_disclaimer = text
    profile.save()


def test_article_form_offers_the_clinics_default_and_uses_it_when_ticked(editor_client):
    set_default(NEW)
    url = reverse("admin:articles_article_add")
    assert NEW in editor_client.get(url).text  # shown to Marketing, who cannot open the profile

    data = article_form(PersonFactory(), disclaimer="", use_default_disclaimer="on")
    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert Article.objects.get().disclaimer == NEW


def test_a_blank_disclaimer_is_reported_next_to_the_field_and_at_the_top(editor_client):
    data = article_form(PersonFactory(), disclaimer="  \n ")

    response = editor_client.post(reverse("admin:articles_article_add"), data)

    form = response.context["adminform"].form
    assert form.errors["disclaimer"] == [DISCLAIMER_REQUIRED]
    assert DISCLAIMER_REQUIRED in form.non_field_errors()
    assert response.text.count(escape(DISCLAIMER_REQUIRED)) == 2


def test_articles_still_carrying_the_previous_default_are_found_whatever_their_spacing():
    same = ArticleFactory(disclaimer="Education only.  Not medical advice.")
    ArticleFactory(disclaimer="Our own careful wording.")
    assert articles_with_disclaimer(OLD) == [same]


def test_changing_the_default_leads_a_superuser_to_the_review_page(admin_client):
    set_default(OLD)
    form = (
        admin_client.get(reverse("admin:clinic_clinicprofile_change", args=[1]))
        .context["adminform"]
        .form
    )
    data = {name: form.initial.get(name) for name in form.fields}
    data.update(default_disclaimer_en=NEW, require_review_before_publishing="")

    response = admin_client.post(reverse("admin:clinic_clinicprofile_change", args=[1]), data)

    assert response.status_code == 302 and response["Location"] == APPLY_URL
    assert ClinicProfile.load().previous_default_disclaimer.split() == OLD.split()


def test_only_a_changed_default_is_remembered_as_the_previous_one():
    set_default(OLD)
    profile = ClinicProfile.load()
    profile.remember_previous_disclaimer(OLD)  # saved again unchanged
    assert profile.previous_default_disclaimer == ""
    profile.default_disclaimer = f"  {OLD}\n"  # the same words: whitespace is no change
    profile.remember_previous_disclaimer(OLD)
    assert profile.previous_default_disclaimer == ""
    profile.default_disclaimer = NEW
    profile.remember_previous_disclaimer(OLD)
    assert profile.previous_default_disclaimer == OLD


def test_the_reviewed_bulk_change_updates_only_ticked_articles_with_the_old_default(
    admin_client,
):
    set_default(OLD)
    old_one, old_two = ArticleFactory(disclaimer=OLD), ArticleFactory(disclaimer=OLD)
    custom = ArticleFactory(disclaimer="Our own careful wording.")
    profile = ClinicProfile.load()
    profile.default_disclaimer = NEW
    profile.remember_previous_disclaimer(OLD)
    profile.save()

    page = admin_client.get(APPLY_URL)
    assert page.status_code == 200
    assert old_one.title in page.text and old_two.title in page.text
    assert custom.title not in page.text

    response = admin_client.post(APPLY_URL, {"articles": [old_one.pk]})

    assert response.status_code == 302
    for article in (old_one, old_two, custom):
        article.refresh_from_db()
    assert old_one.disclaimer == NEW
    assert old_two.disclaimer == OLD  # unticked
    assert custom.disclaimer == "Our own careful wording."
    version = Version.objects.get_for_object(old_one).first()
    assert version.revision.user.is_superuser
    assert "new default disclaimer" in version.revision.comment
    assert old_one.edit_version == 1


def test_only_superusers_may_apply_the_default(editor_client):
    assert editor_client.get(APPLY_URL).status_code == 403


def test_an_article_edited_meanwhile_keeps_its_new_text(admin_user):
    article = ArticleFactory(disclaimer=OLD)
    stale = Article.objects.get(pk=article.pk)
    Article.objects.filter(pk=article.pk).update(disclaimer="Edited meanwhile.")

    changed = apply_default_disclaimer(articles=[stale], previous=OLD, new=NEW, user=admin_user)

    assert changed == 0
    article.refresh_from_db()
    assert article.disclaimer == "Edited meanwhile."


def test_a_new_french_default_is_offered_to_the_french_articles_only(admin_client):
    old_fr = "À titre d'information seulement.\nCe n'est pas un avis médical."
    new_fr = (
        "À titre d'information seulement. Ce n'est pas un avis médical. Parlez-en à votre "
        "médecin. En cas d'urgence, composez le 911."
    )
    profile = ClinicProfile.load()
    profile.default_disclaimer_fr = old_fr
    profile.save()
    english = ArticleFactory(disclaimer=old_fr)  # an English article with the French wording
    french = ArticleFactory(disclaimer=old_fr, language="fr")
    profile.default_disclaimer_fr = new_fr
    with translation.override("fr"):
        profile.remember_previous_disclaimer(old_fr)
    profile.save()

    page = admin_client.get(APPLY_URL)
    assert page.status_code == 200
    assert f"{french.title} (Français)" in page.text
    assert english.title not in page.text
    assert "Previous default (Français)" in page.text

    assert admin_client.post(APPLY_URL, {"articles": [french.pk]}).status_code == 302
    french.refresh_from_db()
    english.refresh_from_db()
    assert french.disclaimer == new_fr
    assert english.disclaimer == old_fr
