from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import ListingButton

from . import two_factor
from .admin_views import OutboxIndexView, OutboxMessageView


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("outbox/", OutboxIndexView.as_view(), name="petitio_outbox"),
        path("outbox/<str:name>/", OutboxMessageView.as_view(), name="petitio_outbox_message"),
    ]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_settings_menu_item")
def register_outbox_menu_item():
    return SuperuserMenuItem(_("Outbox"), reverse("petitio_outbox"), icon_name="mail", order=900)


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


# --- Two-step verification (see petitio.core.two_factor) ----------------------------


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.urlpatterns


@hooks.register("construct_main_menu")
def only_two_factor_setup_until_verified(request, menu_items):
    # Until the session is verified, every other admin page redirects to the setup.
    if settings.WAGTAIL_2FA_REQUIRED and not request.user.is_verified():
        menu_items[:] = [
            MenuItem(
                _("Two-step verification"),
                reverse("wagtail_2fa_device_new"),
                icon_name="key",
            )
        ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("wagtail_2fa_device_list", kwargs={"user_id": request.user.pk}),
        "label": _("Two-step verification"),
        "help_text": _("Add or remove the authenticator apps you sign in with."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_user_listing_button(user, request_user):
    # wagtail-2fa lets superusers see and remove anyone's authenticators (lost phone).
    if request_user.is_superuser:
        yield ListingButton(
            _("Two-step verification"),
            reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk}),
            icon_name="key",
            priority=100,
        )
