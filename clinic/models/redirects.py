"""Old addresses that answer with a permanent redirect, so links never break."""

import re
from urllib.parse import unquote

from django.db import models, transaction


class Redirect(models.Model):
    """A path that moved: a changed slug, or a post imported from an older site."""

    old_path = models.CharField(
        max_length=500, unique=True, help_text="The old address, starting with “/”."
    )
    new_path = models.CharField(max_length=500, help_text="Where it lives now.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(old_path=models.F("new_path")), name="redirect_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


def normalise_path(path):
    """One spelling of an address: decoded, single slashes, no trailing slash (but "/")."""
    path = re.sub(r"/{2,}", "/", "/" + unquote(path).strip())
    return path.rstrip("/") or "/"


def find_redirect(path):
    """Where `path` moved to, however the old address is written, or None.

    "/blog//my-post", "/blog/my-post/" and "/Blog/My-Post" all find the redirect recorded
    for "/blog/my-post": links to old sites are often copied with such differences.
    """
    wanted = normalise_path(path)
    spellings = {path, wanted, wanted + "/"}
    found = Redirect.objects.filter(old_path__in=spellings).values_list("new_path", flat=True)
    target = found.first()
    if target is None:
        query = models.Q()
        for spelling in (wanted, wanted + "/"):
            query |= models.Q(old_path__iexact=spelling)
        target = Redirect.objects.filter(query).values_list("new_path", flat=True).first()
    return target


def record_redirect(old_path, new_path):
    """Send `old_path` to `new_path` permanently, keeping every earlier redirect one hop long."""
    if old_path == new_path:
        return
    with transaction.atomic():
        Redirect.objects.filter(old_path=new_path).delete()  # the new path is live again
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
        Redirect.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})
