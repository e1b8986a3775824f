from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ClinicConfig(AppConfig):
    """The clinic itself: its profile, people, locations, redirects and staff roles."""

    name = "clinic.domain"
    label = "clinic"
    verbose_name = "Clinic"

    def ready(self):
        from clinic.authoring.tasks import connect_renditions
        from clinic.branding.brand import make_brand_files

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import ClinicProfile, Location, Person, SiteSettings, redirect_old_urls
        from .roles import sync_roles_after_migrate
        from .sitewide import forget_site_chrome

        redirect_old_urls(Person)
        # Every model's `responsive_images` (the article's hero, a person's photo), in one place.
        connect_renditions()
        # Before the site-wide data is forgotten, so the next page finds the new files' sizes.
        for model in (ClinicProfile, SiteSettings):
            uid = f"brand:{model.__name__}"
            post_save.connect(make_brand_files, sender=model, dispatch_uid=uid)
        for model in (ClinicProfile, SiteSettings, Location):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_site_chrome, sender=model, dispatch_uid=f"site-chrome:{model.__name__}"
                )
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="clinic-staff-roles")
