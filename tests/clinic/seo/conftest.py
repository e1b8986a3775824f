import pytest

from tests.clinic.seo.site import SITE_URL, build_site


@pytest.fixture
def site(db, settings, tmp_path):
    """Every public page type on a small site; the page cache off, uploads in a temp folder."""
    settings.SITE_URL = SITE_URL  # production sets it; every absolute URL then uses it
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PAGE_CACHE_SECONDS = 0
    return build_site()


@pytest.fixture
def fetch(client):
    def get(path):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response

    return get
