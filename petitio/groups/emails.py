"""The emails of school groups, each rendered in its recipient's language.

Members get theirs in the language they joined in; coordinators in their group's
language. Every message has a plain-text body and the same text as simple HTML.
"""

from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import GroupMembership, SchoolGroup
from .tokens import LinkPurpose, make_token


class EmailKind(StrEnum):
    JOIN_CONFIRM = "join_confirm"
    ALREADY_MEMBER = "already_member"
    NEW_MEMBER = "new_member"
    REGISTER_CONFIRM = "register_confirm"
    GROUP_APPROVED = "group_approved"
    GROUP_REJECTED = "group_rejected"
    REPORT_LINK = "report_link"


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def supported_language(code: str) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def link(view_name: str, public_id, purpose: LinkPurpose) -> str:
    """An absolute signed link, in the active language."""
    return absolute_url(reverse(view_name, args=[make_token(public_id, purpose)]))


def send(*, kind: EmailKind, to: str, language: str, context: dict) -> None:
    """Render `kind` in `language` with `context` and send it to one address."""
    with translation.override(supported_language(language)):
        context = {**context, "site_url": settings.SITE_URL}
        subject = render_to_string(f"groups/emails/{kind}_subject.txt", context)
        text = render_to_string(f"groups/emails/{kind}.txt", context)
        html = render_to_string(
            "groups/emails/message.html", {"subject": subject.strip(), "body": text}
        )
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send_membership_email(
    *, membership_id: int, kind: EmailKind, locale: str, to: str, first_name: str
) -> None:
    """A member's email (confirm, already a member) to the address given by the
    request; nothing if the membership is gone."""
    membership = GroupMembership.objects.filter(pk=membership_id).select_related("group").first()
    if membership is None:
        return
    language = supported_language(locale or membership.locale)
    with translation.override(language):
        context = {
            "first_name": first_name,
            "school_name": membership.group.school_name,
            "link_days": LinkPurpose.JOIN.days,
        }
        if kind is EmailKind.JOIN_CONFIRM:
            context["confirm_url"] = link(
                "groups:join_confirm", membership.public_id, LinkPurpose.JOIN
            )
    send(kind=kind, to=to, language=language, context=context)


def send_new_member_notice(*, membership_id: int) -> None:
    """Tell the coordinator that someone joined: their role and the group's size only
    (a member's name may be sealed, and the coordinator meets them at school)."""
    membership = GroupMembership.objects.filter(pk=membership_id).select_related("group").first()
    if membership is None:
        return
    group = membership.group
    coordinator = group.coordinator
    if not coordinator:
        return
    with translation.override(supported_language(group.language)):
        context = {
            "coordinator_first_name": coordinator["first_name"],
            "school_name": group.school_name,
            "member_role": membership.get_role_display(),
            "member_count": group.memberships.filter(
                status=GroupMembership.Status.CONFIRMED
            ).count(),
        }
    send(
        kind=EmailKind.NEW_MEMBER,
        to=coordinator["email"],
        language=group.language,
        context=context,
    )


def send_group_email(*, group_id: int, kind: EmailKind) -> None:
    """A coordinator's email about their group; nothing if the group is gone."""
    group = SchoolGroup.objects.filter(pk=group_id).first()
    coordinator = group.coordinator if group is not None else {}
    if group is None or not coordinator:
        return
    with translation.override(supported_language(group.language)):
        context = {
            "coordinator_first_name": coordinator["first_name"],
            "school_name": group.school_name,
            "rejection_reason": group.rejection_reason,
            "register_days": LinkPurpose.REGISTER.days,
            "report_days": LinkPurpose.PAPER_REPORT.days,
        }
        if kind is EmailKind.REGISTER_CONFIRM:
            context["confirm_url"] = link(
                "groups:register_confirm", group.public_id, LinkPurpose.REGISTER
            )
        if kind in (EmailKind.GROUP_APPROVED, EmailKind.REPORT_LINK):
            context["report_url"] = link("groups:report", group.public_id, LinkPurpose.PAPER_REPORT)
            context["report_link_request_url"] = absolute_url(reverse("groups:report_link"))
    send(kind=kind, to=coordinator["email"], language=group.language, context=context)
