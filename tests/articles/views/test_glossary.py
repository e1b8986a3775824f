"""The glossary: marking terms in article bodies, the terms themselves, and /glossary/."""

import json
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import override

from articles.models import GlossaryTerm
from articles.views.glossary import Entry, Glossary, article_body, mark_terms
from clinic.authoring.markdown import render_markdown
from tests.factories import ArticleFactory, StudyFactory
from tests.sitemaps import all_locs

ENTRIES = [
    Entry("meta-analysis", "Meta-analysis", "Combines.", ("Meta-analysis", "meta analysis")),
    Entry("placebo", "Placebo", "A dummy treatment.", ("Placebo",)),
    Entry("rct", "Randomised controlled trial", "Chance decides.",
          ("Randomised controlled trial", "randomized controlled trial", "RCT")),
    Entry("response", "Response", "Symptoms fell by half.", ("Response",)),
    Entry("case-study", "Case study", "One person.", ("case study",)),
    Entry("caps-5", "CAPS-5", "An interview.", ("CAPS-5", "CAPS")),
]  # fmt: skip


def marked(markdown, entries=ENTRIES):
    html, used = mark_terms(render_markdown(markdown), Glossary(entries))
    return html, [entry.slug for entry in used]


def links(html):
    """(slug, text) of every glossary link in the HTML."""
    return re.findall(r'<a class="term" href="#glossary-([\w-]+)"[^>]*>([^<]*)</a>', html)


def test_the_first_use_is_marked_and_later_ones_in_the_same_paragraph_are_not():
    html, used = marked("A placebo, then another placebo and a Placebo.")
    assert links(html) == [("placebo", "placebo")]
    assert used == ["placebo"]
    assert html.endswith("</a>, then another placebo and a Placebo.</p>")


def test_only_the_first_use_in_the_whole_body_is_marked():
    html, _ = marked("One placebo.\n\nTwo placebo.\n\n- three placebo")
    assert len(links(html)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two meta-analyses agreed.", [("meta-analysis", "meta-analyses")]),
        ("Two Meta-Analyses agreed.", [("meta-analysis", "Meta-Analyses")]),
        ("A META-ANALYSIS agreed.", [("meta-analysis", "META-ANALYSIS")]),
        ("Several placebos.", [("placebo", "placebos")]),
        ("Three case studies.", [("case-study", "case studies")]),
        ("Two RCTs were run.", [("rct", "RCTs")]),
        ("A randomized controlled\ntrial.", [("rct", "randomized controlled\ntrial")]),
        ("Scored on the CAPS-5.", [("caps-5", "CAPS-5")]),
        ("The older CAPS, then CAPS-5.", [("caps-5", "CAPS")]),
    ],
)
def test_plural_capitalised_and_alternative_forms_are_found(text, expected):
    assert links(marked(text)[0]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nonresponse was common.",  # inside a longer word
        "Responsiveness improved.",
        "A placebo-controlled trial.",  # part of a hyphenated word
        "Unplacebo.",
        "The rct word in lower case is not the abbreviation.",
        "caps lock",
    ],
)
def test_a_term_inside_a_longer_word_or_in_the_wrong_case_is_left_alone(text):
    assert links(marked(text)[0]) == []


@pytest.mark.parametrize(
    "text",
    [
        "See [the placebo arm](https://example.org/placebo).",
        "## Placebo findings",
        "### Why a placebo",
        "Run `placebo --help` first.",
        "    placebo in a code block",
        "A footnote.[^1]\n\n[^1]: About the placebo.",
    ],
)
def test_links_headings_code_and_footnotes_are_never_marked(text):
    assert links(marked(text)[0]) == []


def test_a_skipped_use_does_not_count_as_the_first_one():
    html, _ = marked("## Placebo\n\nSee [placebo](https://example.org).\n\nA placebo helped.")
    assert links(html) == [("placebo", "placebo")]
    assert '<h2 id="placebo">Placebo</h2>' in html


def test_the_longest_name_wins_and_a_term_inside_it_is_not_marked_again():
    entries = [*ENTRIES, Entry("trial", "Trial", "A test.", ("trial",))]
    html, _ = marked("A randomised controlled trial, then a trial.", entries)
    assert links(html) == [("rct", "randomised controlled trial"), ("trial", "trial")]


def test_markup_and_escaped_text_survive_marking():
    html, _ = marked("**Bold placebo** & <script>x</script> 5 < 6 “quoted” response.")
    assert "<strong>Bold " in html and "</strong>" in html
    assert "&amp;" in html and "&lt;" in html and "<script>" not in html
    assert links(html) == [("placebo", "placebo"), ("response", "response")]


def test_the_link_points_at_its_definition_and_back():
    html, _ = marked("A placebo.")
    assert (
        '<a class="term" href="#glossary-placebo" id="glossary-ref-placebo" '
        'aria-describedby="glossary-placebo-definition">placebo</a>'
    ) in html


def test_an_empty_glossary_changes_nothing():
    source = render_markdown("A placebo & a trial.")
    assert mark_terms(source, Glossary([])) == (source, [])


# The database: seeded terms, constraints, validation, caching and the pages.


@pytest.mark.django_db
def test_the_seeded_glossary_has_the_terms_articles_use():
    names = {name.lower() for term in GlossaryTerm.objects.all() for name in term.names}
    assert GlossaryTerm.objects.count() >= 40
    wanted = {"meta-analysis", "systematic review", "randomised controlled trial", "placebo",
              "cohort study", "effect size", "statistically significant", "caps-5", "pcl-5",
              "madrs", "phq-9", "remission", "treatment response", "treatment-resistant",
              "dissociation", "neuroplasticity", "glutamate"}  # fmt: skip
    assert wanted <= names
    for term in GlossaryTerm.objects.all():
        term.full_clean()  # one or two sentences, no name used twice


