"""Copy an old site's images into this site's media storage: http(s) only, and bounded.

Only http and https are fetched, from public addresses (an export cannot make the server
read its own network), with a timeout, a size cap and a check that the bytes are an image.
The stored name comes from the address, so a second run reuses what the first downloaded.
"""

import hashlib
import ipaddress
import socket
import time
import urllib.request
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from clinic.authoring.uploads import UploadRejected, clean_image_upload

IMAGE_TYPES = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 10
STORAGE_FOLDER = "articles/imported"
USER_AGENT = "clinic-research-library importer (+https://www.djangoproject.com/)"


def _stem(url):
    """Where the copy of the image at `url` is stored, less its extension."""
    return f"{STORAGE_FOLDER}/{hashlib.sha256(url.encode()).hexdigest()[:32]}"


class ImageFetchError(Exception):
    """Why an image was left as a link to the old site.

    `temporary` when trying again later may work (no answer, a server error, a name lookup
    that failed), not when the address or the file itself is refused.
    """

    def __init__(self, message, *, temporary=False):
        super().__init__(message)
        self.temporary = temporary


def replace_address(body, url, new_url):
    """The Markdown body with an image's old address replaced by its copy's."""
    body = body.replace(f"]({url}", f"]({new_url}")
    return body.replace(f'src="{url}"', f'src="{new_url}"')  # in an HTML table


def check_address(url, *, allow_private_hosts=False):
    """Refuse anything but http(s) to a public host (private hosts only when allowed, for tests)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImageFetchError("only http and https images are downloaded")
    if allow_private_hosts:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, None)}
    except (OSError, UnicodeError) as error:
        raise ImageFetchError(
            f"the host {parts.hostname} cannot be found", temporary=True
        ) from error
    if not all(ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses):
        raise ImageFetchError(f"the host {parts.hostname} is not a public address")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another address the fetcher would accept."""

    def __init__(self, allow_private_hosts):
        super().__init__()
        self.allow_private_hosts = allow_private_hosts

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl, allow_private_hosts=self.allow_private_hosts)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class ImageFetcher:
    """Downloads images into the media storage and answers with their new URL.

    `deadline` (a `time.monotonic()` value) stops further downloads once passed, so a web
    request that imports posts stays within its time budget.
    """

    def __init__(self, *, storage=None, timeout=TIMEOUT_SECONDS, max_bytes=MAX_IMAGE_BYTES,
                 allow_private_hosts=False, deadline=None):  # fmt: skip
        self.storage = storage or default_storage
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private_hosts = allow_private_hosts
        self.deadline = deadline
        self.opener = urllib.request.OpenerDirector()
        for handler in (
            urllib.request.HTTPHandler(),
            urllib.request.HTTPSHandler(),
            _CheckedRedirects(allow_private_hosts),
            urllib.request.HTTPDefaultErrorHandler(),
            urllib.request.HTTPErrorProcessor(),
        ):
            self.opener.add_handler(handler)

    def fetch(self, url):
        """The media URL of the image at `url`, downloading it unless already stored."""
        return self.storage.url(self.store(url))

    def stored_name(self, url):
        """The storage name of the copy of the image at `url`, or None if not copied yet."""
        stem = _stem(url)
        for extension in IMAGE_TYPES.values():
            if self.storage.exists(stem + extension):
                return stem + extension
        return None

    def store(self, url):
        """The storage name of the image at `url`, downloading it unless already stored."""
        if (name := self.stored_name(url)) is not None:
            return name
        stem = _stem(url)
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ImageFetchError("the time for this run was used up; import again to fetch it")
        check_address(url, allow_private_hosts=self.allow_private_hosts)
        data = self._download(url)
        try:  # the same checks and re-encoding as every upload: no EXIF/GPS, no polyglots
            cleaned = clean_image_upload(ContentFile(data, name="download"))
        except UploadRejected as error:
            raise ImageFetchError(str(error)) from error
        extension = "." + cleaned.name.rsplit(".", 1)[-1]
        return self.storage.save(stem + extension, cleaned)

    def _download(self, url):
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310 - scheme checked above
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                content_type = response.headers.get_content_type()
                if content_type not in IMAGE_TYPES:
                    raise ImageFetchError(f"the address did not return an image ({content_type})")
                data = response.read(self.max_bytes + 1)
        except HTTPError as error:
            temporary = error.code >= 500 or error.code in {408, 429}
            raise ImageFetchError(f"the download failed ({error})", temporary=temporary) from error
        except (URLError, OSError) as error:  # no answer, refused, timed out, cut short
            raise ImageFetchError(f"the download failed ({error})", temporary=True) from error
        except ValueError as error:
            raise ImageFetchError(f"the download failed ({error})") from error
        if len(data) > self.max_bytes:
            raise ImageFetchError(f"the image is larger than {self.max_bytes // 2**20} MB")
        return data
