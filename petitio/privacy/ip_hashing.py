"""IP addresses only as salted hashes that expire within a day.

A hash is an HMAC of a network (an IPv4 /32 or /24, an IPv6 /64 or /48) under the
salt of the current UTC day. The salt is random, kept in the database so every web
node shares it, and deleted by the privacy sweep the day after: from then on no
one, not even us, can tell which address a stored hash came from. The hashes stored
on signatures are cleared after 24 hours as well.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from datetime import date

from django.db import IntegrityError
from django.utils import timezone

from .models import HashSalt

_salts: dict[date, bytes] = {}


def daily_salt(day: date | None = None) -> bytes:
    """The salt of `day` (today, UTC), created on first use; memoised per process."""
    day = day or timezone.now().date()
    salt = _salts.get(day)
    if salt is None:
        row = HashSalt.objects.filter(day=day).first()
        if row is None:
            try:
                row = HashSalt.objects.create(day=day, salt=secrets.token_bytes(32))
            except IntegrityError:  # Another process created it at the same moment.
                row = HashSalt.objects.get(day=day)
        salt = bytes(row.salt)
        _salts.clear()  # Keep only today's: yesterday's must be forgettable.
        _salts[day] = salt
    return salt


def forget_cached_salts() -> None:
    _salts.clear()


def networks_of(address: str) -> tuple[str, str] | None:
    """The (narrow, wide) networks of a client address, as text, or None if invalid.

    IPv4: the address (/32) and its /24. IPv6: the /64 (one household or device) and
    the /48 (one site). An IPv4-mapped IPv6 address counts as IPv4.
    """
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    narrow, wide = (32, 24) if isinstance(ip, ipaddress.IPv4Address) else (64, 48)
    return network_text(ip, narrow), network_text(ip, wide)


def network_text(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, prefix: int) -> str:
    """The network of `prefix` bits around `ip`, written as ip_network() writes it
    (computed on the integer: parsing it back as a network costs more than all else)."""
    host_bits = ip.max_prefixlen - prefix
    return f"{type(ip)(int(ip) >> host_bits << host_bits)}/{prefix}"


def hash_network(network: str) -> str:
    """The salted hash of a network (first 32 hex digits: 128 bits)."""
    digest = hmac.new(daily_salt(), network.encode("ascii"), hashlib.sha256).hexdigest()
    return digest[:32]