@pytest.mark.django_db
def test_term_names_are_unique_ignoring_case():
    GlossaryTerm.objects.create(term="Zeta scale", slug="zeta-scale", definition="A scale.")
    with pytest.raises(IntegrityError), transaction.atomic():
        GlossaryTerm.objects.create(term="ZETA SCALE", slug="zeta-2", definition="A scale.")


@pytest.mark.django_db
def test_a_blank_definition_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        GlossaryTerm.objects.create(term="Zeta scale", slug="zeta-scale", definition="  \n ")


@pytest.mark.django_db
def test_validation_refuses_long_definitions_and_names_taken_by_another_term():
    term = GlossaryTerm(
        term="Zeta scale",
        slug="zeta-scale",
        also_known_as="RCT, zeta",
        definition="One. Two. Three.",
        source_name="NIMH",
    )
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert set(error.value.message_dict) == {"definition_en", "also_known_as_en", "source_url"}
    assert "RCT" in error.value.message_dict["also_known_as_en"][0]


def _article_with(body):
    cache.clear()
    article = ArticleFactory(body=body)
    StudyFactory(article=article)
    return article


@pytest.mark.django_db
def test_the_article_page_explains_terms_and_lists_them_as_footnotes(client):
    article = _article_with("People got a placebo. Then a placebo again, and an RCT.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert links(html) == [
        ("placebo", "placebo"),
        ("randomised-controlled-trial", "RCT"),
    ]
    notes = html.split('<section class="terms"')[1].split("</section>")[0]
    placebo = '<dfn>Placebo</dfn>: <span id="glossary-placebo-definition">'
    assert '<li id="glossary-placebo">' + placebo in notes
    assert placebo in notes
    assert notes.index("glossary-placebo") < notes.index("glossary-randomised-controlled-trial")
    assert f'href="{reverse("articles:glossary")}"' in notes
    article.refresh_from_db()
    assert "glossary" not in article.body and "glossary" not in article.body_html


@pytest.mark.django_db
def test_the_disclaimer_and_summary_are_never_marked(client):
    article = _article_with("Nothing to explain.")
    article.disclaimer = "Not advice. A placebo is not a treatment."
    article.summary = "A placebo study."
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert links(html) == [] and 'class="terms"' not in html


@pytest.mark.django_db
def test_changing_a_term_reaches_articles_at_once(client):
    article = _article_with("A zeta scale was used.")
    assert links(client.get(article.get_absolute_url()).content.decode()) == []
    term = GlossaryTerm.objects.create(term="Zeta scale", slug="zeta", definition="A scale.")
    assert links(client.get(article.get_absolute_url()).content.decode()) == [
        ("zeta", "zeta scale")
    ]
    term.is_marked_in_articles = False
    term.save()
    assert links(client.get(article.get_absolute_url()).content.decode()) == []


@pytest.mark.django_db
def test_marking_is_cached_per_body_and_glossary(django_assert_num_queries):
    article = _article_with("A placebo.")
    article_body(article)
    with django_assert_num_queries(0):
        html, used = article_body(article)
    assert [entry.slug for entry in used] == ["placebo"]


@pytest.mark.django_db
def test_glossary_page_lists_terms_a_to_z_with_anchors_and_json_ld(client):
    cache.clear()
    GlossaryTerm.objects.create(term="5-HT", slug="5-ht", definition="Serotonin's other name.")
    response = client.get(reverse("articles:glossary"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="letter-a" class="glossary__letter">A</h2>' in html
    assert 'href="#letter-m"' in html and 'href="#letter-x"' not in html
    assert '<div class="glossary__entry" id="placebo">' in html
    assert html.index('id="letter-0-9"') < html.index('id="letter-a"')  # numbers first
    assert html.index('id="meta-analysis"') < html.index('id="placebo"')
    assert 'href="https://www.ptsd.va.gov/professional/assessment/adult-int/caps.asp"' in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    term_set = next(node for node in data["@graph"] if node["@type"] == "DefinedTermSet")
    placebo = next(t for t in term_set["hasDefinedTerm"] if t["name"] == "Placebo")
    assert placebo["@type"] == "DefinedTerm"
    assert placebo["url"].endswith("/glossary/#placebo")
    assert placebo["inDefinedTermSet"] == term_set["url"]
    assert len(term_set["hasDefinedTerm"]) == GlossaryTerm.objects.count()


@pytest.mark.django_db
def test_glossary_is_in_the_sitemap_and_the_footer(client):
    assert any(loc.endswith("/glossary/") for loc in all_locs(client))
    html = client.get(reverse("articles:home")).content.decode()
    assert f'<a href="{reverse("articles:glossary")}">Glossary of research terms</a>' in html


@pytest.mark.django_db
def test_marketing_may_edit_the_glossary(marketing_client):
    term = GlossaryTerm.objects.get(slug="placebo")
    url = reverse("admin:articles_glossaryterm_change", args=[term.pk])
    response = marketing_client.post(
        url,
        {
            "term_en": "Placebo",
            "term_fr": "Placebo",
            "slug": "placebo",
            "also_known_as_en": "dummy treatment",
            "also_known_as_fr": "traitement factice",
            "definition_en": "A dummy treatment with no active ingredient.",
            "definition_fr": "Un traitement factice, sans substance active.",
            "source_url": "",
            "source_name": "",
            "is_marked_in_articles": "on",
        },
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.definition == "A dummy treatment with no active ingredient."
    with override("fr"):
        assert term.definition == "Un traitement factice, sans substance active."
    assert marketing_client.get(reverse("admin:articles_glossaryterm_add")).status_code == 200
