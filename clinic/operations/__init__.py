"""Running the site: backups and restores, the demo content, and their `manage.py` commands."""
