"""Importing a blog from its live address: robots.txt, sitemaps and feeds, each post page read.

`reader.SiteReader` finds and reads the posts (plain `SitePage`s); `apply.import_site` brings
them in through the same report, drafts and redirects as an export file.
"""
