"""Uploaded media in an S3-compatible object store shared by every app server.

django-storages' S3Storage, with the public address of a file taken from MEDIA_PUBLIC_URL:
either the object store's own public address (`https://media.example.org/`) or a path the
site's proxy forwards to the bucket (`/media/`, as clinic/config/deploy/nginx-clinic.conf
does), so pictures come
from the site's own origin and its Content-Security-Policy needs no exception.
"""

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaStorage(S3Storage):
    def __init__(self, *, public_url="", **options):
        super().__init__(**options)
        self.public_url = public_url.rstrip("/") + "/" if public_url else ""

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self.public_url:
            return super().url(name, parameters, expire, http_method)
        return self.public_url + filepath_to_uri(self._normalize_name(clean_name(name)))
