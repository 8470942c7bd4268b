from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitio.petitions"
    label = "petitions"
    verbose_name = _("Petitions")

    def ready(self) -> None:
        from petitio.core.page_cache import register_fresh_value

        from .abuse import FORM_ISSUED_PLACEHOLDER, issue_form_timestamp

        # Campaign pages are cached (core.page_cache); each view still gets its own
        # signed timestamp in the signing form.
        register_fresh_value(FORM_ISSUED_PLACEHOLDER, issue_form_timestamp)
