"""`{% part "name" %}…{% endpart %}`: a stretch of a page that may already be made.

The context names where made parts are kept: `page_parts` (an article's own parts, see
`articles.views.article_parts`), or the variable after `in` (`{% part "footer" in
site_parts %}`, the site chrome's, see `clinic.site.context_processors`). A part kept there is
written out as it was made, without rendering what is inside; any other is rendered and
recorded there to be kept. Where the context has no such variable (a preview, an error page
made without the site's context), the inside is rendered as usual.
"""

from django import template
from django.template.loader_tags import BlockNode
from django.utils.safestring import mark_safe

register = template.Library()


class PartNode(template.Node):
    # Not searched for blocks (a part holds none, see below): Django looks for the blocks of a
    # page's base template on every render, and the site chrome's parts are most of it.
    child_nodelists = ()

    def __init__(self, name, store, nodelist):
        self.name, self.store, self.nodelist = name, store, nodelist

    def render(self, context):
        parts = context.get(self.store)
        if parts is None:
            return self.nodelist.render(context)
        html = parts.get(self.name)
        if html is None:
            html = self.nodelist.render(context)
            parts.record(self.name, html)
        return mark_safe(html)  # noqa: S308 - rendered from this very template, escaped there


def _is_quoted(bit):
    return len(bit) > 1 and bit[0] in "\"'" and bit[0] == bit[-1]


@register.tag("part")
def do_part(parser, token):
    bits = token.split_contents()
    store = "page_parts"
    if len(bits) == 4 and bits[2] == "in":
        store = bits.pop()
        bits.pop()
    if len(bits) != 2 or not _is_quoted(bits[1]):
        raise template.TemplateSyntaxError('Usage: {% part "name" [in variable] %}…{% endpart %}')
    nodelist = parser.parse(("endpart",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):  # a child template could not fill it
        raise template.TemplateSyntaxError("A {% part %} cannot hold a {% block %}.")
    return PartNode(bits[1][1:-1], store, nodelist)
