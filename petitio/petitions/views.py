"""HTTP for the signing path: validate input, call a service, answer.

Every refusal is a translated page with a 4xx status; a GET never changes state.

The public signing path sets no cookie and takes no CSRF token (`csrf_exempt`):
- signing: the page must be the same for every visitor so it can be cached
  (core.page_cache), and a forged cross-site POST gains nothing a script could
  not do directly: the signature counts only once its address's owner confirms
  it, and abuse control flags a form sent from another site (abuse.py);
- confirming and "this was not me": the token in the link is the credential; a
  forged request would need it, and whoever has it can press the button anyway.
People who block cookies can sign and confirm like everyone else.
"""

from __future__ import annotations

import functools
import uuid

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from petitio.core.middleware import served_without_session
from petitio.core.page_cache import remember
from petitio.core.templatetags.petitio_tags import site_of
from petitio.privacy.personal_data import SealingKeyMissing

from . import abuse, services, statements
from .emails import petition_link_in, petition_page_in
from .forms import SignatureForm
from .models import PetitionPage, Signature
from .proof_of_work import new_challenge
from .selectors import next_action_for, petition_page_id_in, signing_target
from .sharing import share_links
from .tokens import LinkExpired, LinkInvalid, LinkPurpose, read_signature_token


class SeeOther(HttpResponseRedirect):
    """303: after a POST the browser GETs the next page, so a reload cannot resend."""

    status_code = 303


def live_petition_page(page_id: int) -> PetitionPage:
    """The live petition page, in the active language when it has a translation in it
    (so switching language on a signing step shows the same campaign translated)."""
    page = PetitionPage.objects.live().select_related("petition").filter(pk=page_id).first()
    if page is None:
        raise Http404
    localized = page.localized
    return localized if localized.live else page


def refusal(
    request: HttpRequest, *, title: str, message: str, status: int, page=None
) -> HttpResponse:
    back_url, back_label = (
        (page.url, _("Back to the petition")) if page else ("/", _("Go to the home page"))
    )
    return render(
        request,
        "core/request_refused.html",
        {"title": title, "message": message, "back_url": back_url, "back_label": back_label},
        status=status,
    )


def closed_refusal(request: HttpRequest, page: PetitionPage | None) -> HttpResponse:
    return refusal(
        request,
        title=_("This petition is closed"),
        message=_(
            "Thank you for wanting to sign. This petition no longer accepts signatures; "
            "nothing was recorded."
        ),
        status=409,
        page=page,
    )


def signing_paused(request: HttpRequest, page: PetitionPage | None) -> HttpResponse:
    """Sealed mode without a key: refuse rather than store anything unprotected."""
    return refusal(
        request,
        title=_("Signing is paused for a moment"),
        message=_(
            "We cannot protect new signatures right now, so we are not recording any. "
            "Nothing was recorded; please try again later."
        ),
        status=503,
        page=page,
    )


@functools.lru_cache(maxsize=1024)
def check_inbox_path(page_id: int, language: str) -> str:
    """Where a signer goes next, in `language` (the active one): kept per process,
    since reversing a URL costs more than a fiftieth of a signature."""
    return reverse("petitions:check_inbox", args=[page_id])


@served_without_session
@csrf_exempt
@sensitive_post_parameters()  # error reports never carry what a signer typed
@require_POST
@never_cache
def sign(request: HttpRequest, page_id: int) -> HttpResponse:
    """Validate the signing form, record the signature, send the signer to their inbox.

    New and repeated addresses get exactly the same response.
    """
    target = signing_target(page_id)
    if target is None:
        raise Http404
    petition = target.petition
    if not petition.accepts_signatures():
        return closed_refusal(request, live_petition_page(page_id))
    form = SignatureForm(request.POST)
    if not form.is_valid():
        return live_petition_page(page_id).render_with_form(request, form, status=400)
    details = services.SignatureDetails(
        **{name: form.cleaned_data[name] for name in services.SignatureDetails.field_names()}
    )
    signals = abuse.assess_signing(
        request=request,
        petition=petition,
        honeypot=form.cleaned_data["website"],
        issued=form.cleaned_data["issued"],
        email_domain=details.email_domain,
        proof=form.cleaned_data["proof"],
    )
    try:
        services.sign_petition(
            petition=petition, details=details, locale=get_language(), signals=signals
        )
    except services.PetitionClosed:
        return closed_refusal(request, live_petition_page(page_id))
    except SealingKeyMissing:
        return signing_paused(request, live_petition_page(page_id))
    return SeeOther(check_inbox_path(target.page_id, get_language()))


@require_GET
@never_cache
def challenge(request: HttpRequest) -> JsonResponse:
    """A fresh proof-of-work challenge for the signing form's script (never cached)."""
    return JsonResponse(new_challenge())


@require_GET
@never_cache
def check_inbox(request: HttpRequest, page_id: int) -> HttpResponse:
    page = live_petition_page(page_id)
    return render(request, "petitions/check_inbox.html", {"page": page})


