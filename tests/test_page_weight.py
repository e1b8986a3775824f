"""An article page stays light: HTML, stylesheets and script at most 30 KB over the wire
(gzip, as served), before pictures, on the longest demo article."""

import gzip
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article

LIMIT_BYTES = 30 * 1024
STATIC = Path(settings.BASE_DIR) / "static"


@pytest.mark.django_db
def test_the_longest_demo_article_weighs_at_most_30_kb_before_pictures(client):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    pages = [client.get(a.get_absolute_url()).content for a in Article.objects.published()]
    html = max(pages, key=len)
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert any(name.endswith(b".css") for name in assets) and b"js/quick-exit.js" in assets
    weight = len(gzip.compress(html)) + sum(
        len(gzip.compress((STATIC / name.decode()).read_bytes())) for name in assets
    )
    assert weight <= LIMIT_BYTES, f"{weight} bytes"
