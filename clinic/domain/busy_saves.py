"""An admin save the database cannot take right now gives the form back, never a server error.

Writers queue for their turn (SQLite: WAL, IMMEDIATE transactions and a busy timeout, in the
settings; PostgreSQL: row locks), so this is rare: a wait longer than the timeout, a deadlock or
serialization failure. The save's transaction is then rolled back whole, and the editor sees
the change form again, filled in with everything they posted, and a message to press Save
again. Nothing was saved, so the next press is checked against other editors' changes
(`clinic.domain.forms.EditVersionFormMixin`) like any other.
"""

import logging

from django import forms
from django.contrib.messages.storage import default_storage
from django.db import OperationalError

BUSY_MESSAGE = (
    "The database was busy and your changes were not saved yet. "
    "Your text is below; press Save again."
)
# PostgreSQL's codes for "try again": 40… transaction rollback (deadlock, serialization
# failure), 55P03 lock not available, 57014 canceled (lock or statement timeout).
RETRY_SQLSTATES = ("40", "55P03", "57014")
RETRY_SQLITE_ERRORS = ("SQLITE_BUSY", "SQLITE_LOCKED")

logger = logging.getLogger(__name__)


def is_transient(error):
    """True for a database error that the same save, made again, may well not meet."""
    cause = error.__cause__
    if sqlstate := getattr(cause, "sqlstate", None):
        return sqlstate.startswith(RETRY_SQLSTATES)
    if name := getattr(cause, "sqlite_errorname", None):
        return name.startswith(RETRY_SQLITE_ERRORS)
    message = str(error).lower()
    return "database is locked" in message or "database table is locked" in message


class NotSavedForm(forms.BaseForm):
    """The admin's own form, refusing with the busy message, so that Django's change form
    shows what was posted as it does for any form with an error."""

    def clean(self):
        cleaned = super().clean()
        self.add_error(None, forms.ValidationError(BUSY_MESSAGE, code="database_busy"))
        return cleaned


class SaveWhenBusyMixin:
    """First among a ModelAdmin's bases, so that it is outside every transaction of the save
    (the admin's own, django-reversion's revision)."""

    def add_view(self, request, form_url="", extra_context=None):
        view = super().add_view
        return self._unless_busy(request, None, form_url, extra_context, view)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        view = super().change_view
        return self._unless_busy(request, object_id, form_url, extra_context, view, object_id)

    def _unless_busy(self, request, object_id, form_url, extra_context, view, *args):
        if request.method != "POST":
            return view(request, *args, form_url, extra_context)
        try:
            return view(request, *args, form_url, extra_context)
        except OperationalError as error:
            if not is_transient(error):
                raise
            logger.warning("Save of %s %s not made: %s", self.opts.label, object_id, error)
        # What the rolled-back attempt announced (“… was changed successfully”) is dropped.
        request._messages = default_storage(request)
        request.database_was_busy = True
        # Django's change form, bound to what was posted, outside a transaction: it only reads.
        return self._changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, "database_was_busy", False):
            return type(form)(form.__name__, (NotSavedForm, form), {})
        return form
