"""Page metadata: every public page's head tags and schema.org graph, through one mixin.

`PageMetadataMixin`, absolute and canonical URLs, sitemaps, and the `seo` template tags.
"""
