"""Staff at work in the admin, and what visitors see afterwards."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from clinic.domain.models import ClinicProfile
from clinic.domain.roles import FRONT_DESK, MARKETING
from tests.factories import LocationFactory, PersonFactory

pytestmark = pytest.mark.browser

BODY = "## Key findings\n\n1. Walking together eased **low mood** after eight weeks.\n"


def test_marketing_writes_previews_is_refused_a_blank_disclaimer_and_publishes(
    new_context, clinic, staff_user, log_in
):
    PersonFactory(name="Priya Raman")
    staff_user("marketer", MARKETING)
    page = new_context().new_page()
    log_in(page, "marketer")

    page.goto(reverse("admin:articles_article_add"))
    page.locator("#id_title").fill("Walking groups eased low mood")
    page.locator("#id_summary").fill("In a small trial, weekly walking groups helped.")
    page.locator(".field-author .select2-selection").click()
    page.locator(".select2-search__field").fill("Priya")
    page.get_by_role("option", name="Priya Raman").click()
    page.locator("#id_body").fill(BODY)
    preview = page.locator(".markdownx-preview")
    expect(preview.get_by_role("heading", name="Key findings", level=2)).to_be_visible()
    expect(preview.locator("strong")).to_have_text("low mood")
    page.locator("#id_status").select_option(label="Published")

    disclaimer = page.locator("#id_disclaimer")
    expect(disclaimer).to_have_value(ClinicProfile.load().default_disclaimer)
    disclaimer.fill("   ")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".errornote")).to_be_visible()
    refusal = page.locator(".field-disclaimer .errorlist")
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("disclaimer")
    assert not Article.objects.exists()

    page.locator("#id_disclaimer").fill(ClinicProfile.load().default_disclaimer)
    page.get_by_role("button", name="Save", exact=True).first.click()
    live = page.locator(".messagelist .success").filter(has_text="is live for everyone now")
    expect(live).to_contain_text("Walking groups eased low mood")

    visitor = new_context().new_page()
    visitor.goto(reverse("articles:list"))
    visitor.get_by_role("link", name="Walking groups eased low mood").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Walking groups eased low mood")
    expect(visitor.get_by_role("heading", name="Key findings")).to_be_visible()


def test_front_desk_changes_a_phone_number_that_visitors_then_see(
    new_context, clinic, staff_user, log_in
):
    location = LocationFactory(name="Harbourlight Downtown", phone="+14165550142")
    staff_user("desk", FRONT_DESK)
    page = new_context().new_page()
    log_in(page, "desk")

    page.goto(reverse("admin:clinic_location_change", args=[location.pk]))
    page.locator("#id_phone").fill("416-555-0199")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_contain_text("Harbourlight Downtown")

    visitor = new_context().new_page()
    visitor.goto(reverse("clinic:locations"))
    card = visitor.locator(".location-card", has_text="Harbourlight Downtown")
    expect(card.get_by_role("link", name="(416) 555-0199")).to_be_visible()
    expect(card).not_to_contain_text("555-0142")
    footer = visitor.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="(416) 555-0199")).to_be_visible()
    expect(footer).not_to_contain_text("555-0142")
