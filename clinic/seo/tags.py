import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .languages import page_languages as languages_of
from .links import absolute_url

register = template.Library()

# The same escapes as Django's json_script: nothing in the data can close the <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """Render a dict as a JSON-LD <script> block, escaped like `json_script`; a block already
    rendered by this filter (a page made from stored parts) is written out as it is."""
    if not data:
        return ""
    if isinstance(data, SafeString):
        return data
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.simple_tag
def absolute(path):
    """An absolute URL on the public site (settings.SITE_URL) for a path or a full URL."""
    return absolute_url(path) if path else path


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The page's PageLanguages (clinic/seo/languages.py), from the view's `page_translations`
    and `page_alternates` (False: no hreflang links, for pages search engines should skip)."""
    return languages_of(
        context.get("request"),
        context.get("page_translations"),
        alternates=context.get("page_alternates", True),
    )
