from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Operating the site: backup and restore of the whole database."""

    name = "operations"
    verbose_name = "Betrieb"
