"""HTTP for school groups: the join, register and paper-report flows.

Views validate input and answer; services change state. Every refusal is a
translated page with a 4xx status; a GET never changes state; every POST that
succeeds answers with a 303 to a page that can be reloaded safely.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from petitio.petitions.views import SeeOther, refusal, signing_paused
from petitio.privacy.personal_data import SealingKeyMissing

from . import services
from .forms import (
    AgeQuestionForm,
    GroupRegistrationForm,
    JoinForm,
    PaperReportForm,
    ReportLinkRequestForm,
)
from .models import GroupMembership, SchoolGroup, SchoolGroupIndexPage
from .tokens import LinkExpired, LinkInvalid, LinkPurpose, read_token

MAX_ID_DIGITS = 18


def directory_page() -> SchoolGroupIndexPage | None:
    """The directory in the current language, else in any language."""
    pages = SchoolGroupIndexPage.objects.live().select_related("locale")
    return pages.filter(locale__language_code=get_language()).first() or pages.first()


def approved_group_from_query(value: str) -> SchoolGroup | None:
    """The approved group a `?group=` value names, or None."""
    if not value.isascii() or not value.isdigit() or len(value) > MAX_ID_DIGITS:
        return None
    return SchoolGroup.objects.filter(pk=int(value), status=SchoolGroup.Status.APPROVED).first()


def page_context(**context) -> dict:
    return {"directory": directory_page(), **context}


# --- Joining ------------------------------------------------------------------------


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@never_cache
def join(request: HttpRequest) -> HttpResponse:
    """Join a group in two steps, the first asking only the group and the age.

    GET without `age`: the question (a `?group=` naming no approved group is a 404).
    GET with `age`: under 13, a page saying to ask a teacher (nothing is collected);
    13 or older, the form for first name, address and role. POST: that form.
    """
    if request.method == "POST":
        return join_submit(request)
    # The question form also sends `step`, so an unanswered question (no `age`) is an error.
    if "age" not in request.GET and "step" not in request.GET:
        initial = {}
        if "group" in request.GET:
            group = approved_group_from_query(request.GET["group"])
            if group is None:
                raise Http404
            initial["group"] = group.pk
        return render(
            request, "groups/join_age.html", page_context(form=AgeQuestionForm(initial=initial))
        )
    question = AgeQuestionForm(request.GET)
    if not question.is_valid():
        return render(request, "groups/join_age.html", page_context(form=question), status=400)
    group = question.cleaned_data["group"]
    if question.cleaned_data["age"] == AgeQuestionForm.YOUNGER:
        return render(request, "groups/join_under_13.html", page_context(group=group))
    form = JoinForm(initial={"group": group.pk, "age": AgeQuestionForm.OLDER})
    return render(request, "groups/join_details.html", page_context(form=form, group=group))


def join_submit(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST)
    if not form.is_valid():
        group = form.cleaned_data.get("group")
        return render(
            request, "groups/join_details.html", page_context(form=form, group=group), status=400
        )
    details = services.MemberDetails(
        first_name=form.cleaned_data["first_name"],
        email=form.cleaned_data["email"],
        role=form.cleaned_data["role"],
    )
    try:
        services.request_membership(
            group=form.cleaned_data["group"], details=details, locale=get_language()
        )
    except services.GroupNotApproved:
        return group_not_open(request)
    except SealingKeyMissing:
        return signing_paused(request, None)
    return SeeOther(reverse("groups:join_check_inbox"))


@require_GET
@never_cache
def join_check_inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/join_check_inbox.html", page_context())


def group_not_open(request: HttpRequest) -> HttpResponse:
    return refusal(
        request,
        title=_("This group is not open"),
        message=_("This school group does not take new members or reports at the moment."),
        status=409,
    )


def read_link(
    request: HttpRequest, token: str, purpose: LinkPurpose
) -> tuple[uuid.UUID | None, HttpResponse | None]:
    """The public id in a link's token, or a refusal page to answer instead."""
    try:
        return read_token(token, purpose), None
    except LinkExpired:
        return None, refusal(
            request,
            title=_("This link has expired"),
            message=ngettext(
                "Links in our emails are valid for %(days)d day. Please ask for a new "
                "one by filling in the form again.",
                "Links in our emails are valid for %(days)d days. Please ask for a new "
                "one by filling in the form again.",
                purpose.days,
            )
            % {"days": purpose.days},
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


@require_http_methods(["GET", "POST"])
@never_cache
def join_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only its POST confirms (mail scanners open links, not forms)."""
    public_id, refused = read_link(request, token, LinkPurpose.JOIN)
    if refused is not None:
        return refused
    membership = GroupMembership.objects.filter(public_id=public_id).select_related("group").first()
    if membership is None:
        raise Http404
    if request.method == "GET":
        return render(
            request,
            "groups/join_confirm.html",
            page_context(
                group=membership.group,
                already_confirmed=membership.status == GroupMembership.Status.CONFIRMED,
            ),
        )
    try:
        services.confirm_membership(public_id=public_id)
    except services.MembershipNotFound as error:
        raise Http404 from error
    except services.MembershipRejected:
        return refusal(
            request,
            title=_("This membership cannot be confirmed"),
            message=_("Please contact us if you think this is a mistake."),
            status=409,
        )
    except services.GroupNotApproved:
        return group_not_open(request)
    return SeeOther(reverse("groups:join_welcome"))


@require_GET
@never_cache
def join_welcome(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/join_welcome.html", page_context())


# --- Registering a group ------------------------------------------------------------


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@never_cache
def register(request: HttpRequest) -> HttpResponse:
    """A teacher registers a group; it is public only after email confirmation and moderation."""
    if request.method == "GET":
        initial = {"language": get_language()}
        return render(
            request,
            "groups/register.html",
            page_context(form=GroupRegistrationForm(initial=initial)),
        )
    form = GroupRegistrationForm(request.POST)
    if not form.is_valid():
        return render(request, "groups/register.html", page_context(form=form), status=400)
    services.register_group(
        details=services.GroupDetails(
            **{name: form.cleaned_data[name] for name in services.GroupDetails.field_names()}
        )
    )
    return SeeOther(reverse("groups:register_check_inbox"))


@require_GET
@never_cache
def register_check_inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/register_check_inbox.html", page_context())


@require_http_methods(["GET", "POST"])
@never_cache
def register_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; its POST confirms the coordinator's address."""
    public_id, refused = read_link(request, token, LinkPurpose.REGISTER)
    if refused is not None:
        return refused
    group = SchoolGroup.objects.filter(public_id=public_id).first()
    if group is None:
        raise Http404
    if request.method == "GET":
        return render(
            request,
            "groups/register_confirm.html",
            page_context(
                group=group, already_confirmed=group.status != SchoolGroup.Status.PENDING_EMAIL
            ),
        )
    try:
        services.confirm_group_email(public_id=public_id)
    except services.GroupNotFound as error:
        raise Http404 from error
    return SeeOther(reverse("groups:register_received"))


@require_GET
@never_cache
def register_received(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/register_received.html", page_context())


# --- Paper signatures ---------------------------------------------------------------


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@never_cache
def report_link(request: HttpRequest) -> HttpResponse:
    """ "Send me my group's reporting link": always the same answer, whatever the address."""
    if request.method == "GET":
        return render(
            request, "groups/report_link.html", page_context(form=ReportLinkRequestForm())
        )
    form = ReportLinkRequestForm(request.POST)
    if not form.is_valid():
        return render(request, "groups/report_link.html", page_context(form=form), status=400)
    services.request_paper_report_link(email=form.cleaned_data["email"])
    return SeeOther(reverse("groups:report_link_sent"))


@require_GET
@never_cache
def report_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/report_link_sent.html", page_context())


@require_http_methods(["GET", "POST"])
@never_cache
def report(request: HttpRequest, token: str) -> HttpResponse:
    """The paper-report form of one approved group, reached by its signed link."""
    public_id, refused = read_link(request, token, LinkPurpose.PAPER_REPORT)
    if refused is not None:
        return refused
    group = SchoolGroup.objects.filter(public_id=public_id).first()
    if group is None:
        raise Http404
    if group.status != SchoolGroup.Status.APPROVED:
        return group_not_open(request)
    language = get_language()
    if request.method == "GET":
        form = PaperReportForm(language=language)
        return render(request, "groups/report.html", page_context(form=form, group=group))
    form = PaperReportForm(request.POST, language=language)
    if not form.is_valid():
        return render(
            request, "groups/report.html", page_context(form=form, group=group), status=400
        )
    page = form.pages[form.cleaned_data["petition"]]
    try:
        services.report_paper_signatures(
            group=group,
            petition=page.petition,
            count=form.cleaned_data["count"],
            note=form.cleaned_data["note"],
        )
    except services.PetitionNotOpen:
        return refusal(
            request,
            title=_("This petition is closed"),
            message=_("It no longer accepts signatures; nothing was recorded."),
            status=409,
        )
    except services.GroupNotApproved:
        return group_not_open(request)
    return SeeOther(reverse("groups:report_received"))


@require_GET
@never_cache
def report_received(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/report_received.html", page_context())
