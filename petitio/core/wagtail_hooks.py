from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import OutboxIndexView, OutboxMessageView


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("outbox/", OutboxIndexView.as_view(), name="petitio_outbox"),
        path("outbox/<str:name>/", OutboxMessageView.as_view(), name="petitio_outbox_message"),
    ]


@hooks.register("register_settings_menu_item")
def register_outbox_menu_item():
    return SuperuserMenuItem(_("Outbox"), reverse("petitio_outbox"), icon_name="mail", order=900)


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser
