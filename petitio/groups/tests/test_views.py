"""The public pages of school groups over HTTP, including every kind of bad input."""

from __future__ import annotations

import re
import uuid

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from petitio.groups.models import GroupMembership, PaperSignatureReport, SchoolGroup
from petitio.groups.tokens import LinkPurpose, make_token
from petitio.petitions.models import Petition

from .conftest import make_group

JOIN_URL = "/fr/groups/join/"
REGISTER_URL = "/fr/groups/register/"
REPORT_LINK_URL = "/fr/groups/paper-signatures/"


def link_in(body: str, fragment: str) -> str:
    return re.search(rf"http://testserver(/\S+/{fragment}/\S+/)", body).group(1)


def join_data(approved, **overrides) -> dict[str, str]:
    data = {
        "group": str(approved.pk),
        "age": "13-or-older",
        "first_name": "Léa",
        "email": "lea@example.org",
        "role": "pupil",
    }
    data.update(overrides)
    return data


def stored_state() -> tuple:
    return (
        list(SchoolGroup.objects.values_list("pk", "status", "school_name").order_by("pk")),
        list(GroupMembership.objects.values_list("pk", "status").order_by("pk")),
        list(PaperSignatureReport.objects.values_list("pk", "status").order_by("pk")),
    )


# --- The directory ------------------------------------------------------------------


def test_directory_lists_approved_groups_by_province_without_private_data(
    client, directory, approved_group, pending_group
):
    make_group(school_name="Koninklijk Atheneum De Linde", province="antwerp", postcode="2018")
    html = client.get(directory.url).content.decode()
    assert "Athénée des Tilleuls" in html and "Koninklijk Atheneum De Linde" in html
    assert "École des Coquelicots" not in html  # awaiting moderation
    for private in ("Rue des Tilleuls", "Lambert", "sophie.lambert", "example.org"):
        assert private not in html
    assert html.index("Région de Bruxelles-Capitale") < html.index("Anvers")  # French by default
    assert f"/fr/groups/join/?group={approved_group.pk}" in html
    assert "/fr/groups/register/" in html


@pytest.mark.parametrize("query", ["tilleuls", "TILLEULS", "1050", "10", "Ixelles"])
def test_directory_search_finds_a_group_by_name_or_postcode(
    client, directory, approved_group, query
):
    make_group(school_name="Collège du Bois Joli", postcode="5000", municipality="Namur")
    html = client.get(directory.url, {"q": query}).content.decode()
    assert "Athénée des Tilleuls" in html
    assert "Collège du Bois Joli" not in html


