from django import template

from articles.editorial.evidence import read_evidence

register = template.Library()


@register.inclusion_tag("includes/evidence_box.html")
def evidence_box(study, number=None):
    """“How strong is the evidence?” for one study, read from its record by fixed rules."""
    return {"study": study, "reading": read_evidence(study), "number": number}
