"""schema.org data for the library's pages: an article (a MedicalWebPage with its studies as
citations) and the glossary (a DefinedTermSet)."""

from django.urls import reverse

from clinic.seo.graph import web_page
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
    return data


def article_page(article, *, studies, topics, description, image):
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
    )
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
        "name": "Glossary of research terms",
        "inLanguage": "en-CA",
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
