"""State changes of school groups, memberships and paper signature reports.

Views and admin views call these; nothing else writes. Every function is
keyword-only and transactional, and enqueues its email in the same transaction
as the row that causes it (the database task backend is an outbox): a committed
change always has its email queued, a rolled-back one never does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from petitio.core.emails import email_digest
from petitio.petitions.models import Petition
from petitio.privacy.consent import Purpose, consent_text_id
from petitio.privacy.personal_data import encrypt_for_server, protect_record

from . import tasks
from .models import GroupMembership, PaperSignatureReport, SchoolGroup


class GroupNotFound(Exception):
    """No group matches: it was deleted, or never existed."""


class GroupNotApproved(Exception):
    """The group is not (or no longer) approved: it takes no members and no reports."""


class GroupEmailNotConfirmed(Exception):
    """The coordinator has not confirmed their address yet: nothing to moderate."""


class GroupAlreadyRejected(Exception):
    """The group was rejected; it cannot confirm its address or be set inactive."""


class MembershipNotFound(Exception):
    """No membership matches: it was erased, or never existed."""


class MembershipRejected(Exception):
    """The membership was set aside by staff and cannot be confirmed."""


class PetitionNotOpen(Exception):
    """The petition does not accept signatures, on paper or online."""


class PaperReportNotFound(Exception):
    """No paper signature report has this id."""


class PaperReportAlreadyDecided(Exception):
    """The report was approved or rejected already, the other way."""


class JoiningOutcome(StrEnum):
    NEW = "new"
    REPEATED = "repeated"


@dataclass(frozen=True, kw_only=True)
class MemberDetails:
    """What a person aged 13 or more typed into the join form, already validated."""

    first_name: str
    email: str
    role: str

    def recipient(self) -> dict[str, str]:
        """The email task's arguments for the address (erased once sent)."""
        return {"recipient_email": self.email, "recipient_name": self.first_name}


@dataclass(frozen=True, kw_only=True)
class GroupDetails:
    """What a teacher typed into the registration form, already validated."""

    school_name: str
    street_address: str
    postcode: str
    municipality: str
    province: str
    language: str
    description: str
    coordinator_first_name: str
    coordinator_last_name: str
    coordinator_email: str

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cls))

    @classmethod
    def public_field_names(cls) -> tuple[str, ...]:
        """The fields stored in clear: the school's, not the coordinator's."""
        return tuple(name for name in cls.field_names() if not name.startswith("coordinator_"))

    def coordinator_record(self) -> dict[str, str]:
        return {
            "first_name": self.coordinator_first_name,
            "last_name": self.coordinator_last_name,
            "email": self.coordinator_email,
        }


# --- Members ------------------------------------------------------------------------


def request_membership(
    *, group: SchoolGroup, details: MemberDetails, locale: str
) -> JoiningOutcome:
    """Record a pending membership and queue its confirmation email, in one transaction.

    The caller must have checked that the person is 13 or older. A repeated
    request (same normalised address, same group) stores nothing new: a pending
    membership gets its confirmation email again, a confirmed one gets an "you are
    already a member" email, a rejected one gets nothing. The caller must answer
    every outcome identically so that nobody learns who is a member.

    Raises GroupNotApproved unless the group is approved, and
    privacy.personal_data.SealingKeyMissing if sealed mode has no key yet.
    """
    if group.status != SchoolGroup.Status.APPROVED:
        raise GroupNotApproved
    digest = email_digest(details.email)
    protected = protect_record({"first_name": details.first_name, "email": details.email})
    consent_id = consent_text_id(Purpose.GROUP_MEMBERSHIP, locale)
    with transaction.atomic():
        try:
            with transaction.atomic():
                membership = GroupMembership.objects.create(
                    group=group,
                    role=details.role,
                    personal_data=protected,
                    email_digest=digest,
                    locale=locale,
                    consent_text_id=consent_id,
                )
        except IntegrityError:
            existing = (
                GroupMembership.objects.filter(group=group, email_digest=digest)
                .only("pk", "status")
                .first()
            )
            if existing is None:
                raise
            if existing.status == GroupMembership.Status.PENDING:
                tasks.send_membership_confirmation_email.enqueue(
                    membership_id=existing.pk, locale=locale, **details.recipient()
                )
            elif existing.status == GroupMembership.Status.CONFIRMED:
                tasks.send_already_member_email.enqueue(
                    membership_id=existing.pk, locale=locale, **details.recipient()
                )
            return JoiningOutcome.REPEATED
        tasks.send_membership_confirmation_email.enqueue(
            membership_id=membership.pk, locale=locale, **details.recipient()
        )
    return JoiningOutcome.NEW


