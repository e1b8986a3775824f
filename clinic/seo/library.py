"""schema.org data for the library's pages: an article (a MedicalWebPage with its studies as
citations) and the glossary (a DefinedTermSet).

A study's retraction, correction or expression of concern, and the article's own corrections,
are `correction`s (CorrectionComment); the editorial policy is the `publishingPrinciples`.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from clinic.seo.graph import web_page
from clinic.seo.languages import language_tag
from clinic.seo.links import absolute_url
from clinic.seo.structured_data import person_data


def study_data(study):
    data = {
        "@type": "MedicalScholarlyArticle",
        "name": study.title,
        "headline": study.title,
        "author": [
            {"@type": "Person", "name": name.strip()}
            for name in study.authors.split(",")
            if name.strip()
        ],
        "datePublished": study.published_on,
        "isPartOf": {"@type": "Periodical", "name": study.journal},
    }
    if study.doi:
        data["sameAs"] = study.doi_url
    if study.link:
        data["url"] = study.link
    if study.pmid:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "PMID", "value": study.pmid}
    if notices := getattr(study, "shown_notices", None):
        data["correction"] = [notice_data(notice) for notice in notices]
    return data


def notice_data(notice):
    """A notice about a cited study: “This study was retracted on 4 June 2020”."""
    data = {"@type": "CorrectionComment", "name": notice.get_kind_display(),
            "text": f"{notice.what_happened}."}  # fmt: skip
    if notice.published_on:
        data["datePublished"] = notice.published_on.isoformat()
    if notice.link:
        data["url"] = notice.link
    return data


def correction_data(change):
    """One of the article's own corrections, as its public change note says it."""
    return {
        "@type": "CorrectionComment",
        "text": change.note,
        "datePublished": change.changed_at.isoformat(),
    }


def publishing_principles_url():
    return absolute_url(reverse("articles:editorial-policy"))


def article_page(article, *, studies, topics, description, image, corrections=()):
    """The article's page node: headline, byline, review, dates, topics, citations and the
    `image` its link previews show (its hero, else the clinic's)."""
    url = absolute_url(article.get_absolute_url())
    about = [
        {"@type": "MedicalEntity", "name": t.name, "url": absolute_url(t.get_absolute_url())}
        for t in topics
    ]
    data = web_page(
        "MedicalWebPage",
        url=url,
        name=article.title,
        description=description,
        headline=article.title,
        datePublished=article.publish_at.isoformat(),
        dateModified=(article.updated_at or article.publish_at).isoformat(),
        author=person_data(article.author),
        citation=[study_data(study) for study in studies],
        publishingPrinciples=publishing_principles_url(),
    )
    if corrections:
        data["correction"] = [correction_data(change) for change in corrections]
    if about:
        data["about"] = about
        data["mainEntity"] = about[0]
    if article.reviewer:
        data["reviewedBy"] = person_data(article.reviewer)
    if article.reviewed_on:
        data["lastReviewed"] = article.reviewed_on.isoformat()
    data["image"] = image
    return data


def glossary_data(terms):
    """The glossary as a DefinedTermSet; each term's @id is its anchor on the page."""
    url = absolute_url(reverse("articles:glossary"))
    data = {
        "@type": "DefinedTermSet",
        "@id": f"{url}#terms",
        "url": url,
        "name": _("Glossary of research terms"),
        "inLanguage": language_tag(),
        "hasDefinedTerm": [],
    }
    for term in terms:
        entry = {
            "@type": "DefinedTerm",
            "@id": f"{url}#{term.slug}",
            "url": f"{url}#{term.slug}",
            "name": term.term,
            "description": term.definition,
            "inDefinedTermSet": url,
        }
        if term.alternate_names:
            entry["alternateName"] = term.alternate_names
        if term.source_url:
            entry["sameAs"] = term.source_url
        data["hasDefinedTerm"].append(entry)
    return data
