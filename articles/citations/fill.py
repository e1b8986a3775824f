"""A looked-up record as the values of a study's form fields, and what to tell the editor."""

from articles.models import Study

# The study fields a record can fill, in the form's order.
FILLED_FIELDS = [
    "title", "journal", "year", "month", "volume", "issue", "pages", "authors", "doi", "pmid",
    "design",
]  # fmt: skip


def _limit(name):
    return Study._meta.get_field(name).max_length


def study_values(record):
    """{field name: text} for the fields the record can fill; empty ones left out."""
    values = {
        "title": record.title[: _limit("title")],
        "journal": record.journal[: _limit("journal")],
        "year": str(record.year) if record.year and 1900 <= record.year <= 2100 else "",
        "month": str(record.month or ""),
        "volume": record.volume[: _limit("volume")],
        "issue": record.issue[: _limit("issue")],
        "pages": record.pages[: _limit("pages")],
        "authors": ", ".join(record.authors),
        "doi": record.doi if len(record.doi) <= _limit("doi") else "",
        "pmid": record.pmid,
        "design": record.design,
    }
    return {name: values[name] for name in FILLED_FIELDS if values[name]}


def field_label(name):
    return str(Study._meta.get_field(name).verbose_name)


def describe_fill(result, values, previous):
    """The sentence shown after filling: from where, which fields, which were replaced."""
    filled = [name for name in values if not (previous.get(name) or "").strip()]
    replaced = [
        name
        for name in values
        if (previous.get(name) or "").strip() and previous[name].strip() != values[name]
    ]
    parts = [f"Filled from {' and '.join(result.sources)} ({result.identifier})."]
    if filled:
        parts.append("Filled: " + ", ".join(field_label(name) for name in filled) + ".")
    if replaced:
        parts.append("Replaced: " + ", ".join(field_label(name) for name in replaced) + ".")
    if not filled and not replaced:
        parts.append("The study already matched the record: nothing changed.")
    parts.append(design_sentence(result, values))
    parts.extend(result.warnings)
    parts.append("Check the fields, then save to keep them.")
    return " ".join(parts)


def design_sentence(result, values):
    if "design" not in values:
        return "No design could be suggested: choose it from the paper."
    design = Study.Design(values["design"]).label
    return f"Suggested design: {design}, from {result.record.design_basis}."
