"""The library's commands of `manage.py`."""
