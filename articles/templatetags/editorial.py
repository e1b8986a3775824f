from django import template
from django.urls import reverse

from articles.editorial.review import (
    DUE_SOON_DAYS,
    open_citation_notices,
    open_publishing_overrides,
    review_shortlists,
)

register = template.Library()


@register.inclusion_tag("admin/articles/review_dashboard.html", takes_context=True)
def review_dashboard(context):
    """The admin home's list of live articles never reviewed, overdue or due for review."""
    request = context["request"]
    if not request.user.has_perm("articles.change_article"):
        return {"visible": False}
    never, overdue, due_soon = review_shortlists()
    return {
        "visible": True, "never": never, "overdue": overdue, "due_soon": due_soon,
        "days": DUE_SOON_DAYS, "notices": open_citation_notices(),
        "list_url": reverse("admin:articles_article_changelist"),
        "overrides": open_publishing_overrides(),
    }  # fmt: skip
