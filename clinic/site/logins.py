"""Admin sign-in protection with django-axes: the lock-out check, the client's address, the page.

After `AXES_FAILURE_LIMIT` failed sign-ins for one username from one address, that pair is
locked out for `AXES_COOLOFF_TIME`. A superuser unlocks early with
`manage.py axes_reset_username <username>` or by deleting the row under
"Axes › Access attempts" in the admin (see SECURITY.md).
"""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.shortcuts import render


class StaffLoginForm(AdminAuthenticationForm):
    """The admin's sign-in form, labelled for what it takes: staff sign in with their email."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget.attrs.update(autocomplete="username", inputmode="email")
        self.error_messages["invalid_login"] = (
            "Please enter the email address and password of a staff account. Both are "
            "case-sensitive."
        )


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuses sign-ins while locked out; authenticates nobody itself (ModelBackend does that).

    Authentication without a request (the shell, management commands, the test client's
    `login()`) is not something a visitor can reach, so it is let through to ModelBackend
    instead of raising as Axes does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The visitor's address, as seen by the outermost of `TRUSTED_PROXY_COUNT` proxies.

    Without trusted proxies it is REMOTE_ADDR; X-Forwarded-For entries a visitor typed
    themselves sit to the left of the ones our proxies appended, so they are never used.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """The admin-styled "sign-in paused" page, with status 429 Too Many Requests."""
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in paused",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "admin/locked_out.html", context, status=429)
