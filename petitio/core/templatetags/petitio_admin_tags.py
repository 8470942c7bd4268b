"""Template helpers for the admin pages Petitio adds or overrides."""

from __future__ import annotations

from base64 import b32encode

from django import template
from django_otp.plugins.otp_totp.models import TOTPDevice

register = template.Library()


@register.filter
def totp_key(device: TOTPDevice) -> str:
    """The device's secret as authenticator apps ask for it: base32, in groups of four."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
