"""The signing path over HTTP, including every kind of bad input."""

import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from petitio.petitions.abuse import issue_form_timestamp
from petitio.petitions.models import Petition, Signature
from petitio.petitions.tokens import LinkPurpose, make_signature_token
from petitio.privacy.testing import unsealed

NAMES_IN_MANY_SCRIPTS = [
    ("دىلنۇر", "تۇرسۇن"),  # Uyghur in Arabic script
    ("明", "王"),
    ("Анна", "Иванова"),
    ("Zoë", "Van den Bossche-Ñúñez"),
    ("Ana 🌸", "O'Brien"),
    ("👨‍👩‍👧 Kim", "Lê"),
]


def sign_url(page) -> str:
    return f"/fr/petitions/{page.pk}/sign/"


def post_signature(client, page, **data):
    """POST the form as a browser would: with the signed time it was shown at."""
    data.setdefault("issued", issue_form_timestamp())
    return client.post(sign_url(page), data)


def confirm_link(body: str) -> str:
    return re.search(r"http://testserver(/\S+/signatures/confirm/\S+/)", body).group(1)


def withdraw_link(body: str) -> str:
    return re.search(r"http://testserver(/\S+/signatures/not-me/\S+/)", body).group(1)


def test_petition_page_shows_the_form_count_and_demand(client, petition_page):
    response = client.get(petition_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="first_name"' in html and 'name="email"' in html
    assert "Nous demandons justice." in html
    newsletter_input = html.split('name="newsletter_opt_in"')[1].split(">")[0]
    assert "checked" not in newsletter_input
    assert "<progress" in html


def test_signing_redirects_with_303_to_check_your_inbox(client, petition_page, valid_form_data):
    response = post_signature(client, petition_page, **valid_form_data)
    assert response.status_code == 303
    assert response["Location"] == f"/fr/petitions/{petition_page.pk}/check-your-inbox/"
    assert client.get(response["Location"]).status_code == 200
    assert Signature.objects.get().locale == "fr"


def test_repeated_signature_gets_exactly_the_same_answer(client, petition_page, valid_form_data):
    first = post_signature(client, petition_page, **valid_form_data)
    again = post_signature(
        client, petition_page, **{**valid_form_data, "email": "Claire.Dubois+x@EXAMPLE.org"}
    )
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert first.content == again.content
    assert Signature.objects.count() == 1


def test_full_journey_sign_confirm_count(client, petition_page, valid_form_data):
    post_signature(client, petition_page, **valid_form_data)
    link = confirm_link(mail.outbox[0].body)
    page = client.get(link)
    assert page.status_code == 200
    assert Signature.objects.get().status == Signature.Status.PENDING  # a GET changes nothing
    response = client.post(link)
    assert response.status_code == 303
    assert response["Location"] == f"/fr/petitions/{petition_page.pk}/thank-you/"
    thank_you = client.get(response["Location"]).content.decode()
    for host in ("wa.me", "facebook.com", "x.com", "bsky.app", "mailto:"):
        assert host in thank_you
    petition_page.petition.refresh_from_db()
    assert petition_page.petition.confirmed_count == 1
    # Reusing the link is harmless: it says the signature is already confirmed.
    assert client.post(link).status_code == 303
    assert client.get(link).context["already_confirmed"] is True
    petition_page.petition.refresh_from_db()
    assert petition_page.petition.confirmed_count == 1


def test_not_me_link_removes_the_signature(client, petition_page, valid_form_data):
    post_signature(client, petition_page, **valid_form_data)
    link = withdraw_link(mail.outbox[0].body)
    assert client.get(link).status_code == 200
    assert Signature.objects.exists()
    assert client.post(link).status_code == 200
    assert not Signature.objects.exists()
    assert client.post(link).status_code == 410  # reused: already gone


def test_tampered_link_is_refused_with_400(client, petition_page, valid_form_data):
    post_signature(client, petition_page, **valid_form_data)
    link = confirm_link(mail.outbox[0].body)
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    assert client.get(tampered).status_code == 400
    assert client.post(tampered).status_code == 400
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_confirm_token_cannot_be_used_to_withdraw(client, petition_page, valid_form_data):
    post_signature(client, petition_page, **valid_form_data)
    token = confirm_link(mail.outbox[0].body).rstrip("/").rsplit("/", 1)[1]
    response = client.post(reverse("petitions:withdraw", args=[token]))
    assert response.status_code == 400
    assert Signature.objects.exists()


def test_link_expires_after_seven_days(client, petition_page, valid_form_data):
    post_signature(client, petition_page, **valid_form_data)
    link = confirm_link(mail.outbox[0].body)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=7, minutes=1)):
        assert client.post(link).status_code == 410
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_link_for_a_signature_that_no_longer_exists(client, petition_page):
    import uuid

    token = make_signature_token(uuid.uuid4(), LinkPurpose.CONFIRM)
    assert client.post(reverse("petitions:confirm", args=[token])).status_code == 410


