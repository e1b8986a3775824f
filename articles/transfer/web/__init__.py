"""Fetching from other sites under the import's rules (see `fetcher` and `addresses`)."""
