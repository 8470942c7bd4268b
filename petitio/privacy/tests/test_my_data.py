"""The supporter's rights: a link by email, the page of what we hold, newsletter
withdrawal and erasure that keeps the counts."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from petitio.core.emails import email_digest
from petitio.petitions import services
from petitio.petitions.models import Signature
from petitio.petitions.services import SignatureDetails
from petitio.privacy.tokens import make_my_data_token

ADDRESS = "claire.dubois@example.org"


def signed(petition, email=ADDRESS, *, newsletter=False, confirm=True):
    services.sign_petition(
        petition=petition,
        details=SignatureDetails(
            first_name="Claire",
            last_name="Dubois",
            email=email,
            country="BE",
            newsletter_opt_in=newsletter,
        ),
        locale="fr",
    )
    signature = Signature.objects.get(petition=petition, email_digest=email_digest(email))
    if confirm:
        services.confirm_signature(public_id=signature.public_id)
    return signature


def ask_for_link(client, email) -> str:
    response = client.post("/fr/my-data/", {"email": email})
    assert response.status_code == 303
    assert response["Location"] == "/fr/my-data/sent/"
    match = re.search(r"http://testserver(/fr/my-data/[\w-]+/)", mail.outbox[-1].body)
    return match[1]


def test_the_request_answers_the_same_for_known_and_unknown_addresses(client, petition):
    signed(petition)
    known = client.post("/fr/my-data/", {"email": ADDRESS})
    unknown = client.post("/fr/my-data/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox[-2:]] == [[ADDRESS], ["nobody@example.org"]]
    assert "no-store" in client.get("/fr/my-data/sent/")["Cache-Control"]


def test_the_link_names_no_address_and_shows_what_we_hold_without_changing_anything(
    client, petition_page, petition
):
    signed(petition, newsletter=True)
    link = ask_for_link(client, ADDRESS)
    assert "claire" not in link.lower() and email_digest(ADDRESS) not in link
    page = client.get(link)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert petition_page.title in html
    assert page.context["sealed"]
    assert "Dubois" not in html  # sealed: even this page cannot read it
    assert "/newsletter/" in html
    assert Signature.objects.get().newsletter_opt_in


def test_standard_mode_shows_the_name(client, petition, standard_mode):
    signed(petition)
    html = client.get(ask_for_link(client, ADDRESS)).content.decode()
    assert "Claire Dubois" in html


def test_an_unknown_address_sees_that_nothing_is_held(client, db, home_page):
    response = client.get(ask_for_link(client, "nobody@example.org"))
    assert response.context["held"].is_empty
    assert "erase" not in response.content.decode()


def test_withdrawing_the_newsletter_consent(client, petition):
    signed(petition, newsletter=True)
    link = ask_for_link(client, ADDRESS)
    assert client.post(f"{link}newsletter/").status_code == 200
    signature = Signature.objects.get()
    assert not signature.newsletter_opt_in and signature.newsletter_withdrawn_at
    assert signature.newsletter_consent_text is not None  # what was agreed stays on record


def test_erasing_everything_keeps_the_count(client, petition, home_page):
    from petitio.conftest import make_petition_page

    other = make_petition_page(home_page, slug="other").petition
    signed(petition)
    signed(other, confirm=False)
    signed(petition, "someone.else@example.org")
    link = ask_for_link(client, ADDRESS)
    refused = client.post(f"{link}erase/")  # the box is not ticked
    assert refused.status_code == 400
    assert Signature.objects.filter(email_digest=email_digest(ADDRESS)).count() == 2
    assert client.post(f"{link}erase/", {"confirm": "on"}).status_code == 200
    assert not Signature.objects.filter(email_digest=email_digest(ADDRESS)).exists()
    assert not Signature.objects.filter(petition=other).exists()  # pending: deleted
    erased = Signature.objects.get(petition=petition, erased_at__isnull=False)
    assert (erased.personal_data, erased.country, erased.status) == ("", "BE", "confirmed")
    petition.refresh_from_db()
    assert petition.confirmed_count == 2
    assert services.rebuild_signature_count(petition_id=petition.pk) == 2
    assert client.get(link).context["held"].is_empty
    # The address may sign again, as a new person.
    signed(petition)
    assert Signature.objects.filter(petition=petition).count() == 3


def test_erasure_covers_school_groups(client, home_page):
    from petitio.groups.models import GroupMembership
    from petitio.groups.services import MemberDetails, request_membership
    from petitio.groups.tests.conftest import make_group

    approved_group = make_group()
    request_membership(
        group=approved_group,
        details=MemberDetails(first_name="Léa", email=ADDRESS, role="pupil"),
        locale="fr",
    )
    link = ask_for_link(client, ADDRESS)
    assert approved_group.school_name in client.get(link).content.decode()
    client.post(f"{link}erase/", {"confirm": "on"})
    assert not GroupMembership.objects.exists()
    coordinator_link = ask_for_link(client, "sophie.lambert@example.org")
    client.post(f"{coordinator_link}erase/", {"confirm": "on"})
    approved_group.refresh_from_db()
    assert approved_group.coordinator == {}


@pytest.mark.parametrize("token", ["x", "A" * 80, make_my_data_token.__name__])
def test_tampered_links_are_refused(client, db, home_page, token):
    assert client.get(f"/fr/my-data/{token}/").status_code == 400
    assert client.post(f"/fr/my-data/{token}/erase/", {"confirm": "on"}).status_code == 400


def test_links_expire_after_a_day(client, petition):
    signed(petition)
    link = ask_for_link(client, ADDRESS)
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert client.get(link).status_code == 410
        assert client.post(f"{link}erase/", {"confirm": "on"}).status_code == 410
    assert Signature.objects.get().personal_data


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b.c\r\nBcc: x@y.z", "x" * 300])
def test_bad_addresses_get_a_translated_error(client, db, home_page, email):
    response = client.post("/fr/my-data/", {"email": email})
    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert not mail.outbox


def test_a_get_never_erases(client, petition):
    signed(petition)
    link = ask_for_link(client, ADDRESS)
    assert client.get(f"{link}erase/").status_code == 405
    assert Signature.objects.get().personal_data
