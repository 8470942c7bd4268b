"""Email addresses: normalisation and the keyed digest used for deduplication.

Two addresses that reach the same mailbox must give the same digest, so that one
person signs a petition once. We fold what mail providers themselves fold:
letter case, a `+tag` after the local part, and for Gmail the dots in the local
part and the googlemail.com alias. We keep no searchable address: the digest is
an HMAC under a key that lives outside the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac

from django.conf import settings

# Providers that ignore dots in the local part (Gmail does; few others do).
DOT_INSENSITIVE_DOMAINS = frozenset({"gmail.com"})
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def normalise_email(address: str) -> str:
    """Return the canonical form of `address`, which must already be a valid address.

    Lowercases the whole address, drops a `+tag` from the local part, maps domain
    aliases, removes dots in the local part for dot-insensitive domains, and
    encodes an internationalised domain as IDNA (punycode).
    """
    local, _, domain = address.strip().rpartition("@")
    local = local.lower()
    domain = domain.lower().rstrip(".")
    # An undecodable domain keeps its lowercased form; validation already accepted it.
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    domain = DOMAIN_ALIASES.get(domain, domain)
    local = local.split("+", 1)[0] or local
    if domain in DOT_INSENSITIVE_DOMAINS:
        local = local.replace(".", "") or local
    return f"{local}@{domain}"


def email_digest(address: str) -> str:
    """The hex HMAC-SHA256 of the normalised address under settings.EMAIL_HASH_KEY."""
    key = settings.EMAIL_HASH_KEY.encode("utf-8")
    message = normalise_email(address).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()
