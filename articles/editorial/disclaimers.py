"""Bringing articles up to date with the clinic's default disclaimer.

When a superuser changes the default, articles whose disclaimer is still the previous
default (ignoring spacing differences) can take the new one, one revision each. Articles
with their own wording are never touched.
"""

from articles.models import Article
from clinic.domain.models.editing import bump_edit_version

from .revisions import article_revision

APPLIED_COMMENT = "Took the clinic's new default disclaimer."


def same_text(first, second):
    """Equal once runs of spaces and line breaks are made one space."""
    return " ".join((first or "").split()) == " ".join((second or "").split())


def articles_with_disclaimer(text):
    """Articles (any status) whose disclaimer is `text`, give or take whitespace."""
    if not (text or "").strip():
        return []
    words = (text or "").split()
    # The database narrows by the first and last words; Python compares the whole text.
    candidates = Article.objects.filter(
        disclaimer__contains=words[0], disclaimer__endswith=words[-1]
    ).order_by("title")
    return [article for article in candidates if same_text(article.disclaimer, text)]


def apply_default_disclaimer(*, articles, previous, new, user):
    """Give each article still carrying `previous` the `new` text; returns how many changed.

    Each article is checked again as it is saved, so one edited meanwhile keeps its text.
    """
    changed = 0
    for article in articles:
        article.refresh_from_db(fields=["disclaimer", "edit_version"])
        if not same_text(article.disclaimer, previous) or same_text(article.disclaimer, new):
            continue
        with article_revision(user=user, comment=APPLIED_COMMENT):
            article.disclaimer = new
            bump_edit_version(article, user)
            article.save()
        changed += 1
    return changed
