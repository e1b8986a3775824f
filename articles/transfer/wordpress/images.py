"""Copy an old site's images into this site's media storage: http(s) only, and bounded.

Downloads go through the import's one fetcher (`articles.transfer.web`): http and https only,
public addresses only (an export cannot make the server read its own network), the host looked
up once and that address used for the connection, redirects checked the same way, a time limit
and a size cap; then a check that the bytes are an image. The stored name comes from the
address, so a second run reuses what the first downloaded.
"""

import hashlib
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from articles.transfer.web.addresses import FetchError, split_address
from articles.transfer.web.fetcher import SafeFetcher
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


def check_scheme(url):
    """Refuse anything but an http(s) address, without looking the host up (for dry runs)."""
    try:
        split_address(url)
    except FetchError as error:
        raise _image_error(error, MAX_IMAGE_BYTES) from error


class ImageFetcher:
    """Downloads images into the media storage and answers with their new URL.

    `deadline` (a `time.monotonic()` value) stops further downloads once passed, so a web
    request that imports posts stays within its time budget.
    """

    def __init__(self, *, storage=None, timeout=TIMEOUT_SECONDS, max_bytes=MAX_IMAGE_BYTES,
                 deadline=None, fetcher=None):  # fmt: skip
        self.storage = storage or default_storage
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.fetcher = fetcher or SafeFetcher(
            max_bytes=max_bytes, connect_timeout=timeout, read_timeout=timeout,
            total_timeout=timeout * 3,
        )  # fmt: skip

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
        data = self._download(url)
        try:  # the same checks and re-encoding as every upload: no EXIF/GPS, no polyglots
            cleaned = clean_image_upload(ContentFile(data, name="download"))
        except UploadRejected as error:
            raise ImageFetchError(str(error)) from error
        extension = "." + cleaned.name.rsplit(".", 1)[-1]
        return self.storage.save(stem + extension, cleaned)

    def _download(self, url):
        accept = ", ".join(IMAGE_TYPES)
        try:
            fetched = self.fetcher.get(url, accept=accept, max_bytes=self.max_bytes)
        except FetchError as error:
            raise _image_error(error, self.max_bytes) from error
        if not fetched.ok:
            temporary = fetched.status >= 500 or fetched.status in {408, 429}
            raise ImageFetchError(
                f"the download failed (HTTP {fetched.status})", temporary=temporary
            )
        if fetched.content_type not in IMAGE_TYPES:
            raise ImageFetchError(f"the address did not return an image ({fetched.content_type})")
        return fetched.content


def _image_error(error, max_bytes):
    """The fetcher's reason, said of an image; temporary when trying later may work."""
    message = str(error)
    if "is larger than" in message:
        message = f"the image is larger than {max_bytes // 2**20} MB"
    elif message.startswith("only http and https"):  # a data: address would be quoted whole
        message = "only http and https images are downloaded"
    return ImageFetchError(message, temporary=error.temporary)
