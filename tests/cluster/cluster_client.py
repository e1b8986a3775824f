"""A small HTTP client for tests/cluster/cluster_test.py: a cookie-keeping browser, and the
admin's forms read from their HTML as a browser would submit them."""

import http.cookiejar
import io
import re
import secrets
import urllib.error
import urllib.request
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlencode

from PIL import Image


class Browser:
    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def request(self, url, data=None, headers=None, raw=False):
        request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                body = response.read()
                status, got = response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, got = error.read(), error.code, error.headers
        return status, (body if raw else body.decode("utf-8", "replace")), got

    def get(self, url, raw=False):
        return self.request(url, raw=raw)

    def post(self, url, fields, referer=None):
        fields = {**fields, "csrfmiddlewaretoken": self.csrf()}
        data = urlencode(fields, doseq=True).encode()
        return self.request(url, data, {"Referer": referer or url})

    def post_multipart(self, url, fields, files, referer=None):
        """POST a form with files: `files` maps a field name to (file name, type, bytes)."""
        boundary = secrets.token_hex(12)
        parts = []
        fields = {**fields, "csrfmiddlewaretoken": self.csrf()}
        for name, values in fields.items():
            for value in values if isinstance(values, list) else [values]:
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{value}\r\n".encode()
                )
        for name, (filename, kind, data) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
                + data
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": referer or url,
        }
        return self.request(url, b"".join(parts), headers)

    def csrf(self):
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")

    def log_in(self, base, username, password):
        self.get(f"{base}/admin/login/")
        status, _, headers = self.post(
            f"{base}/admin/login/?next=/admin/",
            {"username": username, "password": password, "next": "/admin/"},
        )
        if status != 302:
            raise SystemExit(f"could not sign in to {base} (HTTP {status})")

    def live_article(self, base, language="en"):
        """(admin change URL, public URL) of a live article written in `language` (English or
        French), from the signed-in admin."""
        _, page, _ = self.get(f"{base}/admin/articles/article/?visibility=live")
        links = re.findall(r'href="(/admin/articles/article/\d+/change/)[^"]*"', page)
        for change in dict.fromkeys(links):
            _, form, _ = self.get(base + change)
            chosen = re.search(
                r'<option value="([\w-]+)" selected>', form.split('name="language"')[1]
            )
            if chosen[1] == language:
                slug = re.search(r'name="slug" value="([^"]+)"', form)[1]
                return change, ("" if language == "en" else f"/{language}") + f"/articles/{slug}/"
        raise SystemExit(f"no live article in {language} on {base}")

    def upload_picture(self, base):
        """A picture dropped into the Markdown editor on `base`; returns its URL."""
        buffer = io.BytesIO()
        Image.new("RGB", (640, 360), (30, 110, 100)).save(buffer, "JPEG")
        boundary = secrets.token_hex(12)
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="image"; '
                'filename="upload.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
            ).encode()
            + buffer.getvalue()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-CSRFToken": self.csrf(),
            "X-Requested-With": "XMLHttpRequest",
            "Referer": f"{base}/admin/",
        }
        status, text, _ = self.request(f"{base}/editor/upload/", body, headers)
        match = re.search(r"\((/media/[^)\"]+)\)", text)
        if status != 200 or not match:
            raise SystemExit(f"picture upload failed (HTTP {status}): {text[:200]}")
        return match[1]

    def preview_import(self, base, path):
        url = f"{base}/admin/articles/importedpost/add/"
        self.get(url)
        files = {"export": (path.name, "text/xml", path.read_bytes())}
        status, page, _ = self.post_multipart(url, {}, files)
        match = re.search(r'name="token" value="([^"]+)"', page)
        if status != 200 or not match:
            raise SystemExit(f"the import preview failed (HTTP {status})")
        return unescape(match[1])

    @staticmethod
    def media_urls(page):
        urls = re.findall(r'(?:src|srcset)="([^"]+)"', page)
        found = []
        for value in urls:
            for candidate in value.split(","):
                url = candidate.strip().split(" ")[0]
                if url.startswith("/media/"):
                    found.append(unescape(url))
        return found


def jpeg(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 110, 100)).save(buffer, "JPEG")
    return buffer.getvalue()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _FormReader(HTMLParser):
    """The fields of one <form id=…> as the browser would submit them (no files)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select = self.textarea = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)


def form_fields(page, form_id):
    """{name: value or [values]} of the form, ready to post back."""
    reader = _FormReader(form_id)
    reader.feed(page)
    fields = {}
    for name, value in reader.fields:
        if name in fields:
            existing = fields[name]
            fields[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            fields[name] = value
    fields.pop("csrfmiddlewaretoken", None)
    fields["_save"] = "Save"
    return fields


def percentile(sorted_values, pct):
    if not sorted_values:
        return 0
    index = min(len(sorted_values) - 1, round(pct / 100 * (len(sorted_values) - 1)))
    return sorted_values[index]