def confirm_membership(*, public_id: uuid.UUID) -> GroupMembership:
    """Confirm a pending membership and tell the coordinator, in one transaction.

    Confirming twice is harmless: the second time changes nothing and sends
    nothing. Raises MembershipNotFound, MembershipRejected, or GroupNotApproved
    when the group stopped being approved meanwhile.
    """
    with transaction.atomic():
        membership = (
            GroupMembership.objects.select_for_update(of=("self",))
            .select_related("group")
            .filter(public_id=public_id)
            .first()
        )
        if membership is None:
            raise MembershipNotFound
        if membership.status == GroupMembership.Status.CONFIRMED:
            return membership
        if membership.status == GroupMembership.Status.REJECTED:
            raise MembershipRejected
        if membership.group.status != SchoolGroup.Status.APPROVED:
            raise GroupNotApproved
        membership.status = GroupMembership.Status.CONFIRMED
        membership.confirmed_at = timezone.now()
        membership.save(update_fields=["status", "confirmed_at"])
        tasks.send_new_member_notice.enqueue(membership_id=membership.pk)
    return membership


# --- Groups -------------------------------------------------------------------------


def register_group(*, details: GroupDetails) -> SchoolGroup:
    """Record a new group awaiting its coordinator's email confirmation, and email them.

    The group is not public and not moderated until the coordinator confirms.
    """
    with transaction.atomic():
        group = SchoolGroup.objects.create(
            **{name: getattr(details, name) for name in GroupDetails.public_field_names()},
            coordinator_contact=encrypt_for_server(details.coordinator_record()),
            coordinator_email_digest=email_digest(details.coordinator_email),
            status=SchoolGroup.Status.PENDING_EMAIL,
        )
        tasks.send_group_confirmation_email.enqueue(group_id=group.pk)
    return group


def locked_group(*, group_id: int | None = None, public_id: uuid.UUID | None = None) -> SchoolGroup:
    """The group, its row locked until the transaction ends. Raises GroupNotFound."""
    groups = SchoolGroup.objects.select_for_update()
    if public_id is not None:
        group = groups.filter(public_id=public_id).first()
    elif group_id is not None:
        group = groups.filter(pk=group_id).first()
    else:
        group = None
    if group is None:
        raise GroupNotFound
    return group


def confirm_group_email(*, public_id: uuid.UUID) -> SchoolGroup:
    """The coordinator confirmed their address: the group now awaits moderation.

    Harmless to repeat: a group past that step is returned unchanged. Raises
    GroupNotFound.
    """
    with transaction.atomic():
        group = locked_group(public_id=public_id)
        if group.status == SchoolGroup.Status.PENDING_EMAIL:
            group.status = SchoolGroup.Status.PENDING
            group.email_confirmed_at = timezone.now()
            group.save(update_fields=["status", "email_confirmed_at", "updated_at"])
    return group


def approve_group(*, group_id: int) -> SchoolGroup:
    """Make a group public and email its coordinator the paper-report link.

    Works from pending (the usual case), rejected (staff changed their mind) and
    inactive. Approving an approved group changes nothing and sends nothing.
    Raises GroupNotFound, or GroupEmailNotConfirmed while the coordinator has not
    confirmed their address.
    """
    with transaction.atomic():
        group = locked_group(group_id=group_id)
        if group.status == SchoolGroup.Status.APPROVED:
            return group
        if group.status == SchoolGroup.Status.PENDING_EMAIL:
            raise GroupEmailNotConfirmed
        group.status = SchoolGroup.Status.APPROVED
        group.rejection_reason = ""
        group.decided_at = timezone.now()
        group.save(update_fields=["status", "rejection_reason", "decided_at", "updated_at"])
        tasks.send_group_approved_email.enqueue(group_id=group.pk)
    return group


