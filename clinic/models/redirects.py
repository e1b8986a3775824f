"""Old addresses that answer with a permanent redirect, so links never break."""

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


def record_redirect(old_path, new_path):
    """Send `old_path` to `new_path` permanently, keeping every earlier redirect one hop long."""
    if old_path == new_path:
        return
    with transaction.atomic():
        Redirect.objects.filter(old_path=new_path).delete()  # the new path is live again
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
        Redirect.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})
