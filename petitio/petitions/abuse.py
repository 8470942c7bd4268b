"""Abuse control on the signing path, with no third-party service.

Each signal below adds a flag to the signature. A flagged signature is accepted,
emailed and confirmable like any other, and the sender sees exactly the same
pages, but it is never counted: staff review flags and trends in the admin
(and may invalidate in bulk). Nothing here blocks anyone: a Tor user or a school
behind one address can always sign; past a rate limit their signatures wait for
staff instead of counting at once.

Signals:
- honeypot: a field people never see was filled in;
- too-fast / stale-form: the signed timestamp of the form says it was sent sooner
  than a person can type, or from a page older than a day, or it was forged;
- rate-address / rate-network: more signatures this hour, for this petition, from
  one IPv4 address or IPv6 /64 (or one IPv4 /24 or IPv6 /48) than staff allow;
- disposable-domain: the address is at a throwaway-mailbox domain;
- bad-proof: the proof of work (see proof_of_work.py) was forged or replayed;
- cross-site: the browser says the form was sent from another site's page (the
  signing form takes no CSRF token, see views.py).
"""

from __future__ import annotations

import time
from enum import StrEnum

from disposable_email_domains import blocklist as DISPOSABLE_DOMAINS
from django.conf import settings
from django.core import signing
from django.core.cache import cache, caches
from django.http import HttpRequest
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis.commands.core import Script

from petitio.core.client_ip import client_ip
from petitio.privacy.ip_hashing import hash_network, networks_of

from .models import Petition
from .proof_of_work import ProofOutcome, check_proof
from .services import AbuseSignals

FORM_TIMESTAMP_SALT = "petitio.petitions.form-issued"
# What a rendered signing form holds until core.page_cache swaps in a fresh
# issue_form_timestamp() for each view of the page, cached or not.
FORM_ISSUED_PLACEHOLDER = "petitio-fresh-form-timestamp-3f1c9a"


class Flag(StrEnum):
    HONEYPOT = "honeypot"
    TOO_FAST = "too-fast"
    STALE_FORM = "stale-form"
    RATE_ADDRESS = "rate-address"
    RATE_NETWORK = "rate-network"
    DISPOSABLE_DOMAIN = "disposable-domain"
    BAD_PROOF = "bad-proof"
    CROSS_SITE = "cross-site"


def issue_form_timestamp() -> str:
    """A signed timestamp for a signing form's hidden field."""
    return signing.dumps(int(time.time()), salt=FORM_TIMESTAMP_SALT)


def form_timing_flag(value: str) -> Flag | None:
    """TOO_FAST or STALE_FORM when the form's signed timestamp says so (or is forged)."""
    try:
        issued = int(signing.loads(value, salt=FORM_TIMESTAMP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return Flag.STALE_FORM
    age = time.time() - issued
    if age < settings.SIGNING_FORM_MIN_SECONDS:
        return Flag.TOO_FAST
    if age > settings.SIGNING_FORM_MAX_AGE_SECONDS:
        return Flag.STALE_FORM
    return None


def is_cross_site(request: HttpRequest) -> bool:
    """Whether the browser reports that the form was sent from another site's page.

    Only what browsers state counts: Sec-Fetch-Site "cross-site", or an Origin
    that is neither this site nor a trusted origin. No header, no flag.
    """
    # From META: request.headers would first copy every header and variable of the
    # environment into a mapping of its own, on each signature.
    if request.META.get("HTTP_SEC_FETCH_SITE") == "cross-site":
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if not origin or origin == "null":
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS


RATE_COUNTER_SECONDS = 3700  # an hour, and a little more for clocks that differ


# Adds one to each counter and, on its first count, sets its expiry: run by Redis
# itself, so that every counter moves in one command and one round trip.
_COUNT_SCRIPT = """
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('INCR', key)
  if counts[i] == 1 then
    redis.call('EXPIRE', key, ARGV[1])
  end
end
return counts
"""
_count_script: Script | None = None


def count_this_hour(*keys: str) -> list[int]:
    """Add one to each hourly counter in the shared cache; return their new values.

    With Redis, all counters move in one command (a script, by EVALSHA): on the
    signing path, separate cache calls cost more than the rest of abuse control
    together, and a pipeline of INCR and EXPIRE for each counter took about a fifth
    more client CPU than the script (118 against 99 microseconds for two counters).
    """
    hour = int(time.time() // 3600)
    full_keys = [f"petitio:rate:{key}:{hour}" for key in keys]
    redis = redis_client()
    if redis is not None:
        global _count_script
        if _count_script is None:
            _count_script = redis.register_script(_COUNT_SCRIPT)
        # The cache's prefix and version, as its own calls would write them.
        stored_keys = [cache.make_key(full_key) for full_key in full_keys]
        counts = _count_script(keys=stored_keys, args=[RATE_COUNTER_SECONDS], client=redis)
        return [int(value) for value in counts]
    return [count_in_cache(full_key) for full_key in full_keys]


def count_in_cache(full_key: str) -> int:
    cache.add(full_key, 0, timeout=RATE_COUNTER_SECONDS)
    try:
        return cache.incr(full_key)
    except ValueError:  # Evicted between add and incr: start again.
        cache.set(full_key, 1, timeout=RATE_COUNTER_SECONDS)
        return 1


def redis_client():
    """The Redis client behind the default cache, or None if the cache is not Redis."""
    if not isinstance(caches["default"], RedisCache):
        return None
    return get_redis_connection("default")


def rate_flags(petition: Petition, narrow_hash: str, wide_hash: str) -> list[Flag]:
    flags = []
    from_address, from_network = count_this_hour(
        f"{petition.pk}:n:{narrow_hash}", f"{petition.pk}:w:{wide_hash}"
    )
    if from_address > petition.hourly_limit_per_address:
        flags.append(Flag.RATE_ADDRESS)
    if from_network > petition.hourly_limit_per_network:
        flags.append(Flag.RATE_NETWORK)
    return flags


def assess_signing(
    *,
    request: HttpRequest,
    petition: Petition,
    honeypot: str,
    issued: str,
    email_domain: str,
    proof: str = "",
) -> AbuseSignals:
    """The abuse signals of one signing request: the sender's expiring IP hash and flags.

    Counts the request against the petition's hourly limits (repeated addresses
    too: a bot retrying one address is still a bot).
    """
    flags: list[Flag] = []
    if honeypot:
        flags.append(Flag.HONEYPOT)
    timing = form_timing_flag(issued)
    if timing is not None:
        flags.append(timing)
    if email_domain in DISPOSABLE_DOMAINS:
        flags.append(Flag.DISPOSABLE_DOMAIN)
    if check_proof(proof) is ProofOutcome.INVALID:
        flags.append(Flag.BAD_PROOF)
    if is_cross_site(request):
        flags.append(Flag.CROSS_SITE)
    ip_hash = ""
    networks = networks_of(client_ip(request))
    if networks is not None:
        narrow, wide = networks
        ip_hash = hash_network(narrow)
        flags.extend(rate_flags(petition, ip_hash, hash_network(wide)))
    return AbuseSignals(ip_hash=ip_hash, flags=tuple(flags))
