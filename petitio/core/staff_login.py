"""Staff login protection with django-axes: what it records, what a locked-out person sees.

Axes counts failed admin logins per username (settings.AXES_LOCKOUT_PARAMETERS) and,
past settings.AXES_FAILURE_LIMIT, refuses that username for settings.AXES_COOLOFF_TIME.
Another administrator can lift a lock-out at once with
`manage.py axes_reset_username <username>`.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil

# What axes stores in its `ip_address` column instead of the client's address. A
# valid address, so the column accepts it on SQLite and in PostgreSQL's inet type.
IP_PLACEHOLDER = "0.0.0.0"  # noqa: S104 - a placeholder, not an address to bind


def no_client_ip(request: HttpRequest) -> str:
    """The client address axes records: always IP_PLACEHOLDER.

    The project never stores an IP address in clear, and lock-out is by username
    only, so axes has no use for the real one.
    """
    return IP_PLACEHOLDER


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The page shown instead of the login form while a username is locked out (429).

    It says what happened and for how long, in the admin's login design, and does
    not say whether the username exists.
    """
    # Each attempt during the lock-out starts the cool-off again, so the whole of it
    # lies ahead. Django words the duration ("15 minutes") in the active language.
    now = timezone.now()
    duration = timeuntil(now + settings.AXES_COOLOFF_TIME, now)
    return render(request, "core/admin/locked_out.html", {"duration": duration}, status=429)
