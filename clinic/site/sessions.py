"""Staff are signed out after STAFF_SESSION_IDLE_MINUTES without a request, and a request that
changes nothing writes nothing.

A Django session expires SESSION_COOKIE_AGE (the idle limit) after it was last saved, in the
database and in the browser's cookie alike. Saving it on every request would keep that exact,
but would make every live preview, page view and admin list a database write, each queueing
behind an editor's save on SQLite. So a signed-in session is saved again only when its last
save is older than `renewal_interval()` (a tenth of the idle limit, at most five minutes), or
when the request changed it anyway. An idle session therefore ends between the idle limit less
that interval and the idle limit after the last request, never later; anyone whose requests
come closer together than that is never signed out.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY

SAVED_AT = "_saved_at"  # when the session was last saved, in seconds since the epoch


def renewal_interval():
    return min(5 * 60, settings.SESSION_COOKIE_AGE // 10)


class IdleSignOutMiddleware:
    """Pushes a signed-in session's expiry back, at most once per renewal interval.

    Placed right after SessionMiddleware, so that what it marks is saved on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or SESSION_KEY not in session:
            return response  # visitors (no session is made for them) and signed-out staff
        now = int(time.time())
        if session.modified or now - session.get(SAVED_AT, 0) >= renewal_interval():
            session[SAVED_AT] = now
        return response
