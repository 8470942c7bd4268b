from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "petitio.core"
    label = "core"
    verbose_name = "Petitio core"
