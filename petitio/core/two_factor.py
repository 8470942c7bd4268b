"""Two-step verification of staff (TOTP codes from an authenticator app).

Built on wagtail-2fa and django-otp. wagtail-2fa's middleware, views and forms work
with Wagtail 8, but its wagtail_hooks module does not (it imports
wagtail.users.widgets, which Wagtail 7 removed), so wagtail_2fa is not an installed
app: petitio.core.wagtail_hooks registers these URLs, under the names its middleware
and views expect, and the menu entries. Its templates are overridden in
core/templates/wagtail_2fa/ (Wagtail 8 markup, our translated texts, no inline style).

With settings.WAGTAIL_2FA_REQUIRED, everyone who can reach the admin must pass a code
after their password; someone without an authenticator yet is sent to set one up.
"""

from __future__ import annotations

from django import forms
from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from wagtail_2fa import forms as wagtail_2fa_forms
from wagtail_2fa import views as wagtail_2fa_views


class TokenForm(wagtail_2fa_forms.TokenForm):
    """The code asked at sign-in, checked against each of the user's authenticators.

    The django-otp we use (1.7.5) only checks a code against a device the form
    names (otp_device); wagtail-2fa's form names none, so every code would be
    refused. People do not pick a device here: the code is tried on each of their
    confirmed ones in turn. On success, user.otp_device is the device that matched.
    """

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["otp_token"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "one-time-code"}
        )

    def clean(self):
        error = forms.ValidationError(_("No authenticator is set up for this account."))
        for device in devices_for_user(self.user, confirmed=True):
            self.cleaned_data["otp_device"] = device.persistent_id
            try:
                self.clean_otp(self.user)
            except forms.ValidationError as refusal:
                error = refusal
            else:
                return self.cleaned_data
        raise error


class LoginView(wagtail_2fa_views.LoginView):
    form_class = TokenForm


class DeviceForm(wagtail_2fa_forms.DeviceForm):
    """wagtail-2fa's form to add an authenticator (or rename one), in our words.

    Adding needs a valid code from the new authenticator and the user's password;
    wagtail-2fa then confirms the device and counts the session as verified.
    """

    def __init__(self, request, **kwargs):
        super().__init__(request, **kwargs)
        self.fields["name"].label = _("Device name")
        self.fields["name"].help_text = _("To recognise it later, for example “Phone”.")
        if not self.instance.confirmed:
            self.initial["name"] = _("Phone")
        if "otp_token" in self.fields:
            self.fields["otp_token"].label = _("Six-digit code")
            self.fields["otp_token"].help_text = _("The code your app shows for this site.")
            self.fields["otp_token"].widget.attrs.update(
                {"inputmode": "numeric", "autocomplete": "one-time-code"}
            )
        self.fields["password"].label = _("Your password")
        self.fields["password"].help_text = _("To confirm that it is you.")

    def clean_otp_token(self):
        try:
            return super().clean_otp_token()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("This code is not valid. Enter the code your app shows now."), code="invalid"
            ) from None

    def clean_password(self):
        try:
            return super().clean_password()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("This password is not correct."), code="invalid"
            ) from None


class DeviceCreateView(wagtail_2fa_views.DeviceCreateView):
    form_class = DeviceForm


class DeviceUpdateView(wagtail_2fa_views.DeviceUpdateView):
    form_class = DeviceForm


# The admin URLs of wagtail-2fa (its wagtail_hooks.urlpatterns), with our forms.
urlpatterns = [
    path("2fa/auth", LoginView.as_view(), name="wagtail_2fa_auth"),
    re_path(
        r"^2fa/devices/(?P<user_id>\d+)$",
        wagtail_2fa_views.DeviceListView.as_view(),
        name="wagtail_2fa_device_list",
    ),
    path("2fa/devices/new", DeviceCreateView.as_view(), name="wagtail_2fa_device_new"),
    re_path(
        r"^2fa/devices/(?P<pk>\d+)/update$",
        DeviceUpdateView.as_view(),
        name="wagtail_2fa_device_update",
    ),
    re_path(
        r"^2fa/devices/(?P<pk>\d+)/remove$",
        wagtail_2fa_views.DeviceDeleteView.as_view(),
        name="wagtail_2fa_device_remove",
    ),
    path(
        "2fa/devices/qr-code",
        wagtail_2fa_views.DeviceQRCodeView.as_view(),
        name="wagtail_2fa_device_qrcode",
    ),
]
