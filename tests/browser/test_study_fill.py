"""An editor fills a study from its PubMed ID without leaving the page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from clinic.domain.roles import MARKETING

pytestmark = pytest.mark.browser


def test_fill_from_identifier_fills_the_study_in_place(
    new_context, clinic, staff_user, log_in, recorded_services
):
    staff_user("marketer", MARKETING)
    page = new_context().new_page()
    log_in(page, "marketer")
    page.goto(reverse("admin:articles_article_add"))
    page.locator("#id_title").fill("Aspirin after a clot")

    page.locator("#id_studies-0-lookup").fill("https://pubmed.ncbi.nlm.nih.gov/23121403/")
    page.locator("#studies-0").get_by_role("button", name="Fill from identifier").click()
    status = page.get_by_role("status").filter(has_text="Filled from")
    expect(status).to_contain_text("Filled from PubMed (PMID 23121403).")
    expect(status).to_contain_text("Suggested design: Randomised controlled trial")
    expect(page.locator("#id_studies-0-journal")).to_have_value(
        "The New England Journal of Medicine"
    )
    expect(page.locator("#id_studies-0-design")).to_have_value("rct")
    expect(page.locator("#id_studies-0-pages")).to_have_value("1979-87")
    expect(page.locator("#id_title")).to_have_value("Aspirin after a clot")
    assert page.url.endswith(reverse("admin:articles_article_add"))  # not submitted
