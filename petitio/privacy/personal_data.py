"""Protect personal data before it is stored, and read it back where the mode allows.

Callers hand a record (a dict of strings) to `protect_record` and store the string
it returns; they never store names or addresses in clear columns. What can be
read back depends on how the record was protected:

- sealed records: nothing on the server can read them (`reveal_record` -> None);
- encrypted records: the server reads them with PERSONAL_DATA_KEY.

The organisation's choice (PrivacySettings) is read at most every few seconds
per process, so protecting a record costs no query on the signing path.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache

from django.conf import settings

from . import crypto

SETTINGS_TTL_SECONDS = 10.0


class SealingKeyMissing(Exception):
    """Sealed mode is on but no public key was created yet (manage.py create_sealing_keys)."""


@dataclass(frozen=True)
class Protection:
    mode: str
    public_key: str


_current: tuple[float, Protection] | None = None


def current_protection() -> Protection:
    """The organisation's protection mode and public key, cached for a few seconds."""
    global _current
    now = time.monotonic()
    if _current is None or now - _current[0] > SETTINGS_TTL_SECONDS:
        from .models import PrivacySettings

        privacy = PrivacySettings.load()
        _current = (now, Protection(privacy.protection_mode, privacy.sealing_public_key))
    return _current[1]


def forget_cached_protection() -> None:
    """Read the settings again at the next use (after they change, and in tests)."""
    global _current
    _current = None


@cache
def server_key() -> bytes:
    return crypto.derive_secret_box_key(settings.PERSONAL_DATA_KEY)


def protect_record(record: dict[str, str]) -> str:
    """The record sealed (sealed mode) or encrypted (standard mode), ready to store.

    Raises SealingKeyMissing in sealed mode without a public key: nothing is then
    stored, rather than anything stored in clear.
    """
    from .models import ProtectionMode

    protection = current_protection()
    if protection.mode == ProtectionMode.STANDARD:
        return crypto.encrypt(record, key=server_key())
    if not protection.public_key:
        raise SealingKeyMissing
    return crypto.seal(record, public_key_b64=protection.public_key)


def encrypt_for_server(record: dict[str, str]) -> str:
    """Encrypt what the server itself must read back whatever the mode (e.g. the
    contact address of a school group's coordinator, whom it writes to)."""
    return crypto.encrypt(record, key=server_key())


def reveal_record(stored: str) -> dict[str, str] | None:
    """The record in clear if the server may read it, else None (sealed, erased, empty)."""
    if not stored.startswith(crypto.ENCRYPTED_PREFIX):
        return None
    try:
        return crypto.decrypt(stored, key=server_key())
    except crypto.UnreadableRecord:
        return None


def is_sealed(stored: str) -> bool:
    return stored.startswith(crypto.SEALED_PREFIX)
