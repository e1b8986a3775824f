from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ClinicConfig(AppConfig):
    """The clinic itself: its profile, people, locations, redirects and staff roles."""

    name = "clinic"
    verbose_name = "Clinic"

    def ready(self):
        from .authoring.renditions import renditions_on_save
        from .chrome import forget_site_chrome
        from .models import ClinicProfile, Location, Person
        from .roles import sync_roles_after_migrate
        from .slugs import redirect_old_urls

        redirect_old_urls(Person)
        post_save.connect(
            renditions_on_save("photo", "photo_width", "photo_height"),
            sender=Person,
            weak=False,
            dispatch_uid="photo-renditions",
        )
        for model in (ClinicProfile, Location):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_site_chrome, sender=model, dispatch_uid=f"site-chrome:{model.__name__}"
                )
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="clinic-staff-roles")
