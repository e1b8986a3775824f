"""Where a redirect may send visitors: a page of this site, or, when a superuser allowed it for
that redirect, an https address on another site. Nothing else: an open redirect on a clinic's
own address is a phishing tool.

The same rules are checked when a redirect is saved (the model's `clean()`, the `site.yaml`
import) and again before a visitor is sent anywhere (`is_safe_redirect`), so a row that reached
the database some other way is never followed.
"""

import unicodedata
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.http import url_has_allowed_host_and_scheme

PATH_EXAMPLE = "/articles/sleep-and-ptsd/"
ON_THIS_SITE = (
    f"A redirect leads to a page of this site: give its path, starting with “/” "
    f"(for example {PATH_EXAMPLE})."
)
ELSEWHERE_NEEDS_SUPERUSER = (
    "To send visitors to another site, a superuser ticks “Allow an address on another site”."
)
https_address = URLValidator(schemes=["https"])


def validate_redirect_target(target, *, external_allowed=False):
    """Raise ValidationError unless `target` is a path on this site, or an https address on
    another site when `external_allowed`."""
    if not target:
        raise ValidationError("Give the new address.")
    if any(_is_hidden(character) for character in target):
        raise ValidationError(
            "The new address holds a space, a line break or an invisible character; type it "
            "again without them (a space in a path is written %20)."
        )
    if "\\" in target:
        raise ValidationError(
            "The new address holds a backslash (\\): browsers read it as “/”, which can lead "
            "to another site. Use “/” between the parts of a path."
        )
    if target.startswith("//"):
        raise ValidationError(f"“//” starts an address on another site. {ON_THIS_SITE}")
    if target.startswith("/"):
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=set()):
            raise ValidationError(ON_THIS_SITE)
        return
    if not external_allowed:
        looks_like_address = target.lower().startswith(("http://", "https://"))
        hint = f" {ELSEWHERE_NEEDS_SUPERUSER}" if looks_like_address else ""
        raise ValidationError(ON_THIS_SITE + hint)
    _validate_address_elsewhere(target)


def _validate_address_elsewhere(target):
    if not target.startswith("https://"):
        raise ValidationError(
            "An address on another site starts with https:// (a secure address), "
            "or give a path on this site starting with “/”."
        )
    try:
        https_address(target)
    except ValidationError:
        raise ValidationError(
            "This is not a complete web address; copy it from the browser's address bar."
        ) from None
    if "@" in urlsplit(target).netloc:
        raise ValidationError(
            "The address holds a user name before “@”, a common way of disguising where a "
            "link goes. Give the address without it."
        )


def _is_hidden(character):
    """Whitespace, control and format characters (line breaks, NUL, zero-width, bidi overrides),
    and code points with no meaning: none has a place in an address typed into a form."""
    return character.isspace() or unicodedata.category(character).startswith("C")


def is_safe_redirect(target, *, external_allowed, host):
    """Whether visitors answered on `host` may be sent to `target` (checked on every redirect)."""
    try:
        validate_redirect_target(target, external_allowed=external_allowed)
    except ValidationError:
        return False
    if target.startswith("/"):
        return url_has_allowed_host_and_scheme(target, allowed_hosts={host})
    # An address elsewhere that a superuser allowed: only its form and scheme are checked.
    netloc = urlsplit(target).netloc
    return url_has_allowed_host_and_scheme(target, allowed_hosts={netloc}, require_https=True)
