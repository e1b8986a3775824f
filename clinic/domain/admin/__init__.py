"""The clinic's records in the admin; FORMFIELD_OVERRIDES is shared with the library's admin."""

from . import clinic, locations  # noqa: F401  (each registers its models)
from .fields import FORMFIELD_OVERRIDES, ThumbnailFileWidget

__all__ = ["FORMFIELD_OVERRIDES", "ThumbnailFileWidget"]