def reject_group(*, group_id: int, reason: str) -> SchoolGroup:
    """Refuse a group (or withdraw an approval), with a reason emailed to its coordinator.

    `reason` must be validated (at most 1000 characters). Rejecting a rejected group
    changes nothing and sends nothing. Raises GroupNotFound, or
    GroupEmailNotConfirmed while the coordinator has not confirmed their address.
    """
    with transaction.atomic():
        group = locked_group(group_id=group_id)
        if group.status == SchoolGroup.Status.REJECTED:
            return group
        if group.status == SchoolGroup.Status.PENDING_EMAIL:
            raise GroupEmailNotConfirmed
        group.status = SchoolGroup.Status.REJECTED
        group.rejection_reason = reason
        group.decided_at = timezone.now()
        group.save(update_fields=["status", "rejection_reason", "decided_at", "updated_at"])
        tasks.send_group_rejected_email.enqueue(group_id=group.pk)
    return group


def request_paper_report_link(*, email: str) -> int:
    """Email a fresh paper-report link to the coordinator of each approved group led
    from `email` (a validated address). Returns how many were queued; the caller must
    answer the same whatever the number, so the form reveals no coordinator.
    """
    group_ids = list(
        SchoolGroup.objects.filter(
            coordinator_email_digest=email_digest(email), status=SchoolGroup.Status.APPROVED
        ).values_list("pk", flat=True)
    )
    with transaction.atomic():
        for group_id in group_ids:
            tasks.send_paper_report_link_email.enqueue(group_id=group_id)
    return len(group_ids)


# --- Paper signatures -------------------------------------------------------------------


def report_paper_signatures(
    *, group: SchoolGroup, petition: Petition, count: int, note: str = ""
) -> PaperSignatureReport:
    """Record a group's report of `count` paper signatures, pending staff approval.

    Nothing is counted yet. `count` (1 to 100,000) and `note` (at most 1000
    characters) must be validated. Raises GroupNotApproved, or PetitionNotOpen if
    the petition does not accept signatures.
    """
    if group.status != SchoolGroup.Status.APPROVED:
        raise GroupNotApproved
    if not petition.accepts_signatures():
        raise PetitionNotOpen
    with transaction.atomic():
        return PaperSignatureReport.objects.create(
            group=group, petition=petition, count=count, note=note
        )


def locked_report(report_id: int) -> PaperSignatureReport:
    report = PaperSignatureReport.objects.select_for_update().filter(pk=report_id).first()
    if report is None:
        raise PaperReportNotFound
    return report


def approve_paper_report(*, report_id: int, decided_by_id: int | None) -> PaperSignatureReport:
    """Approve a pending report and add its count to the petition's paper count.

    `decided_by_id` is the deciding staff user. The report row is locked first, so
    two staff pressing "approve" together count it exactly once; approving an
    approved report changes nothing. Raises PaperReportNotFound, or
    PaperReportAlreadyDecided if it was rejected.
    """
    with transaction.atomic():
        report = locked_report(report_id)
        if report.status == PaperSignatureReport.Status.APPROVED:
            return report
        if report.status != PaperSignatureReport.Status.PENDING:
            raise PaperReportAlreadyDecided
        report.status = PaperSignatureReport.Status.APPROVED
        report.decided_at = timezone.now()
        report.decided_by_id = decided_by_id
        report.save(update_fields=["status", "decided_at", "decided_by"])
        Petition.objects.filter(pk=report.petition_id).update(
            paper_count=F("paper_count") + report.count
        )
    return report


def reject_paper_report(*, report_id: int, decided_by_id: int | None) -> PaperSignatureReport:
    """Set a pending report aside; nothing is counted. Rejecting twice is harmless.

    Raises PaperReportNotFound, or PaperReportAlreadyDecided if it was approved
    (its signatures are counted; an approval is not undone here).
    """
    with transaction.atomic():
        report = locked_report(report_id)
        if report.status == PaperSignatureReport.Status.REJECTED:
            return report
        if report.status != PaperSignatureReport.Status.PENDING:
            raise PaperReportAlreadyDecided
        report.status = PaperSignatureReport.Status.REJECTED
        report.decided_at = timezone.now()
        report.decided_by_id = decided_by_id
        report.save(update_fields=["status", "decided_at", "decided_by"])
    return report
