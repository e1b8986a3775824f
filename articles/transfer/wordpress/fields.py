"""The fields of a WXR <item>: the key that recognises a post, its old slug and its date."""

import hashlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from django.utils import timezone

TOPIC_TAXONOMIES = {"category", "post_tag"}  # post_format, nav_menu... are not topics
MAX_KEY_LENGTH = 255


def post_key(fields, site_link):
    """What recognises the post on a second run: its GUID, else its id, else its address."""
    guid, post_id, link = fields.get("guid"), fields.get("wp:post_id"), fields.get("link")
    if guid:
        key = f"guid:{guid}"
    elif post_id:
        key = f"id:{site_link}#{post_id}"
    elif link:
        key = f"link:{urlsplit(link).path or link}"
    elif fields.get("wp:post_name"):
        key = f"name:{fields['wp:post_name']}"
    else:
        return ""
    if len(key) > MAX_KEY_LENGTH:
        key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    return key


def slug_hint(fields):
    """The old slug: `wp:post_name`, else the last part of the link; Squarespace adds ".html"."""
    name = fields.get("wp:post_name") or urlsplit(fields.get("link", "")).path
    name = unquote(name).strip("/").rpartition("/")[2]
    return name.removesuffix(".html")


def published_at(fields):
    """`wp:post_date_gmt`, else `pubDate`, else `wp:post_date` in the site's time zone."""
    gmt = fields.get("wp:post_date_gmt", "")
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            pass
    if fields.get("pubDate") and "-0001" not in fields["pubDate"]:  # WordPress's "never"
        try:
            published = parsedate_to_datetime(fields["pubDate"])
        except (TypeError, ValueError, OverflowError):
            published = None
        if published is not None and published.year >= 1970:
            return published if published.tzinfo else published.replace(tzinfo=UTC)
    local = fields.get("wp:post_date", "")
    if local and not local.startswith("0000"):
        try:
            return timezone.make_aware(datetime.strptime(local, "%Y-%m-%d %H:%M:%S"))
        except ValueError:
            return None
    return None
