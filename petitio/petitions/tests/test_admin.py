"""The staff side: petition list with counts, export, and permissions."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User

from petitio.core.emails import email_digest
from petitio.core.spreadsheet import neutralise_cell
from petitio.petitions import services
from petitio.petitions.models import Signature
from petitio.petitions.services import SignatureDetails
from petitio.privacy.testing import unsealed


def signed(petition, *, email, confirm=True, **names):
    services.sign_petition(
        petition=petition,
        details=SignatureDetails(
            first_name=names.get("first_name", "Claire"),
            last_name=names.get("last_name", "Dubois"),
            email=email,
            country="BE",
        ),
        locale="fr",
    )
    if confirm:
        signature = Signature.objects.get(email_digest=email_digest(email))
        services.confirm_signature(public_id=signature.public_id)


def export_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_petition_listing_shows_pending_and_confirmed_counts(admin_client, petition):
    signed(petition, email="a@example.org")
    signed(petition, email="b@example.org", confirm=False)
    response = admin_client.get("/admin/snippets/petitions/petition/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirmed" in html or "Confirmées" in html


def test_sealed_export_streams_counted_signatures_with_their_details_sealed(admin_client, petition):
    signed(petition, email="a@example.org", first_name="دىلنۇر")
    signed(petition, email="b@example.org", confirm=False)
    response = admin_client.get(f"/admin/petitions/{petition.pk}/export.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    rows = export_rows(response)
    header = rows[0]
    assert header[1:4] == ["first_name", "last_name", "email"]
    assert header[-1] == "sealed_personal_data"
    assert len(rows) == 2
    record = dict(zip(header, rows[1], strict=True))
    assert record["first_name"] == record["email"] == ""  # the server cannot read them
    assert unsealed(record["sealed_personal_data"])["first_name"] == "دىلنۇر"


def test_standard_mode_export_shows_the_details(admin_client, petition, standard_mode):
    signed(petition, email="a@example.org", first_name="دىلنۇر")
    rows = export_rows(admin_client.get(f"/admin/petitions/{petition.pk}/export.csv"))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert (record["first_name"], record["email"]) == ("دىلنۇر", "a@example.org")
    assert record["sealed_personal_data"] == ""


def test_export_neutralises_formula_cells(admin_client, petition, standard_mode):
    signed(petition, email="a@example.org", first_name="=HYPERLINK(1)", last_name="+Dubois")
    rows = export_rows(admin_client.get(f"/admin/petitions/{petition.pk}/export.csv"))
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert rows[1][2] == "'+Dubois"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_every_formula_trigger_is_neutralised(value):
    assert neutralise_cell(value).startswith("'")


def test_export_requires_the_export_permission(client, petition):
    editor = User.objects.create_user("editor", password="pw-editor-123")
    group = Group.objects.create(name="Petition staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    refused = client.get(f"/admin/petitions/{petition.pk}/export.csv")
    # Wagtail answers a refused permission with a redirect to the dashboard and a message.
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    editor.user_permissions.add(Permission.objects.get(codename="export_signatures"))
    editor = User.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(f"/admin/petitions/{petition.pk}/export.csv").status_code == 200


def test_anonymous_visitors_cannot_export(client, petition):
    response = client.get(f"/admin/petitions/{petition.pk}/export.csv")
    assert response.status_code in (302, 403)


def test_staff_can_close_a_petition_in_the_admin(admin_client, petition):
    url = f"/admin/snippets/petitions/petition/edit/{petition.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "slug": petition.slug,
            "name": petition.name,
            "goal": "100",
            "status": "closed",
            "retention_months": "6",
            "hourly_limit_per_address": "20",
            "hourly_limit_per_network": "200",
            "alert_threshold": "50",
        },
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == "closed"
    assert not petition.accepts_signatures()
