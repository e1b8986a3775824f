from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backups and restores, the demo content, staff accounts (commands)."""

    name = "clinic.operations"
    label = "operations"
    verbose_name = "Operations"
