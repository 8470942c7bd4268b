"""A self-hosted proof of work for the signing form (ALTCHA's v1 challenge format,
through the maintained `altcha` package; no third-party service).

The browser fetches a challenge (`GET /challenge/`), finds by brute force the number
whose SHA-256 with the challenge's salt matches, and sends the solution with the
form (static/js/proof-of-work.js). It costs a person's browser a second; it costs
a bot sending thousands of signatures thousands of seconds.

Outcomes, for abuse.py:
- no solution: a person without JavaScript. Accepted and counted like any other:
  the email confirmation remains the proof of a person, and the rate limits apply.
- a valid solution: fine, and recorded as used so it cannot serve twice.
- forged, expired, malformed or already used: flagged (never counted).
"""

from __future__ import annotations

import datetime
import hashlib
from enum import StrEnum

import altcha
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

CHALLENGE_LIFETIME = datetime.timedelta(minutes=30)
# About 100,000 SHA-256 at worst, half that on average: a second or two in a browser.
MAX_NUMBER = 100_000


class ProofOutcome(StrEnum):
    MISSING = "missing"
    VALID = "valid"
    INVALID = "invalid"


def hmac_key() -> str:
    return hashlib.sha256(f"petitio-proof-of-work:{settings.SECRET_KEY}".encode()).hexdigest()


def new_challenge() -> dict:
    """A fresh challenge for one form, as the browser script expects it."""
    challenge = altcha.create_challenge_v1(
        hmac_key=hmac_key(),
        max_number=MAX_NUMBER,
        expires=timezone.now() + CHALLENGE_LIFETIME,
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def check_proof(payload: str) -> ProofOutcome:
    """Judge the solution sent with a form, and use it up if it is valid."""
    if not payload:
        return ProofOutcome.MISSING
    try:
        valid, _error = altcha.verify_solution_v1(payload, hmac_key(), check_expires=True)
    except (ValueError, TypeError, KeyError, AttributeError):
        return ProofOutcome.INVALID
    if not valid:
        return ProofOutcome.INVALID
    # One use per solution: the first form to present it wins, on every web node
    # sharing the cache (Redis in production).
    fingerprint = hashlib.sha256(payload.encode()).hexdigest()
    first_use = cache.add(
        f"petitio:proof-used:{fingerprint}", 1, CHALLENGE_LIFETIME.total_seconds() + 60
    )
    return ProofOutcome.VALID if first_use else ProofOutcome.INVALID
