"""System checks: tell the operator, before anyone tries to sign, what is missing."""

from __future__ import annotations

from django.core.checks import Warning, register
from django.db import DatabaseError


@register("petitio")
def sealing_key_is_set(app_configs, **kwargs):
    """Sealed mode without a public key refuses signatures: say so at startup."""
    from .models import PrivacySettings, ProtectionMode

    try:
        privacy = PrivacySettings.objects.first()
    except DatabaseError:  # Not migrated yet: `migrate` itself runs the checks.
        return []
    mode = privacy.protection_mode if privacy else ProtectionMode.SEALED
    if mode == ProtectionMode.SEALED and not (privacy and privacy.sealing_public_key):
        return [
            Warning(
                "Sealed mode is on but no sealing key exists: signing is refused until "
                "one is created.",
                hint="Run `manage.py create_sealing_keys` and keep the private key it "
                "shows off this server.",
                id="petitio.W001",
            )
        ]
    return []
