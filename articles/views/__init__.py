"""The library's public pages and feeds: articles, topics, search, glossary, sitemaps."""
