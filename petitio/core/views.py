"""The CSRF failure page. 400/404/500 use Django's handlers with our templates."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Shown when a form arrives without a valid CSRF token (expired page, no cookie)."""
    return render(
        request,
        "core/request_refused.html",
        {
            "title": _("Your form has expired"),
            "message": _(
                "For your security, forms can only be sent from this site with cookies "
                "enabled, and for a limited time. Nothing was saved. Please go back, "
                "reload the page and send the form again."
            ),
            "back_url": request.path,
        },
        status=403,
    )
