"""Articles in and out: every import source becomes drafts and redirects; the Markdown export.

Every source of posts (an export file of any platform, a live site) becomes a `posts.Source`;
`apply` turns it into the same dry-run report, drafts and redirects. The Markdown export format
(`markdown`) moves a library between sites of this product.
"""
