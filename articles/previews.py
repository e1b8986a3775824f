"""Preview links: a signed address that shows a draft to anyone holding it, for a week.

Each link names the article and its current preview key; a new key (`revoke_preview_links`,
or unpublishing, `articles.services.unpublish_article`) turns off every link made before.
"""

import secrets

from django.core import signing
from django.urls import reverse

from .models import Article

PREVIEW_SALT = "articles.preview-link"
PREVIEW_LINK_DAYS = 7


class PreviewLinkRevoked(signing.BadSignature):
    """A genuine preview link that an editor has since turned off."""


def preview_link_token(article):
    """A signed token naming the article and its current preview key."""
    if not article.preview_key:
        article.preview_key = secrets.token_urlsafe(32)
        Article.objects.filter(pk=article.pk).update(preview_key=article.preview_key)
    data = {"article": article.pk, "key": article.preview_key}
    return signing.dumps(data, salt=PREVIEW_SALT, compress=True)


def revoke_preview_links(article):
    """Every preview link made so far stops working (a new key; links made later work)."""
    article.preview_key = secrets.token_urlsafe(32)
    Article.objects.filter(pk=article.pk).update(preview_key=article.preview_key)


def preview_link(article, request):
    """An absolute, signed URL that shows this draft to anyone holding it, for a week."""
    path = reverse("articles:preview", kwargs={"token": preview_link_token(article)})
    return request.build_absolute_uri(path)


def article_from_preview_token(token):
    """The article a preview token names. Raises signing.SignatureExpired / BadSignature."""
    data = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_LINK_DAYS * 24 * 3600)
    article = (
        Article.objects.select_related("author", "reviewer").filter(pk=data["article"]).first()
    )
    if article is not None and data.get("key") != article.preview_key:
        raise PreviewLinkRevoked("This preview link was revoked.")
    return article
