"""What stops an article from being published or scheduled, each problem with how to fix it.

Four content checks gate publishing: promotional wording (title, summary, body), a reading
grade over the clinic's limit, an image without alt text (in the body or the hero image), and
a disclaimer that lacks its core message. A Marketing editor or a superuser may publish
anyway by giving a reason (`may_publish_despite_checks`); the reason is kept in History and
on the review worklist (`articles.services`). A medical review the clinic requires before
publishing is not a content check: nobody publishes past it.
"""

from dataclasses import dataclass

from clinic.authoring.markdown import render_markdown
from clinic.domain.roles import MARKETING

from .content_checks import (
    PROMOTIONAL,
    body_blocks,
    reading_warnings,
    wording_warnings,
)
from .disclaimers import missing_disclaimer_points

FIX_WORDING = (
    " Say what the studies found instead, in plain words and numbers (for example “in one "
    "trial, 6 in 10 people slept better”)."
)
FIX_TESTIMONIAL = " Describe the research, not what patients say about the clinic."
REVIEW_REQUIRED = (
    "This clinic requires a medical review before publishing: choose the medical reviewer and "
    "the date they reviewed it, then publish."
)


@dataclass(frozen=True)
class Problem:
    """One thing that stops publishing: the form field it concerns ("" for the whole form)."""

    field: str
    message: str
    may_be_overridden: bool = True

    def __str__(self):
        return self.message


def review_problems(article, profile):
    """The clinic's medical review rule, for an article about to be published."""
    if profile.require_review_before_publishing and not (article.reviewer and article.reviewed_on):
        return [Problem("reviewer", REVIEW_REQUIRED, may_be_overridden=False)]
    return []


def _wording(field, where, text):
    return [
        Problem(field, warning + (FIX_WORDING if PROMOTIONAL in warning else FIX_TESTIMONIAL))
        for warning in wording_warnings(where, text)
    ]


def content_problems(article, profile):
    """Promotional wording, reading grade, alt text and disclaimer problems of `article`."""
    blocks = body_blocks(render_markdown(article.body))
    problems = _wording("title", "Title", article.title)
    problems += _wording("summary", "Summary", article.summary)
    for block in blocks:
        problems += _wording("body", block.where, block.text)
    problems += [
        Problem("body", text)
        for text in reading_warnings(blocks, profile.max_reading_grade, article.language)
    ]
    for block in blocks:
        for src, alt in block.images:
            if not (alt or "").strip():
                problems.append(
                    Problem(
                        "body",
                        f"{block.where}: the image “{src}” has no alt text. Describe it for "
                        f"people who cannot see it, between the square brackets: "
                        f"![What it shows]({src})",
                    )
                )
    if article.hero_image and not (article.hero_alt or "").strip():
        problems.append(
            Problem("hero_alt", "The hero image has no alt text: describe what it shows.")
        )
    if missing := missing_disclaimer_points(article.disclaimer, article.language):
        problems.append(
            Problem(
                "disclaimer",
                "The medical disclaimer does not say " + _and(missing) + ". Tick “Use the "
                "clinic's default disclaimer”, or add a sentence that says it.",
            )
        )
    return problems


def _and(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def may_publish_despite_checks(user):
    """Marketing editors and superusers may publish past the content checks, with a reason."""
    if user is None or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=MARKETING).exists()
