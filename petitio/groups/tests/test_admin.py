"""The staff side: group listing, moderation, members export, paper report decisions."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.models import Group, Permission, User
from django.core import mail

from petitio.core.emails import email_digest
from petitio.groups import services
from petitio.groups.models import PaperSignatureReport, SchoolGroup
from petitio.groups.services import MemberDetails
from petitio.privacy.testing import unsealed


def member(group, *, email, first_name="Léa", confirm=True):
    services.request_membership(
        group=group,
        details=MemberDetails(first_name=first_name, email=email, role="pupil"),
        locale="fr",
    )
    if confirm:
        membership = group.memberships.get(email_digest=email_digest(email))
        services.confirm_membership(public_id=membership.public_id)


def editor_with(client, *codenames: str) -> User:
    editor = User.objects.create_user("editor", password="pw-editor-123")
    group = Group.objects.create(name="Group staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    for codename in codenames:
        editor.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(editor)
    return editor


def test_group_listing_shows_statuses_filters_and_member_counts(
    admin_client, approved_group, pending_group
):
    member(approved_group, email="a@example.org")
    member(approved_group, email="b@example.org", confirm=False)
    response = admin_client.get("/admin/snippets/groups/schoolgroup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Athénée des Tilleuls" in html and "École des Coquelicots" in html
    filtered = admin_client.get("/admin/snippets/groups/schoolgroup/", {"status": "pending"})
    assert "Athénée des Tilleuls" not in filtered.content.decode()
    assert f"/admin/school-groups/{pending_group.pk}/approve/" in html
    assert f"/admin/school-groups/{approved_group.pk}/members.csv" in html


def test_staff_approve_a_group_with_a_confirmation_step(admin_client, pending_group):
    url = f"/admin/school-groups/{pending_group.pk}/approve/"
    assert admin_client.get(url).status_code == 200
    pending_group.refresh_from_db()
    assert pending_group.status == SchoolGroup.Status.PENDING  # a GET changes nothing
    response = admin_client.post(url)
    assert response.status_code == 302
    pending_group.refresh_from_db()
    assert pending_group.status == SchoolGroup.Status.APPROVED
    assert mail.outbox[-1].to == [pending_group.coordinator["email"]]


def test_staff_reject_a_group_with_a_reason_that_is_emailed(admin_client, pending_group):
    url = f"/admin/school-groups/{pending_group.pk}/reject/"
    assert admin_client.post(url, {"reason": ""}).status_code == 400
    assert admin_client.post(url, {"reason": "x" * 1001}).status_code == 400
    pending_group.refresh_from_db()
    assert pending_group.status == SchoolGroup.Status.PENDING
    assert admin_client.post(url, {"reason": "Ce n’est pas une école."}).status_code == 302
    pending_group.refresh_from_db()
    assert pending_group.status == SchoolGroup.Status.REJECTED
    assert "Ce n’est pas une école." in mail.outbox[-1].body


def test_moderation_needs_the_change_permission(client, pending_group):
    editor_with(client)
    refused = client.post(f"/admin/school-groups/{pending_group.pk}/approve/")
    assert refused.status_code in (302, 403)
    pending_group.refresh_from_db()
    assert pending_group.status == SchoolGroup.Status.PENDING


def test_members_export_streams_neutralised_csv(admin_client, approved_group, standard_mode):
    member(approved_group, email="a@example.org", first_name="=HYPERLINK(1)")
    member(approved_group, email="b@example.org", first_name="دىلنۇر", confirm=False)
    response = admin_client.get(f"/admin/school-groups/{approved_group.pk}/members.csv")
    assert response.status_code == 200 and response.streaming
    body = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][1:4] == ["first_name", "role", "email"]
    assert [row[1] for row in rows[1:]] == ["'=HYPERLINK(1)", "دىلنۇر"]
    members = admin_client.get(f"/admin/school-groups/{approved_group.pk}/members/")
    assert "a@example.org" in members.content.decode()


def test_members_and_their_export_require_the_export_permission(client, approved_group):
    member(approved_group, email="a@example.org")
    editor = editor_with(client, "change_schoolgroup", "view_schoolgroup")
    for url in (
        f"/admin/school-groups/{approved_group.pk}/members.csv",
        f"/admin/school-groups/{approved_group.pk}/members/",
    ):
        refused = client.get(url)
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    editor.user_permissions.add(Permission.objects.get(codename="export_members"))
    editor = User.objects.get(pk=editor.pk)  # drop the permission cache
    client.force_login(editor)
    assert client.get(f"/admin/school-groups/{approved_group.pk}/members.csv").status_code == 200


def test_nobody_adds_a_group_or_a_report_by_hand(admin_client, approved_group):
    assert admin_client.get("/admin/snippets/groups/schoolgroup/add/").status_code in (302, 403)
    assert admin_client.get("/admin/snippets/groups/papersignaturereport/add/").status_code in (
        302,
        403,
    )


def test_staff_approve_a_paper_report_once_and_the_petition_counts_it(
    admin_client, approved_group, petition
):
    report = services.report_paper_signatures(group=approved_group, petition=petition, count=75)
    listing = admin_client.get("/admin/snippets/groups/papersignaturereport/")
    assert listing.status_code == 200
    assert f"/admin/school-groups/paper-reports/{report.pk}/approve/" in listing.content.decode()
    url = f"/admin/school-groups/paper-reports/{report.pk}/approve/"
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url).status_code == 302
    assert admin_client.post(url).status_code == 302
    petition.refresh_from_db()
    assert petition.paper_count == 75
    report.refresh_from_db()
    assert report.status == PaperSignatureReport.Status.APPROVED
    assert report.decided_by.username == "admin"


def test_staff_reject_a_paper_report_and_nothing_is_counted(admin_client, approved_group, petition):
    report = services.report_paper_signatures(group=approved_group, petition=petition, count=75)
    assert (
        admin_client.post(f"/admin/school-groups/paper-reports/{report.pk}/reject/").status_code
        == 302
    )
    approve = admin_client.post(f"/admin/school-groups/paper-reports/{report.pk}/approve/")
    assert approve.status_code == 302
    petition.refresh_from_db()
    assert petition.paper_count == 0


def test_paper_report_decisions_need_the_change_permission(client, approved_group, petition):
    report = services.report_paper_signatures(group=approved_group, petition=petition, count=75)
    editor_with(client, "view_papersignaturereport")
    assert client.get("/admin/snippets/groups/papersignaturereport/").status_code == 200
    refused = client.post(f"/admin/school-groups/paper-reports/{report.pk}/approve/")
    assert refused.status_code in (302, 403)
    petition.refresh_from_db()
    assert petition.paper_count == 0


def test_unknown_groups_and_reports_are_404_in_the_admin(admin_client, db):
    assert admin_client.get("/admin/school-groups/999/approve/").status_code == 404
    assert admin_client.get("/admin/school-groups/paper-reports/999/approve/").status_code == 404


def test_sealed_members_are_listed_and_exported_sealed(admin_client, approved_group):
    member(approved_group, email="a@example.org", first_name="Léa")
    members = admin_client.get(f"/admin/school-groups/{approved_group.pk}/members/")
    html = members.content.decode()
    assert "a@example.org" not in html and "Léa" not in html
    response = admin_client.get(f"/admin/school-groups/{approved_group.pk}/members.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode()[1:])))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["first_name"] == record["email"] == ""
    assert unsealed(record["sealed_personal_data"])["first_name"] == "Léa"
