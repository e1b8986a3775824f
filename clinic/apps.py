from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Clinic"

    def ready(self):
        from .models import Person
        from .slugs import redirect_old_urls

        redirect_old_urls(Person)
