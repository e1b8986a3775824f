"""Each public page's metadata: its PageMeta (head tags) and its schema.org graph.

Views mix in `PageMetadataMixin` and say what is particular to them in `get_page_meta` and
`get_page_node`; the clinic, its locations and the breadcrumb trail are added here.
"""

from clinic.domain.sitewide import site_chrome

from .graph import page_graph
from .links import canonical_url


def site_graph(page, *more, crumbs=None):
    """A page's JSON-LD document, with the clinic as the publisher every page refers to."""
    chrome = site_chrome()
    return page_graph(
        page, *more, clinic=chrome["clinic"], locations=chrome["locations"], crumbs=crumbs
    )


def list_start(context):
    """The position of a list page's first item: 1, or 21 on the second page of 20."""
    page = context.get("page_obj")
    return page.start_index() if page is not None and page.paginator.count else 1


class PageMetadataMixin:
    """Adds `page_meta` and `structured_data` to a view's context."""

    def page_url(self):
        return canonical_url(self.request)

    def get_page_meta(self, context):
        """The page's PageMeta; every view that mixes this in says its own."""
        raise NotImplementedError(f"{type(self).__name__} must define get_page_meta()")

    def get_page_node(self, context):
        """The page's main schema.org node, then any further nodes."""
        raise NotImplementedError(f"{type(self).__name__} must define get_page_node()")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "page_meta" in kwargs and "structured_data" in kwargs:  # the view had them made
            return context
        context["page_meta"] = self.get_page_meta(context)
        nodes = self.get_page_node(context)
        nodes = nodes if isinstance(nodes, tuple) else (nodes,)
        context["structured_data"] = site_graph(*nodes, crumbs=context.get("breadcrumbs"))
        return context
