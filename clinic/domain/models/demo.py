from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class DemoRecord(models.Model):
    """A row that `load_demo` made, by a key that survives renames, and how it looked then.

    `load_demo` finds its rows again by `key` (never by a title or slug staff may change),
    and `remove_demo` deletes a row only while its fingerprint still matches: anything the
    clinic edited since stays.
    """

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    row = GenericForeignKey("content_type", "object_id")
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.key
