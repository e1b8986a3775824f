"""What several test modules share: admin forms as a browser posts them, staff in a role,
test images, the test Redis, and a server started on a free port."""

import os
import re
import socket
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import ExifTags, Image

BASE_DIR = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
PASSWORD = "a-long-test-password"  # of every staff account the tests make

# Admin change forms -----------------------------------------------------------


class _FormFields(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, []
        self._select, self._textarea = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        name = attrs.get("name")
        if not self.inside or (name and "__prefix__" in name):
            return
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self.data.append((name, attrs.get("value", "on" if "checked" in attrs else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            name, text = self._textarea
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_data(response, form_id="article_form", **changes):
    """The fields of the admin form in `response` as a browser would post them, with
    `changes` applied (a list value stands for a multiple select)."""
    parser = _FormFields(form_id)
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in changes.items()}
    )
    return data


def article_form(author, **overrides):
    """A new article's change form as posted: a draft with one study; `overrides` win."""
    data = {
        "title": "Ketamine with therapy for PTSD",
        "slug": "ketamine-with-therapy-for-ptsd",
        "summary": "A small review of four studies.",
        "author": str(author.pk),
        "status": "draft",
        "publish_at_0": "2026-01-10",
        "publish_at_1": "09:00:00",
        "review_interval_months": "12",
        "body": "## Key findings\n\n1. Symptoms went down.",
        # Says all a disclaimer must (articles.editorial.disclaimers), so publishing passes.
        "disclaimer": (
            "Educational only, not medical advice. Talk to your own doctor. In an emergency, "
            "call your local emergency number."
        ),
        "hero_alt": "",
        "hero_credit": "",
        "studies-TOTAL_FORMS": "1",
        "studies-INITIAL_FORMS": "0",
        "studies-MIN_NUM_FORMS": "0",
        "studies-MAX_NUM_FORMS": "1000",
        "studies-0-title": "Ketamine and psychotherapy for PTSD",
        "studies-0-journal": "The Journal of Clinical Psychiatry",
        "studies-0-year": "2023",
        "studies-0-authors": "Philipp-Muller A, Stephenson C",
        "studies-0-design": "meta-analysis",
        "studies-0-studies_pooled": "4",
        "studies-0-participants": "34",
        "studies-0-measures": "CAPS-5, PCL-5",
        "studies-0-position": "0",
    }
    data.update(overrides)
    return data


def article_change_form(article, **overrides):
    """`article`'s change form as posted, opened at its current edit version."""
    data = article_form(
        article.author,
        title=article.title,
        slug=article.slug,
        status=article.status,
        disclaimer=article.disclaimer,
        body=article.body,
        summary=article.summary,
        opened_version=str(article.edit_version),
        **{"studies-TOTAL_FORMS": "0"},
    )
    local = timezone.localtime(article.publish_at)
    data.update(publish_at_0=f"{local:%Y-%m-%d}", publish_at_1=f"{local:%H:%M:%S}")
    data.update(overrides)
    return data


def location_form(location, **changes):
    """`location`'s change form as posted, with no hours or exceptions; `changes` win."""
    data = {
        "name": location.name, "slug": location.slug, "is_active": "on",
        "position": "0", "phone": str(location.phone.as_e164), "alternate_phone": "",
        "email": "", "booking_url": "", "street_address": location.street_address,
        "city": location.city, "region": location.region, "postal_code": location.postal_code,
        "country": "CA", "map_url": "", "latitude": "", "longitude": "",
        "accessibility_notes": "", "parking_notes": "", "transit_notes": "",
        "hours-TOTAL_FORMS": "0", "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0", "hours-MAX_NUM_FORMS": "1000",
        "exceptions-TOTAL_FORMS": "0", "exceptions-INITIAL_FORMS": "0",
        "exceptions-MIN_NUM_FORMS": "0", "exceptions-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    data.update(changes)
    return data


def staff_in_role(django_user_model, role):
    """A staff user in one of the roles of clinic.domain.roles (a group made by migrate)."""
    user = django_user_model.objects.create_user(
        f"{role.replace(' ', '-').lower()}@example.org", password="a-long-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


# Images -----------------------------------------------------------------------

RANDOM_NAME = re.compile(r"^[A-Za-z0-9_-]{22}\.(jpg|png|webp|gif)$")


def image_bytes(image_format="PNG", size=(40, 30), mode="RGB", **save_options):
    buffer = BytesIO()
    Image.new(mode, size, "teal").save(buffer, image_format, **save_options)
    return buffer.getvalue()


def jpeg(width, height, orientation=None):
    """A plain JPEG file of this size, with an EXIF orientation when given."""
    buffer = BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    Image.new("RGB", (width, height), (40, 120, 110)).save(buffer, "JPEG", exif=exif.tobytes())
    return ContentFile(buffer.getvalue(), name="picture.jpg")


def gps_jpeg():
    """A phone photo: EXIF with the camera, a GPS position, and 'rotate 90°' orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (43.0, 39.0, 1.5),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (79.0, 23.0, 2.5),
    }
    return image_bytes("JPEG", size=(40, 20), exif=exif)


# Redis and servers ------------------------------------------------------------

# One Redis database per test worker: cache.clear() flushes a whole database.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw-1").removeprefix("gw")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379") + f"/{14 - int(_WORKER)}"


def redis_or_skip():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"Redis is required for the page-cache tests: {REDIS_URL}: {error}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, seconds=10, what="the condition"):
    """Poll `condition` until it returns something true, which is returned; fail after
    `seconds`. For what a test cannot be told about (a server starting, a lock being waited
    for): it waits for the state itself, never for a fixed time."""
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds} s")
        time.sleep(0.05)  # between two looks at the state, not a wait for it


def fetch(url, seconds=60):
    """The response headers of `url`, once the server there answers (within `seconds`)."""

    def answered():
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                return response.headers
        except urllib.error.HTTPError as error:
            return error.headers
        except OSError:
            return None

    return wait_until(answered, seconds, what=f"an answer at {url}")
