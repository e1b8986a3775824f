"""The admin's save time with a phone photo: p50 and p95 of posting the article change form.

`python -m tests.bench.save_bench` (`make bench` runs it too) in a throwaway database (SQLite in
.bench/, or `<name>_save` on the PostgreSQL server DATABASE_URL names): a superuser opens an
article's change form and saves it with a new 4000×3000 JPEG hero image (noise over gradients,
so it compresses like a photo, with the EXIF orientation of a phone held upright), N rounds,
through Django's test client. Each round reads the form afresh (not timed) and posts back every
field it shows, as a browser would; only the POST is timed.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from io import BytesIO

from tests.bench.search_bench import child, percentile, prepare

PHOTO_SIZE = (4000, 3000)
ORIENTATION_UPRIGHT = 6  # the pixels lie on their side; viewers turn them 90° clockwise


def phone_photo(size=PHOTO_SIZE, seed=7):
    """JPEG bytes that compress like a photo: soft gradients, shapes, sensor noise, EXIF."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = size
    small = (width // 8, height // 8)
    sky = Image.linear_gradient("L").resize(small)
    glow = Image.radial_gradient("L").resize(small)
    ground = Image.eval(sky, lambda v: 255 - v)
    bands = ((sky, 0.6), (glow, 0.5), (ground, 0.7))
    red, green, blue = (Image.eval(band, lambda v, k=k: int(v * k + 30)) for band, k in bands)
    picture = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(picture)
    for n in range(40):  # shapes with edges, as in a room or a street
        x, y = (n * 7919 + seed) % small[0], (n * 104729 + seed) % small[1]
        draw.ellipse((x, y, x + 20 + n % 60, y + 15 + n % 45), fill=(n * 5 % 255, 90, 160))
    picture = picture.filter(ImageFilter.GaussianBlur(2)).resize(size, Image.Resampling.BICUBIC)
    texture = Image.effect_noise((width // 3, height // 3), 60).resize(size).convert("RGB")
    grain = Image.effect_noise(size, 40).convert("RGB")  # sensor noise
    picture = Image.blend(Image.blend(picture, texture, 0.15), grain, 0.12)
    exif = Image.Exif()
    exif[0x0112] = ORIENTATION_UPRIGHT
    exif[0x010F], exif[0x0110] = "Phone maker", "Phone camera"
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


class FormFields(HTMLParser):
    """The values a browser would post for the form with this id."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.fields, self._in_form = form_id, [], False
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = attrs.get("id") == self.form_id
        if not self._in_form or "name" not in attrs and tag != "option":
            return
        kind = attrs.get("type", "text")
        if tag == "input" and kind not in {"file", "submit", "button", "checkbox", "radio"}:
            self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "input" and kind in {"checkbox", "radio"} and "checked" in attrs:
            self.fields.append((attrs["name"], attrs.get("value") or "on"))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def form_data(html, form_id="article_form"):
    parser = FormFields(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value.lstrip("\n"))  # browsers drop one leading newline
    return data


def save_rounds(rounds, photo):
    """(wall-clock, CPU) milliseconds of each admin save of the change form with a new photo.

    The CPU time is this process's own (the test client runs the request here), which other
    work on a shared machine does not inflate.
    """
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from articles.models import Article

    article = Article.objects.order_by("pk").first()
    url = reverse("admin:articles_article_change", args=[article.pk])
    client = Client(HTTP_HOST="localhost")
    client.force_login(_superuser())
    timings, cpu = [], []
    for round_number in range(rounds):
        data = form_data(client.get(url).content.decode())
        data["hero_alt"] = [f"A waiting room in soft light, round {round_number}"]
        data["hero_image"] = SimpleUploadedFile("IMG_2041.jpg", photo, "image/jpeg")
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.post(url, data)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        if response.status_code != 302:
            raise SystemExit(f"The save was refused ({response.status_code}): {_errors(response)}")
    article.refresh_from_db()
    upright = article.hero_height > article.hero_width  # the EXIF orientation was applied
    assert upright, (article.hero_width, article.hero_height)
    return timings, cpu


def _errors(response):
    """The form's error messages, read from the page as an editor would."""
    html = response.content.decode()
    return [re.sub(r"<[^>]+>", " ", item).strip() for item in
            re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)]  # fmt: skip


def _superuser():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def measure(rounds):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.config.settings")
    django.setup()
    from django.db import connection

    photo = phone_photo()
    timings, cpu = save_rounds(rounds, photo)
    print(f"{connection.vendor:<11} admin save with a {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} phone photo "
          f"({len(photo) / 2**20:.1f} MB JPEG), {rounds} rounds: "
          f"p50 {statistics.median(timings):.0f} ms, p95 {percentile(timings, 95):.0f} ms, "
          f"max {max(timings):.0f} ms; CPU p50 {statistics.median(cpu):.0f} ms, "
          f"p95 {percentile(cpu, 95):.0f} ms")  # fmt: skip
    print(f"{'':<11} load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("SAVE_ROUNDS", 20)))
    parser.add_argument("--measure", action="store_true")
    args = parser.parse_args()
    if args.measure:
        return measure(args.rounds)
    with tempfile.TemporaryDirectory(prefix="save-bench-") as media:
        env = prepare("save", ["-m", "tests.bench.seed", "--articles", "20"])
        env["MEDIA_ROOT"] = media
        child(env, "-m", "tests.bench.save_bench", "--rounds", str(args.rounds), "--measure")


if __name__ == "__main__":
    sys.exit(main())
