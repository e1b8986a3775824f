"""A small site with every public page type, and a parser for what a page's <head> says."""

import io
import json
from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from clinic.domain.models import ClinicProfile
from tests.factories import (
    ArticleFactory,
    LocationFactory,
    PersonFactory,
    StudyFactory,
    TopicFactory,
    weekly_hours,
)

SITE_URL = "https://clinic.example.org"
LONG_SUMMARY = (
    "Researchers pooled four small studies in which people with posttraumatic stress disorder "
    "had ketamine together with talk therapy. Symptoms fell after treatment, but the studies "
    "were small and had no comparison group, so this is an early signal rather than an answer."
)


def png(width=1600, height=900):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#1f5f5b").save(buffer, format="PNG")
    return buffer.getvalue()


def build_site():
    """Every kind of public page, with the details each kind can carry; their paths by kind."""
    profile = ClinicProfile.load()
    profile.name, profile.tagline = "Harbourlight Clinic", "Research explained plainly."
    profile.contact_email = "hello@example.org"
    profile.profile_links = "https://www.linkedin.com/company/example\nhttps://example.org/fb\n"
    profile.save()
    downtown = LocationFactory(
        name="Downtown", slug="downtown", latitude=Decimal("43.646600"),
        longitude=Decimal("-79.396000"), booking_url="https://book.example.org/",
    )  # fmt: skip
    weekly_hours(downtown)
    LocationFactory(name="Uptown", slug="uptown")
    clinician = PersonFactory(
        name="Dr Ana Ruiz", slug="ana-ruiz", credentials="MD, FRCPC", regulator="CPSO",
        registration_number="DEMO-1", register_url="https://register.example.org/1",
        bio="I am a psychiatrist who treats **trauma** and writes about research for patients.",
    )  # fmt: skip
    team = PersonFactory(name="The Harbourlight Clinical Team", slug="team", credentials="")
    former = PersonFactory(
        name="Dr Sam Lee", slug="sam-lee", is_active=False, regulator="CPSO",
        registration_number="DEMO-2",
    )  # fmt: skip
    PersonFactory(name="Dr Not Linked", slug="not-linked", is_active=False)
    ptsd = TopicFactory(name="PTSD", slug="ptsd", description="")
    depression = TopicFactory(
        name="Depression", slug="depression",
        description="Depression is common and treatable. These summaries explain research on "
        "talk therapies, medicines and other treatments, and what they mean for patients.",
    )  # fmt: skip
    article = ArticleFactory(
        title="Ketamine with talk therapy for PTSD", slug="ketamine-and-ptsd",
        summary=LONG_SUMMARY, author=team, reviewer=clinician,
        reviewed_on=timezone.localdate() - timedelta(days=30),
        updated_at=timezone.now() - timedelta(days=2),
    )  # fmt: skip
    article.topics.add(ptsd)
    StudyFactory(article=article, doi="10.4088/JCP.22r14614", pmid="37436827", month=6)
    StudyFactory(article=article, title="A second trial", year=2021)
    french = ArticleFactory(
        title="La kétamine avec la psychothérapie pour le TSPT", slug="ketamine-et-tspt",
        language="fr", translation_key=article.translation_key,
        summary="Un essai où des personnes atteintes de TSPT ont reçu de la kétamine avec une "
        "psychothérapie : ce que l’étude a mesuré, ce qu’elle a trouvé et ce que cela veut dire "
        "pour vous.",
        author=team, reviewer=clinician, reviewed_on=article.reviewed_on,
    )  # fmt: skip
    french.topics.add(ptsd)
    illustrated = ArticleFactory(
        title="Exercise and depression", slug="exercise", author=former, hero_alt="A runner",
    )  # fmt: skip
    illustrated.hero_image.save("runner.png", ContentFile(png()), save=True)
    illustrated.topics.add(depression)
    ArticleFactory(title="A draft", slug="a-draft", draft=True, author=clinician)
    return {
        "home": reverse("articles:home"),
        "articles": reverse("articles:list"),
        "article": article.get_absolute_url(),
        "french-article": french.get_absolute_url(),
        "illustrated-article": illustrated.get_absolute_url(),
        "topics": reverse("articles:topic-list"),
        "topic": ptsd.get_absolute_url(),
        "described-topic": depression.get_absolute_url(),
        "team": reverse("clinic:team"),
        "person": clinician.get_absolute_url(),
        "collective": team.get_absolute_url(),
        "former-author": former.get_absolute_url(),
        "locations": reverse("clinic:locations"),
        "location": downtown.get_absolute_url(),
        "search": reverse("articles:search"),
        "search-results": reverse("articles:search") + "?q=ketamine",
        "glossary": reverse("articles:glossary"),
    }


LIST_PAGES = ["articles", "topics", "topic", "described-topic", "team", "locations"]


class Head(HTMLParser):
    """The <head>'s title, meta tags (by name or property), links and JSON-LD documents."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.meta, self.links, self.jsonld, self._script = {}, [], [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.jsonld.append(json.loads("".join(self._script)))
            self._script = None

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def graph(self):
        assert len(self.jsonld) == 1, "one JSON-LD document a page"
        return self.jsonld[0]["@graph"]
