"""The commands of `manage.py` that run the site."""
