"""The clinic app's database migrations."""
