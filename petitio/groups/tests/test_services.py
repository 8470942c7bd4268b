"""The services of school groups: joining, registering, moderating, paper signatures."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import translation

from petitio.groups import services
from petitio.groups.models import GroupMembership, PaperSignatureReport, SchoolGroup
from petitio.groups.services import GroupDetails, JoiningOutcome, MemberDetails
from petitio.petitions.models import Petition
from petitio.privacy.testing import unsealed

from .conftest import COORDINATOR_EMAIL, make_group


def join(group, email="lea@example.org", locale="fr", first_name="Léa", role="pupil"):
    return services.request_membership(
        group=group,
        details=MemberDetails(first_name=first_name, email=email, role=role),
        locale=locale,
    )


def only_membership() -> GroupMembership:
    return GroupMembership.objects.get()


# --- Joining ------------------------------------------------------------------------


def test_joining_stores_a_pending_membership_and_sends_a_confirmation_link(approved_group):
    assert join(approved_group) is JoiningOutcome.NEW
    membership = only_membership()
    assert (membership.status, membership.role) == (GroupMembership.Status.PENDING, "pupil")
    assert unsealed(membership.personal_data) == {"first_name": "Léa", "email": "lea@example.org"}
    assert membership.consent_text.purpose == "group-membership"
    assert membership.email_digest and membership.locale == "fr"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lea@example.org"]
    assert "/fr/groups/join/confirm/" in mail.outbox[0].body
    assert "Athénée des Tilleuls" in mail.outbox[0].subject


def test_repeated_pending_request_stores_nothing_new_and_resends_the_link(approved_group):
    join(approved_group)
    assert join(approved_group, email="LEA+again@Example.org") is JoiningOutcome.REPEATED
    assert GroupMembership.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "/groups/join/confirm/" in mail.outbox[1].body


def test_repeated_request_of_a_member_sends_an_already_a_member_email(approved_group):
    join(approved_group)
    services.confirm_membership(public_id=only_membership().public_id)
    mail.outbox.clear()
    assert join(approved_group, locale="en") is JoiningOutcome.REPEATED
    assert len(mail.outbox) == 1
    assert "already a member" in mail.outbox[0].subject
    assert "/groups/join/confirm/" not in mail.outbox[0].body
    assert GroupMembership.objects.count() == 1


def test_joining_a_group_that_is_not_approved_is_refused_and_stores_nothing(pending_group):
    with pytest.raises(services.GroupNotApproved):
        join(pending_group)
    assert not GroupMembership.objects.exists()
    assert not mail.outbox


def test_confirming_tells_the_coordinator_the_role_and_nothing_personal(approved_group):
    join(approved_group, email="lea.secret@example.org", role="teacher")
    mail.outbox.clear()
    membership = services.confirm_membership(public_id=only_membership().public_id)
    assert membership.status == GroupMembership.Status.CONFIRMED
    assert membership.confirmed_at is not None
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == [COORDINATOR_EMAIL]
    assert "Léa" not in notice.body  # sealed: the coordinator meets members at school
    assert "lea.secret" not in notice.body
    assert "1 membre" in notice.body
    with translation.override("fr"):
        assert str(GroupMembership.Role.TEACHER.label) in notice.body


def test_confirming_twice_changes_nothing_and_notifies_once(approved_group):
    join(approved_group)
    public_id = only_membership().public_id
    services.confirm_membership(public_id=public_id)
    services.confirm_membership(public_id=public_id)
    assert len(mail.outbox) == 2  # the confirmation link, then one notice


def test_confirming_an_unknown_membership_raises(db):
    import uuid

    with pytest.raises(services.MembershipNotFound):
        services.confirm_membership(public_id=uuid.uuid4())


def test_a_rejected_membership_cannot_be_confirmed_and_a_new_request_sends_nothing(
    approved_group,
):
    join(approved_group)
    GroupMembership.objects.update(status=GroupMembership.Status.REJECTED)
    with pytest.raises(services.MembershipRejected):
        services.confirm_membership(public_id=only_membership().public_id)
    mail.outbox.clear()
    assert join(approved_group) is JoiningOutcome.REPEATED
    assert not mail.outbox


# --- Registering and moderating -----------------------------------------------------


def group_details(**overrides) -> GroupDetails:
    values = {
        "school_name": "Lycée des Quatre Vents",
        "street_address": "Chaussée de Mons 240",
        "postcode": "7000",
        "municipality": "Mons",
        "province": "hainaut",
        "language": "nl",
        "description": "",
        "coordinator_first_name": "Nathalie",
        "coordinator_last_name": "Dupont",
        "coordinator_email": "nathalie@example.org",
    }
    values.update(overrides)
    return GroupDetails(**values)


def test_registering_a_group_awaits_email_confirmation_and_sends_the_link(db):
    group = services.register_group(details=group_details())
    assert group.status == SchoolGroup.Status.PENDING_EMAIL
    assert group.coordinator_email_digest
    assert mail.outbox[0].to == ["nathalie@example.org"]
    assert "/nl/groups/register/confirm/" in mail.outbox[0].body  # the group's language


def test_confirming_the_address_puts_the_group_in_moderation_once(db):
    group = services.register_group(details=group_details())
    assert services.confirm_group_email(public_id=group.public_id).status == "pending"
    assert services.confirm_group_email(public_id=group.public_id).status == "pending"
    group.refresh_from_db()
    assert group.email_confirmed_at is not None


def test_approving_makes_the_group_public_and_emails_the_report_link(pending_group):
    group = services.approve_group(group_id=pending_group.pk)
    assert group.status == SchoolGroup.Status.APPROVED and group.decided_at
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [COORDINATOR_EMAIL]
    assert "/fr/groups/paper-signatures/" in mail.outbox[0].body
    services.approve_group(group_id=pending_group.pk)
    assert len(mail.outbox) == 1  # approving again sends nothing


def test_moderation_emails_are_in_the_groups_language(db):
    group = make_group(status=SchoolGroup.Status.PENDING, language="en")
    services.reject_group(group_id=group.pk, reason="Not a school.")
    html = mail.outbox[0].alternatives[0][0]
    assert '<html lang="en">' in html
    assert "Not a school." in mail.outbox[0].body
    group.refresh_from_db()
    assert (group.status, group.rejection_reason) == ("rejected", "Not a school.")


def test_a_group_awaiting_email_confirmation_cannot_be_moderated(db):
    group = services.register_group(details=group_details())
    with pytest.raises(services.GroupEmailNotConfirmed):
        services.approve_group(group_id=group.pk)
    with pytest.raises(services.GroupEmailNotConfirmed):
        services.reject_group(group_id=group.pk, reason="x")
    group.refresh_from_db()
    assert group.status == SchoolGroup.Status.PENDING_EMAIL


def test_report_link_request_emails_only_coordinators_of_approved_groups(approved_group):
    make_group(status=SchoolGroup.Status.PENDING, school_name="Pending school")
    assert services.request_paper_report_link(email="Sophie.Lambert@example.org") == 1
    assert len(mail.outbox) == 1
    assert "/groups/paper-signatures/" in mail.outbox[0].body
    assert services.request_paper_report_link(email="nobody@example.org") == 0
    assert len(mail.outbox) == 1


# --- Paper signatures ---------------------------------------------------------------


def test_a_paper_report_is_pending_and_counts_nothing_yet(approved_group, petition):
    report = services.report_paper_signatures(
        group=approved_group, petition=petition, count=120, note="Cour de récré"
    )
    assert report.status == PaperSignatureReport.Status.PENDING
    petition.refresh_from_db()
    assert petition.paper_count == 0


def test_approving_a_report_adds_its_count_exactly_once(approved_group, petition):
    staff = User.objects.create_user("marc")
    report = services.report_paper_signatures(group=approved_group, petition=petition, count=120)
    services.approve_paper_report(report_id=report.pk, decided_by_id=staff.pk)
    services.approve_paper_report(report_id=report.pk, decided_by_id=staff.pk)
    petition.refresh_from_db()
    assert petition.paper_count == 120
    assert petition.signature_count == petition.confirmed_count + 120
    report.refresh_from_db()
    assert (report.status, report.decided_by) == ("approved", staff)
    assert report.decided_at is not None


def test_an_approved_report_cannot_be_rejected_and_a_rejected_one_cannot_be_approved(
    approved_group, petition
):
    first = services.report_paper_signatures(group=approved_group, petition=petition, count=5)
    second = services.report_paper_signatures(group=approved_group, petition=petition, count=7)
    services.approve_paper_report(report_id=first.pk, decided_by_id=None)
    services.reject_paper_report(report_id=second.pk, decided_by_id=None)
    with pytest.raises(services.PaperReportAlreadyDecided):
        services.reject_paper_report(report_id=first.pk, decided_by_id=None)
    with pytest.raises(services.PaperReportAlreadyDecided):
        services.approve_paper_report(report_id=second.pk, decided_by_id=None)
    petition.refresh_from_db()
    assert petition.paper_count == 5


def test_reports_for_a_closed_petition_or_an_unapproved_group_are_refused(
    approved_group, pending_group, petition
):
    with pytest.raises(services.GroupNotApproved):
        services.report_paper_signatures(group=pending_group, petition=petition, count=5)
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.CLOSED)
    petition.refresh_from_db()
    with pytest.raises(services.PetitionNotOpen):
        services.report_paper_signatures(group=approved_group, petition=petition, count=5)
    assert not PaperSignatureReport.objects.exists()


def test_approved_paper_signatures_show_in_the_api(client, approved_group, petition):
    report = services.report_paper_signatures(group=approved_group, petition=petition, count=42)
    services.approve_paper_report(report_id=report.pk, decided_by_id=None)
    data = client.get(f"/api/v1/petitions/{petition.slug}").json()
    assert data["paper_signature_count"] == 42
    assert data["signature_count"] == 42