@pytest.mark.parametrize("first_name,last_name", NAMES_IN_MANY_SCRIPTS)
def test_names_in_any_script_are_kept_exactly_and_shown_escaped(
    client, petition_page, valid_form_data, first_name, last_name
):
    response = post_signature(
        client,
        petition_page,
        **{**valid_form_data, "first_name": first_name, "last_name": last_name},
    )
    assert response.status_code == 303
    signature = Signature.objects.get()
    record = unsealed(signature.personal_data)
    assert (record["first_name"], record["last_name"]) == (first_name, last_name)
    assert first_name in mail.outbox[0].body


def test_markup_in_a_name_is_escaped_when_shown(client, petition_page, valid_form_data):
    data = {**valid_form_data, "first_name": "<script>alert(1)</script>x" * 1, "email": "bad"}
    html = post_signature(client, petition_page, **data).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


BAD_INPUTS = [
    ({"email": ""}, "email"),
    ({"email": "not-an-address"}, "email"),
    ({"email": "a@b.org\r\nBcc: victim@example.org"}, "email"),
    ({"email": "a@b.org\nBcc: victim@example.org"}, "email"),
    ({"email": "x" * 250 + "@example.org"}, "email"),
    ({"first_name": ""}, "first_name"),
    ({"last_name": "   "}, "last_name"),
    ({"first_name": "A" * 101}, "first_name"),
    ({"last_name": "Dubois\x00"}, "last_name"),
    ({"first_name": "Claire\x07"}, "first_name"),
    ({"first_name": "\u202eerialC"}, "first_name"),
    ({"first_name": "!!!"}, "first_name"),
    ({"country": "XX"}, "country"),
    ({"country": ""}, "country"),
    ({"postcode": "<b>1000</b>"}, "postcode"),
    ({"postcode": "1" * 17}, "postcode"),
]


@pytest.mark.parametrize("override,field", BAD_INPUTS)
def test_bad_input_is_refused_on_the_form_with_a_translated_message(
    client, petition_page, valid_form_data, override, field
):
    response = post_signature(client, petition_page, **{**valid_form_data, **override})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    html = response.content.decode()
    assert 'role="alert"' in html
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_errors_are_in_the_visitor_language(client, petition_page, valid_form_data):
    response = client.post(sign_url(petition_page), {**valid_form_data, "first_name": ""})
    assert "Veuillez indiquer votre prénom." in response.content.decode()


def test_bad_input_does_not_alter_an_existing_signature(client, petition_page, valid_form_data):
    post_signature(client, petition_page, **valid_form_data)
    before = Signature.objects.values().get()
    post_signature(client, petition_page, **{**valid_form_data, "first_name": "X" * 500})
    assert Signature.objects.values().get() == before


def test_body_over_64_kib_is_refused_with_413(client, petition_page, valid_form_data):
    response = post_signature(client, petition_page, **{**valid_form_data, "postcode": "1" * 70000})
    assert response.status_code == 413
    assert not Signature.objects.exists()


def test_wrong_content_type_is_refused_with_415(client, petition_page):
    response = client.post(
        sign_url(petition_page), data='{"email": "a@b.org"}', content_type="application/json"
    )
    assert response.status_code == 415


def test_signing_and_confirming_need_no_cookie(petition_page, valid_form_data):
    """The public signing path sets no cookie and needs none (see views.py): the
    campaign page can be cached, and people who block cookies can sign."""
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(petition_page.url)
    assert not page.cookies
    assert "csrfmiddlewaretoken" not in page.content.decode()
    response = strict.post(sign_url(petition_page), valid_form_data)
    assert response.status_code == 303
    assert not response.cookies
    link = re.search(r"http://testserver(\S+/confirm/\S+/)", mail.outbox[-1].body)[1]
    assert not strict.get(link).cookies
    assert strict.post(link).status_code == 303
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_closed_petition_keeps_its_page_and_count_and_refuses_politely(
    client, petition_page, valid_form_data
):
    Petition.objects.filter(pk=petition_page.petition_id).update(
        status=Petition.Status.CLOSED, confirmed_base=42
    )
    html = client.get(petition_page.url).content.decode()
    assert 'name="email"' not in html
    assert "42" in html
    response = post_signature(client, petition_page, **valid_form_data)
    assert response.status_code == 409
    assert not Signature.objects.exists()


