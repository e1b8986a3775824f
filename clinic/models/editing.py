from django.conf import settings
from django.db import models


class EditTracked(models.Model):
    """Who saved last, when, and a version number that every admin save moves on.

    The admin forms refuse a save when the version moved since the form was opened
    (clinic.forms.EditVersionFormMixin): nobody silently overwrites a colleague.
    """

    modified_at = models.DateTimeField(auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    edit_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
