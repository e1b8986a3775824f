"""schema.org data for the library's pages: an article (a MedicalWebPage with its studies as
citations) and the glossary (a DefinedTermSet)."""

from django.urls import reverse

from clinic.seo.links import absolute_url
from clinic.seo.structured_data import organization_data, page_data, person_data


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
        "datePublished": str(study.year),
        "isPartOf": {"@type": "Periodical", "name": study.journal},
    }
    if study.doi:
        data["sameAs"] = study.doi_url
    if study.link:
        data["url"] = study.link
    if study.pmid:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "PMID", "value": study.pmid}
    return data


def article_data(article, *, studies, topics, clinic, crumbs):
    url = absolute_url(article.get_absolute_url())
    about = [
        {"@type": "MedicalEntity", "name": t.name, "url": absolute_url(t.get_absolute_url())}
        for t in topics
    ]
    data = {
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "inLanguage": "en-CA",
        "datePublished": article.publish_at.isoformat(),
        "dateModified": (article.updated_at or article.publish_at).isoformat(),
        "author": person_data(article.author),
        "publisher": organization_data(clinic),
        "citation": [study_data(study) for study in studies],
    }
    if about:
        data["about"] = about
        data["mainEntity"] = about[0]
    if article.reviewer:
        data["reviewedBy"] = person_data(article.reviewer)
    if article.reviewed_on:
        data["lastReviewed"] = article.reviewed_on.isoformat()
    if article.hero_image:
        data["image"] = absolute_url(article.hero_image.url)
    return page_data(data, crumbs)


def glossary_data(terms):
    url = absolute_url(reverse("articles:glossary"))
    data = {
        "@type": "DefinedTermSet",
        "@id": url,
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
