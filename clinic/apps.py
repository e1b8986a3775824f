from django.apps import AppConfig
from django.db.models.signals import post_save


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Clinic"

    def ready(self):
        from . import checks, page_cache, site_cache  # noqa: F401 - checks registers itself
        from .models import Person
        from .renditions import renditions_on_save
        from .slugs import redirect_old_urls

        redirect_old_urls(Person)
        post_save.connect(
            renditions_on_save("photo", "photo_width", "photo_height"),
            sender=Person,
            weak=False,
            dispatch_uid="photo-renditions",
        )
        site_cache.connect_signals()
        page_cache.connect_signals()
