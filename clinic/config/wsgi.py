"""WSGI entry point, used by gunicorn: `gunicorn clinic.config.wsgi`.

Each worker builds the application and then warms it up (clinic/site/warmup.py) before it
serves anyone, so its first reader waits no longer than the others.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.config.settings")

application = get_wsgi_application()

from clinic.site.warmup import warm_up  # noqa: E402 - needs the application (Django set up)

warm_up()