def test_a_web_process_signs_against_the_petition_as_read_at_most_a_second_ago(
    client, petition_page, valid_form_data, settings, monkeypatch
):
    from petitio.petitions import selectors

    settings.PETITION_STATE_CACHE_SECONDS = 1
    clock = [1000.0]
    monkeypatch.setattr(selectors, "monotonic", lambda: clock[0])
    monkeypatch.setattr(selectors, "_petitions_read", {})
    assert post_signature(client, petition_page, **valid_form_data).status_code == 303
    Petition.objects.filter(pk=petition_page.petition_id).update(status=Petition.Status.CLOSED)
    clock[0] += 0.5
    second = {**valid_form_data, "email": "second@example.org"}
    assert post_signature(client, petition_page, **second).status_code == 303
    clock[0] += 0.6
    third = {**valid_form_data, "email": "third@example.org"}
    assert post_signature(client, petition_page, **third).status_code == 409
    assert Signature.objects.count() == 2


def test_unknown_petition_is_404(client, petition_page, valid_form_data):
    assert client.post("/fr/petitions/999999/sign/", valid_form_data).status_code == 404


def test_get_on_the_sign_url_is_refused(client, petition_page):
    assert client.get(sign_url(petition_page)).status_code == 405


def test_utm_source_from_the_page_url_is_recorded(client, petition_page, valid_form_data):
    html = client.get(petition_page.url + "?utm_source=newsletter").content.decode()
    assert 'value="newsletter"' in html
    post_signature(client, petition_page, **valid_form_data, utm_source="newsletter")
    assert Signature.objects.get().utm_source == "newsletter"


def test_newsletter_opt_in_is_off_unless_ticked(client, petition_page, valid_form_data):
    post_signature(client, petition_page, **valid_form_data)
    assert Signature.objects.get().newsletter_opt_in is False


def test_sealed_mode_without_a_key_refuses_signatures_and_stores_nothing(
    client, petition_page, valid_form_data
):
    from petitio.privacy.models import PrivacySettings
    from petitio.privacy.personal_data import forget_cached_protection

    PrivacySettings.objects.update(sealing_public_key="")
    forget_cached_protection()
    response = post_signature(client, petition_page, **valid_form_data)
    assert response.status_code == 503
    assert "Rien n’a été enregistré" in response.content.decode()
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_the_signing_form_records_the_wording_it_shows(client, petition_page, valid_form_data):
    html = client.get(petition_page.url).content.decode()
    post_signature(client, petition_page, **{**valid_form_data, "newsletter_opt_in": "on"})
    signature = Signature.objects.get()
    assert signature.consent_text.text in html
    assert signature.newsletter_consent_text.text in html
    assert signature.consent_text.text_hash != signature.newsletter_consent_text.text_hash


def test_confirming_after_the_petition_closed_or_after_a_set_aside_is_refused_clearly(
    client, petition_page, valid_form_data
):
    post_signature(client, petition_page, **valid_form_data)
    link = confirm_link(mail.outbox[-1].body)
    Petition.objects.filter(pk=petition_page.petition_id).update(status=Petition.Status.CLOSED)
    closed = client.post(link)
    assert closed.status_code == 409
    assert petition_page.url in closed.content.decode()  # back to the petition's page
    Petition.objects.filter(pk=petition_page.petition_id).update(status=Petition.Status.OPEN)
    Signature.objects.update(status=Signature.Status.FRAUDULENT)
    assert client.post(link).status_code == 409
    Signature.objects.all().delete()
    assert client.post(link).status_code == 410


def test_the_confirmation_page_is_rendered_once_and_each_signer_gets_their_own_links(
    client, petition_page, valid_form_data, settings
):
    """Its layout is rendered for the first signer only (remembered, cut at the
    token); every page carries its own signer's token and no other's."""
    from petitio.core import page_cache

    settings.PUBLIC_PAGE_CACHE_SECONDS = 30
    page_cache.forget_remembered()
    post_signature(client, petition_page, **valid_form_data)
    post_signature(client, petition_page, **{**valid_form_data, "email": "second@example.org"})
    first_link, second_link = (confirm_link(message.body) for message in mail.outbox)
    first_token, second_token = (
        link.rstrip("/").rsplit("/", 1)[1] for link in (first_link, second_link)
    )

    first = client.get(first_link)
    second = client.get(second_link)
    assert [t.name for t in first.templates][:1] == ["petitions/confirm.html"]
    assert second.templates == []  # remembered, not rendered again
    first_html, second_html = first.content.decode(), second.content.decode()
    assert f"/nl/signatures/confirm/{first_token}/" in first_html
    assert f"/en/signatures/confirm/{second_token}/" in second_html
    assert second_token not in first_html and first_token not in second_html
    assert first_html.replace(first_token, "T") == second_html.replace(second_token, "T")
    assert petition_page.title in second_html
    assert second["Cache-Control"].startswith("max-age=0")

    # Confirmed, the first signer sees the other page; a query string is kept in the
    # language links, on a page of its own.
    assert client.post(first_link).status_code == 303
    assert client.get(first_link).context["already_confirmed"] is True
    with_query = client.get(second_link + "?from=email").content.decode()
    assert f"/nl/signatures/confirm/{second_token}/?from=email" in with_query
    assert "?from=email" not in client.get(second_link).content.decode()
    page_cache.forget_remembered()