@require_GET
@never_cache
def thank_you(request: HttpRequest, page_id: int) -> HttpResponse:
    page = live_petition_page(page_id)
    share_url = request.build_absolute_uri(page.url)
    return render(
        request,
        "petitions/thank_you.html",
        {
            "page": page,
            "petition": page.petition,
            "share_url": share_url,
            "share_links": share_links(url=share_url, text=page.share_text),
            "next_action": next_action_for(page),
        },
    )


def read_link(
    request: HttpRequest, token: str, purpose: LinkPurpose
) -> tuple[uuid.UUID | None, HttpResponse | None]:
    """The public id in a link's token, or a refusal page to answer instead."""
    try:
        return read_signature_token(token, purpose), None
    except LinkExpired:
        days = settings.SIGNATURE_LINK_MAX_AGE_SECONDS // 86400
        return None, refusal(
            request,
            title=_("This link has expired"),
            message=ngettext(
                "Links in our emails are valid for %(days)d day. If you still want to "
                "sign, please sign again: we will send you a new link.",
                "Links in our emails are valid for %(days)d days. If you still want to "
                "sign, please sign again: we will send you a new link.",
                days,
            )
            % {"days": days},
            status=410,
        )
    except LinkInvalid:
        return None, refusal(
            request,
            title=_("This link is not valid"),
            message=_(
                "The link may have been cut or changed. Please open it again from the "
                "email, or copy the whole address into your browser."
            ),
            status=400,
        )


def signature_gone(request: HttpRequest) -> HttpResponse:
    return refusal(
        request,
        title=_("This signature no longer exists"),
        message=_("It was withdrawn or erased. You can sign the petition again at any time."),
        status=410,
    )


def confirm_page(
    request: HttpRequest, token: str, *, petition_id: int, already_confirmed: bool
) -> HttpResponse:
    """The page with the confirmation button (or saying it is already confirmed).

    After a surge of signatures comes a surge of these pages, and each signer of a
    petition in one language gets the same page but for their own token (in the
    links to the other languages). So the page is rendered once and remembered cut
    at the token (as long as remembered pages are, see core.page_cache.remember),
    instead of rendering the site's layout for every signer. A query string, which
    the links would carry along, gets a page of its own, not remembered.
    """

    def render_cut_at_token() -> list[str]:
        # The petition's title and link as emails get them (remembered, not loaded).
        title, path = petition_link_in(petition_id, get_language()) or ("", "")
        context = {
            "petition_title": title,
            "petition_path": path,
            "already_confirmed": already_confirmed,
        }
        return render_to_string("petitions/confirm.html", context, request).split(token)

    if request.META.get("QUERY_STRING"):
        return HttpResponse(token.join(render_cut_at_token()))
    # The layout (menus, the organisation's details) is the request's site's.
    site = site_of(request)
    site_id = site.pk if site is not None else 0
    key = f"petitio:confirm-page:{site_id}:{petition_id}:{get_language()}:{already_confirmed:d}"
    return HttpResponse(token.join(remember(key, render_cut_at_token)))


@served_without_session
@csrf_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only its POST confirms (mail scanners open links, not forms)."""
    public_id, refused = read_link(request, token, LinkPurpose.CONFIRM)
    if refused is not None:
        return refused
    if request.method == "GET":
        state = statements.signature_state(public_id)
        if state is None:
            return signature_gone(request)
        petition_id, status = state
        return confirm_page(
            request,
            token,
            petition_id=petition_id,
            already_confirmed=status == Signature.Status.CONFIRMED,
        )
    # The button: the service reads (and locks) the signature itself.
    try:
        petition_id = services.confirm_signature(public_id=public_id)
    except services.SignatureNotFound:
        return signature_gone(request)
    except services.SignatureNotConfirmable:
        return refusal(
            request,
            title=_("This signature cannot be confirmed"),
            message=_(
                "The organisers have set it aside. Please contact us if you think this is "
                "a mistake."
            ),
            status=409,
        )
    except services.PetitionClosed:
        petition_id = (
            Signature.objects.filter(public_id=public_id)
            .values_list("petition_id", flat=True)
            .first()
        )
        if petition_id is None:
            return signature_gone(request)
        return closed_refusal(request, petition_page_in(petition_id, get_language()))
    page_id = petition_page_id_in(petition_id, get_language())
    if page_id is None:
        return SeeOther("/")
    return SeeOther(reverse("petitions:thank_you", args=[page_id]))


@served_without_session
@csrf_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """ "This was not me": GET asks, POST deletes the signature and everything in it."""
    public_id, refused = read_link(request, token, LinkPurpose.WITHDRAW)
    if refused is not None:
        return refused
    signature = Signature.objects.filter(public_id=public_id).only("petition_id").first()
    if signature is None:
        return signature_gone(request)
    page = petition_page_in(signature.petition_id, get_language())
    if request.method == "GET":
        return render(request, "petitions/withdraw.html", {"page": page})
    try:
        services.withdraw_signature(public_id=public_id)
    except services.SignatureNotFound:
        return signature_gone(request)
    return render(request, "petitions/withdrawn.html", {"page": page})