@pytest.mark.parametrize(
    "query", ["nothing-like-this", "zz\x00zz", "a" * 5000, "<script>x</script>"]
)
def test_directory_search_with_no_match_or_odd_input_shows_the_empty_state(
    client, directory, approved_group, query
):
    response = client.get(directory.url, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Athénée des Tilleuls" not in html
    assert "<script>x" not in html
    assert 'class="notice"' in html


def test_empty_directory_says_so_and_invites_to_register(client, directory):
    html = client.get(directory.url).content.decode()
    assert "There is no active school group yet." in html or 'class="notice"' in html
    assert "/fr/groups/register/" in html


# --- Joining ------------------------------------------------------------------------


def test_join_asks_the_age_first_with_the_group_preselected(client, approved_group):
    response = client.get(JOIN_URL, {"group": approved_group.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="age"' in html
    assert 'name="email"' not in html and 'name="first_name"' not in html
    assert f'<option value="{approved_group.pk}" selected>' in html


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1" * 40, ""])
def test_join_with_an_unknown_group_is_a_404(client, approved_group, value):
    assert client.get(JOIN_URL, {"group": value}).status_code == 404


def test_join_with_a_group_awaiting_moderation_is_a_404(client, pending_group):
    assert client.get(JOIN_URL, {"group": pending_group.pk}).status_code == 404


def test_under_13_collects_nothing_and_points_to_the_teacher(client, approved_group):
    response = client.get(JOIN_URL, {"group": approved_group.pk, "age": "under-13"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Athénée des Tilleuls" in html
    assert "<form" not in html.split("<main")[1]
    for private in ("Lambert", "sophie.lambert", "Rue des Tilleuls"):
        assert private not in html
    assert not GroupMembership.objects.exists()
    assert not mail.outbox
    assert "sessionid" not in response.cookies


def test_under_13_answer_cannot_be_used_to_post_personal_data(client, approved_group):
    response = client.post(JOIN_URL, join_data(approved_group, age="under-13"))
    assert response.status_code == 400
    assert not GroupMembership.objects.exists()
    assert not mail.outbox


def test_13_or_older_gets_the_form_for_first_name_email_and_role(client, approved_group):
    response = client.get(JOIN_URL, {"group": approved_group.pk, "age": "13-or-older"})
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("first_name", "email", "role"):
        assert f'name="{name}"' in html
    assert 'name="last_name"' not in html


@pytest.mark.parametrize(
    "query",
    [
        {"age": "maybe"},
        {"age": ""},
        {"step": "age"},
        {"age": "13-or-older", "group": "abc"},
        {"age": "13-or-older", "group": ""},
    ],
)
def test_a_bad_answer_to_the_age_question_is_a_400_with_errors(client, approved_group, query):
    response = client.get(JOIN_URL, {"group": approved_group.pk, **query})
    assert response.status_code == 400
    assert "field__error" in response.content.decode()


def test_joining_then_confirming_with_the_button(client, approved_group):
    response = client.post(JOIN_URL, join_data(approved_group))
    assert response.status_code == 303
    assert response["Location"] == "/fr/groups/join/check-your-inbox/"
    assert client.get(response["Location"]).status_code == 200
    link = link_in(mail.outbox[0].body, "groups/join/confirm")
    assert client.get(link).status_code == 200
    assert GroupMembership.objects.get().status == "pending"  # a GET changes nothing
    confirmed = client.post(link)
    assert confirmed.status_code == 303
    assert client.get(confirmed["Location"]).status_code == 200
    assert GroupMembership.objects.get().status == "confirmed"
    assert mail.outbox[-1].to == ["sophie.lambert@example.org"]
    assert client.get(link).context["already_confirmed"] is True


def test_a_repeated_sign_up_gets_exactly_the_same_answer(client, approved_group):
    first = client.post(JOIN_URL, join_data(approved_group))
    services_confirm_link = link_in(mail.outbox[0].body, "groups/join/confirm")
    client.post(services_confirm_link)
    again = client.post(JOIN_URL, join_data(approved_group, email="Lea+x@EXAMPLE.org"))
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert first.content == again.content
    assert GroupMembership.objects.count() == 1
    assert "déjà membre" in mail.outbox[-1].subject


BAD_JOIN_INPUT = [
    {"first_name": ""},
    {"first_name": "x" * 101},
    {"first_name": "\x00Léa"},
    {"first_name": "123"},
    {"email": ""},
    {"email": "not-an-address"},
    {"email": "a" * 250 + "@example.org"},
    {"email": "lea\x00@example.org"},
    {"role": "headmaster"},
    {"role": ""},
    {"group": "999999"},
    {"group": "abc"},
    {"age": ""},
]


@pytest.mark.parametrize("bad", BAD_JOIN_INPUT)
def test_bad_join_input_is_a_400_with_a_translated_error_and_stores_nothing(
    client, approved_group, bad
):
    before = stored_state()
    response = client.post(JOIN_URL, join_data(approved_group, **bad))
    assert response.status_code == 400
    assert "field__error" in response.content.decode() or "form-errors" in response.content.decode()
    assert stored_state() == before
    assert not mail.outbox


def test_joining_a_group_that_was_set_inactive_meanwhile_is_refused(client, approved_group):
    data = join_data(approved_group)
    SchoolGroup.objects.filter(pk=approved_group.pk).update(status=SchoolGroup.Status.INACTIVE)
    response = client.post(JOIN_URL, data)
    assert response.status_code == 400  # no longer a choice
    assert not GroupMembership.objects.exists()


def test_join_links_tampered_expired_or_for_another_purpose(client, approved_group):
    client.post(JOIN_URL, join_data(approved_group))
    link = link_in(mail.outbox[0].body, "groups/join/confirm")
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    assert client.get(tampered).status_code == 400
    assert client.post(tampered).status_code == 400
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/fr/groups/register/confirm/{token}/").status_code == 400
    assert client.post(f"/fr/groups/paper-signatures/{token}/").status_code == 400
    with time_machine.travel(timezone.now() + timezone.timedelta(days=7, minutes=1)):
        assert client.post(link).status_code == 410
    assert GroupMembership.objects.get().status == "pending"


def test_a_valid_link_to_something_that_no_longer_exists_is_a_404(client, db):
    for view, purpose in (
        ("groups/join/confirm", LinkPurpose.JOIN),
        ("groups/register/confirm", LinkPurpose.REGISTER),
        ("groups/paper-signatures", LinkPurpose.PAPER_REPORT),
    ):
        token = make_token(uuid.uuid4(), purpose)
        assert client.get(f"/fr/{view}/{token}/").status_code == 404
        assert client.post(f"/fr/{view}/{token}/").status_code == 404


# --- Registering --------------------------------------------------------------------


def test_registering_a_group_then_confirming_puts_it_in_moderation(client, db, registration_data):
    assert client.get(REGISTER_URL).status_code == 200
    response = client.post(REGISTER_URL, registration_data)
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    group = SchoolGroup.objects.get()
    assert group.status == SchoolGroup.Status.PENDING_EMAIL
    assert group.coordinator["email"] == "nathalie.dupont@example.org"
    assert "nathalie" not in group.coordinator_contact.lower()  # encrypted at rest
    link = link_in(mail.outbox[0].body, "groups/register/confirm")
    assert client.get(link).status_code == 200
    group.refresh_from_db()
    assert group.status == SchoolGroup.Status.PENDING_EMAIL
    confirmed = client.post(link)
    assert confirmed.status_code == 303
    assert client.get(confirmed["Location"]).status_code == 200
    group.refresh_from_db()
    assert group.status == SchoolGroup.Status.PENDING


BAD_REGISTRATION_INPUT = [
    {"school_name": ""},
    {"school_name": "x" * 201},
    {"school_name": "Lycée\nInjected"},
    {"street_address": ""},
    {"street_address": "x" * 201},
    {"postcode": "123"},
    {"postcode": "12345"},
    {"postcode": "0999"},
    {"postcode": "１２３４"},
    {"postcode": "ABCD"},
    {"municipality": ""},
    {"municipality": "\u202eMons"},
    {"province": "paris"},
    {"province": ""},
    {"language": "de"},
    {"description": "x" * 1001},
    {"description": "ok\x07"},
    {"coordinator_first_name": ""},
    {"coordinator_last_name": "x" * 101},
    {"coordinator_email": "nope"},
    {"coordinator_email": ""},
]


@pytest.mark.parametrize("bad", BAD_REGISTRATION_INPUT)
def test_bad_registration_input_is_a_400_with_errors_and_stores_nothing(
    client, db, registration_data, bad
):
    response = client.post(REGISTER_URL, {**registration_data, **bad})
    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert not SchoolGroup.objects.exists()
    assert not mail.outbox


def test_registration_form_accepts_a_description_over_several_lines(client, db, registration_data):
    data = {**registration_data, "description": "Ligne 1\r\nLigne 2"}
    assert client.post(REGISTER_URL, data).status_code == 303


# --- Paper signatures ---------------------------------------------------------------


def report_url(group) -> str:
    return f"/fr/groups/paper-signatures/{make_token(group.public_id, LinkPurpose.PAPER_REPORT)}/"


def test_the_reporting_link_request_always_answers_the_same(client, approved_group):
    known = client.post(REPORT_LINK_URL, {"email": "sophie.lambert@example.org"})
    unknown = client.post(REPORT_LINK_URL, {"email": "someone@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.status_code == 303
    assert len(mail.outbox) == 1
    assert client.get(known["Location"]).status_code == 200
    assert client.post(REPORT_LINK_URL, {"email": "bad"}).status_code == 400


def test_a_coordinator_reports_paper_signatures_from_the_emailed_link(
    client, approved_group, petition_page
):
    client.post(REPORT_LINK_URL, {"email": "sophie.lambert@example.org"})
    link = link_in(mail.outbox[0].body, "groups/paper-signatures")
    form = client.get(link)
    assert form.status_code == 200
    assert petition_page.title in form.content.decode()
    response = client.post(
        link, {"petition": petition_page.petition_id, "count": "120", "note": "Récré"}
    )
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    report = PaperSignatureReport.objects.get()
    assert (report.count, report.note, report.status) == (120, "Récré", "pending")
    assert report.group == approved_group


def test_closed_petitions_are_not_offered_for_paper_reports(client, approved_group, petition_page):
    Petition.objects.filter(pk=petition_page.petition_id).update(status=Petition.Status.CLOSED)
    html = client.get(report_url(approved_group)).content.decode()
    assert petition_page.title not in html
    response = client.post(
        report_url(approved_group), {"petition": petition_page.petition_id, "count": "5"}
    )
    assert response.status_code == 400
    assert not PaperSignatureReport.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"count": "0"},
        {"count": "-5"},
        {"count": "100001"},
        {"count": "9" * 5000},
        {"count": "douze"},
        {"count": ""},
        {"petition": "999999"},
        {"petition": "abc"},
        {"petition": ""},
        {"note": "x" * 1001},
        {"note": "\x00"},
    ],
)
def test_bad_paper_reports_are_a_400_and_store_nothing(client, approved_group, petition_page, bad):
    data = {"petition": petition_page.petition_id, "count": "12", "note": "", **bad}
    response = client.post(report_url(approved_group), data)
    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert not PaperSignatureReport.objects.exists()


def test_the_report_link_of_a_group_no_longer_approved_is_refused(client, pending_group):
    assert client.get(report_url(pending_group)).status_code == 409


def test_the_report_link_expires_after_30_days(client, approved_group, petition_page):
    url = report_url(approved_group)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=29)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timezone.timedelta(days=30, minutes=1)):
        assert client.get(url).status_code == 410


# --- Transport-level refusals -------------------------------------------------------


def test_oversized_and_wrongly_typed_posts_are_refused_before_anything_is_read(
    client, approved_group
):
    big = client.post(
        JOIN_URL, "x=" + "a" * (70 * 1024), content_type="application/x-www-form-urlencoded"
    )
    assert big.status_code == 413
    json = client.post(JOIN_URL, "{}", content_type="application/json")
    assert json.status_code == 415
    assert not GroupMembership.objects.exists()


def test_posts_without_a_csrf_token_are_refused(approved_group):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(JOIN_URL, join_data(approved_group)).status_code == 403
    assert strict.post(REGISTER_URL, {}).status_code == 403
    assert not GroupMembership.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_refused(client, method):
    assert getattr(client, method)(JOIN_URL).status_code == 405
