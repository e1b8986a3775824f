from django.conf import settings


def absolute_url(path):
    """A URL on the public site (settings.SITE_URL) for a path; full URLs (object storage) pass."""
    path = str(path)
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path
