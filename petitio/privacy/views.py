"""The supporter's "my data" pages: ask for a link, see, withdraw consent, erase.

The request form answers the same whatever the address (and emails every
address, known or not), so it reveals nobody. The link's page changes nothing on
GET; its buttons POST. Nothing here is cached anywhere (never_cache).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from petitio.petitions.views import SeeOther, refusal

from . import services, tasks
from .forms import EraseForm, MyDataRequestForm
from .models import PrivacySettings, ProtectionMode
from .tokens import LinkExpired, LinkInvalid, read_my_data_token


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@never_cache
def request_link(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "privacy/request_link.html", {"form": MyDataRequestForm()})
    form = MyDataRequestForm(request.POST)
    if not form.is_valid():
        return render(request, "privacy/request_link.html", {"form": form}, status=400)
    tasks.send_my_data_link.enqueue(
        locale=get_language(), recipient_email=form.cleaned_data["email"]
    )
    return SeeOther(reverse("privacy:link_sent"))


@require_GET
@never_cache
def link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/link_sent.html")


def digest_from(request: HttpRequest, token: str) -> str | HttpResponse:
    """The address digest a link names, or the refusal page to answer instead."""
    try:
        return read_my_data_token(token)
    except LinkExpired:
        return refusal(
            request,
            title=_("This link has expired"),
            message=_("For your safety it worked for a day. Please ask for a new one."),
            status=410,
        )
    except LinkInvalid:
        return refusal(
            request,
            title=_("This link is not valid"),
            message=_(
                "The link may have been cut or changed. Please open it again from the "
                "email, or ask for a new one."
            ),
            status=400,
        )


@require_GET
@never_cache
def my_data(request: HttpRequest, token: str) -> HttpResponse:
    digest = digest_from(request, token)
    if isinstance(digest, HttpResponse):
        return digest
    return render(
        request,
        "privacy/my_data.html",
        {
            "token": token,
            "held": services.data_held_for(digest=digest),
            "sealed": PrivacySettings.load().protection_mode == ProtectionMode.SEALED,
            "erase_form": EraseForm(),
        },
    )


@require_POST
@never_cache
def withdraw_newsletter(request: HttpRequest, token: str) -> HttpResponse:
    digest = digest_from(request, token)
    if isinstance(digest, HttpResponse):
        return digest
    services.withdraw_newsletter_consent(digest=digest)
    return render(request, "privacy/done.html", {"title": _("You will receive no more news")})


@require_POST
@never_cache
def erase(request: HttpRequest, token: str) -> HttpResponse:
    digest = digest_from(request, token)
    if isinstance(digest, HttpResponse):
        return digest
    form = EraseForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "privacy/my_data.html",
            {
                "token": token,
                "held": services.data_held_for(digest=digest),
                "sealed": PrivacySettings.load().protection_mode == ProtectionMode.SEALED,
                "erase_form": form,
            },
            status=400,
        )
    services.erase_everything(digest=digest)
    return render(request, "privacy/done.html", {"title": _("Your data is erased"), "erased": True})
