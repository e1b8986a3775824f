from django import template

from ..review import DUE_SOON_DAYS, review_worklist

register = template.Library()


@register.inclusion_tag("admin/articles/review_dashboard.html", takes_context=True)
def review_dashboard(context):
    """The admin home's list of articles whose medical review is overdue or due soon."""
    request = context["request"]
    if not request.user.has_perm("articles.change_article"):
        return {"visible": False}
    overdue, due_soon = review_worklist()
    return {"visible": True, "overdue": overdue, "due_soon": due_soon, "days": DUE_SOON_DAYS}
