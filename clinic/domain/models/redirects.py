"""Old addresses that answer with a permanent redirect, so links never break: those of posts
imported from an older site, and of public pages whose slug changed (`redirect_old_urls`).

A redirect leads to a page of this site (a path starting with a single "/"), unless a superuser
has allowed an https address on another site for that one row (`redirect_targets`).

An old WordPress site also answers "plain" addresses that name a post in the query:
"/?p=173", "/?page_id=12", "/?attachment_id=40". They are kept as "/?p=173" (the path in
its one spelling, then the one key and its number) and found by `find_query_redirect`.
"""

import copy
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_save, pre_save

from ..redirect_targets import validate_redirect_target

# What the database itself insists on (the full rules are in `validate_redirect_target`): a path
# on this site, not "//host" or "/\host" (which browsers read as another site), or an https
# address that a superuser allowed. Rows switched off may hold anything: the unsafe targets of
# older versions were switched off rather than deleted.
ON_THIS_SITE = (
    Q(new_path__startswith="/") & ~Q(new_path__startswith="//") & ~Q(new_path__startswith="/\\")
)
ALLOWED_ELSEWHERE = Q(is_external_allowed=True, new_path__startswith="https://")


class Redirect(models.Model):
    """A path that moved: a changed slug, or a post imported from an older site."""

    old_path = models.CharField(
        max_length=500, unique=True, help_text="The old address, starting with “/”."
    )
    new_path = models.CharField(
        max_length=500,
        help_text="Where it lives now: a page of this site, starting with “/” "
        "(for example /articles/sleep-and-ptsd/).",
    )
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Off: the old address answers “page not found”. Redirects whose new address "
        "led off the site were switched off when the site was updated; give them a page of this "
        "site and switch them on again.",
    )
    is_external_allowed = models.BooleanField(
        "allow an address on another site",
        default=False,
        help_text="Superusers only. Visitors may then be sent to an https address on another "
        "site (for example a page that moved to a partner's site). Leave it off unless you "
        "trust that site.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(old_path=models.F("new_path")), name="redirect_not_to_itself"
            ),
            models.CheckConstraint(
                condition=ON_THIS_SITE | ALLOWED_ELSEWHERE | Q(is_active=False),
                name="redirect_target_on_this_site",
                violation_error_message="A redirect leads to a page of this site.",
            ),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        super().clean()
        try:
            validate_redirect_target(self.new_path, external_allowed=self.is_external_allowed)
        except ValidationError as error:
            raise ValidationError({"new_path": error.messages}) from error


def normalise_path(path):
    """One spelling of an address: decoded, single slashes, no trailing slash (but "/")."""
    path = re.sub(r"/{2,}", "/", "/" + unquote(path).strip())
    return path.rstrip("/") or "/"


def find_redirect(path):
    """Where `path` moved to (an active redirect's target), or None; see `redirect_for`."""
    redirect = redirect_for(path)
    return redirect.new_path if redirect else None


def redirect_for(path):
    """The active redirect of `path` (a `Redirect`), however the old address is written, or None.

    "/blog//my-post", "/blog/my-post/" and "/Blog/My-Post" all find the redirect recorded
    for "/blog/my-post": links to old sites are often copied with such differences.
    """
    wanted = normalise_path(path)
    spellings = {path, wanted, wanted + "/"}
    active = Redirect.objects.filter(is_active=True).only("new_path", "is_external_allowed")
    found = active.filter(old_path__in=spellings).first()
    if found is None:
        query = models.Q()
        for spelling in (wanted, wanted + "/"):
            query |= models.Q(old_path__iexact=spelling)
        found = active.filter(query).first()
    return found


def record_redirect(old_path, new_path):
    """Send `old_path` to `new_path` permanently, keeping every earlier redirect one hop long."""
    if old_path == new_path:
        return
    with transaction.atomic():
        Redirect.objects.filter(old_path=new_path).delete()  # the new path is live again
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
        Redirect.objects.update_or_create(
            old_path=old_path,
            defaults={"new_path": new_path, "is_active": True, "is_external_allowed": False},
        )


QUERY_KEYS = ("p", "page_id", "attachment_id")  # WordPress's plain addresses


def query_address(path, key, value):
    """The one spelling of a plain address: "/blog/?p=0173" -> "/blog?p=173"; else None."""
    if key not in QUERY_KEYS or not str(value).strip().isdigit():
        return None
    return f"{normalise_path(path)}?{key}={int(value)}"


def record_query_redirect(address, new_path):
    """Send a plain address ("/?p=173") to `new_path` permanently."""
    parts = urlsplit(address)
    for key, value in parse_qsl(parts.query):
        if (old := query_address(parts.path or "/", key, value)) is not None:
            Redirect.objects.update_or_create(
                old_path=old,
                defaults={"new_path": new_path, "is_active": True, "is_external_allowed": False},
            )


def find_query_redirect(path, query):
    """Where a plain address (`query`: the request's GET) moved to, or None."""
    redirect = query_redirect_for(path, query)
    return redirect.new_path if redirect else None


def query_redirect_for(path, query):
    """The active redirect of a plain address (`query`: the request's GET), or None."""
    active = Redirect.objects.filter(is_active=True).only("new_path", "is_external_allowed")
    for key in QUERY_KEYS:
        old = query_address(path, key, query.get(key, ""))
        if old is not None and (found := active.filter(old_path=old).first()):
            return found
    return None


def redirect_old_urls(model, *, was_public=lambda instance: True):
    """After a save that changes the slug of a public `model` row, 301 its old URL to the new."""

    def remember_old_url(sender, instance, raw=False, **kwargs):
        instance._old_url = None
        if raw or instance.pk is None:
            return
        old_slug = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        if old_slug and old_slug != instance.slug:
            old = copy.copy(instance)  # the same row (its language too) at its old address
            old.slug = old_slug
            instance._old_url = old.get_absolute_url()

    def record_move(sender, instance, raw=False, **kwargs):
        old_url = getattr(instance, "_old_url", None)
        if old_url and was_public(instance):
            record_redirect(old_url, instance.get_absolute_url())

    uid = f"redirect_old_urls:{model._meta.label}"
    pre_save.connect(remember_old_url, sender=model, weak=False, dispatch_uid=uid + ":pre")
    post_save.connect(record_move, sender=model, weak=False, dispatch_uid=uid + ":post")
