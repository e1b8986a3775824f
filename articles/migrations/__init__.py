"""The library's database migrations."""
