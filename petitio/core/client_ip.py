"""The client's IP address, as far as this deployment can trust it.

With no reverse proxy (the default, `make run`) only the socket's address counts:
a client could otherwise write any address into a header. Behind N trusted proxies
that each append the address they received from to X-Forwarded-For
(TRUSTED_PROXY_COUNT=N, e.g. 1 for one nginx), the client is the N-th entry from
the right; anything further left was written by the client and is ignored.

(django-ipware was tried first: its proxy_count counts proxies inside the header,
not in front of the server, which makes the usual one-nginx set-up read None.)

Callers never store the result: petitio.privacy.ip_hashing hashes it, expiring.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client address as text, or "" when none can be told."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        return forwarded[-proxies] if len(forwarded) >= proxies else ""
    return request.META.get("REMOTE_ADDR", "")
