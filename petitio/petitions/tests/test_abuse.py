"""Abuse control: flagged signatures are accepted, answered alike, and never counted."""

from __future__ import annotations

import ipaddress
import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from petitio.petitions import abuse
from petitio.petitions.abuse import Flag, issue_form_timestamp
from petitio.petitions.models import Signature
from petitio.privacy.ip_hashing import forget_cached_salts, hash_network, networks_of
from petitio.privacy.models import HashSalt


def sign(client, page, email, *, address="198.51.100.7", forwarded_for=None, headers=None, **extra):
    data = {
        "first_name": "Claire",
        "last_name": "Dubois",
        "email": email,
        "country": "BE",
        "issued": issue_form_timestamp(),
        **extra,
    }
    meta = {"REMOTE_ADDR": address}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(f"/fr/petitions/{page.pk}/sign/", data, headers=headers, **meta)


def confirm_last(client):
    path = re.search(r"http://testserver(\S+/confirm/\S+/)", mail.outbox[-1].body)[1]
    assert client.post(path).status_code == 303


def flags_of(email_fragment: str) -> set[str]:
    signature = Signature.objects.filter(email_domain=email_fragment).latest("pk")
    return set(signature.flags.split())


@pytest.mark.parametrize(
    "address,expected",
    [
        ("198.51.100.7", ("198.51.100.7/32", "198.51.100.0/24")),
        ("::ffff:198.51.100.7", ("198.51.100.7/32", "198.51.100.0/24")),
        ("2001:db8:1:2:3:4:5:6", ("2001:db8:1:2::/64", "2001:db8:1::/48")),
        ("not an address", None),
    ],
)
def test_networks_of_an_address(address, expected):
    assert networks_of(address) == expected


def test_ip_hashes_change_every_day_and_old_salts_can_be_forgotten(db):
    with time_machine.travel("2026-11-24 10:00Z", tick=False):
        today = hash_network("198.51.100.7/32")
        assert today == hash_network("198.51.100.7/32")
        assert "198.51.100" not in today
    forget_cached_salts()
    with time_machine.travel("2026-11-25 10:00Z", tick=False):
        assert hash_network("198.51.100.7/32") != today
    assert HashSalt.objects.count() == 2


def test_a_flagged_signature_gets_the_same_answer_and_is_never_counted(client, petition_page):
    honest = sign(client, petition_page, "claire@example.org")
    bot = sign(client, petition_page, "bot@example.com", website="http://spam.example")
    assert (honest.status_code, honest["Location"]) == (bot.status_code, bot["Location"])
    assert flags_of("example.com") == {Flag.HONEYPOT}
    confirm_last(client)  # the bot's confirmation: accepted, not counted
    petition_page.petition.refresh_from_db()
    assert petition_page.petition.confirmed_count == 0
    assert Signature.objects.get(email_domain="example.com").status == Signature.Status.CONFIRMED


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, petition_page):
    html = client.get(petition_page.url).content.decode()
    trap = re.search(r'<div class="signing-form__trap" aria-hidden="true">.*?</div>', html, re.S)
    assert trap and 'tabindex="-1"' in trap[0] and 'name="website"' in trap[0]


def test_forms_sent_too_fast_too_late_or_with_a_forged_time_are_flagged(
    client, petition_page, settings
):
    settings.SIGNING_FORM_MIN_SECONDS = 3
    sign(client, petition_page, "a@fast.example")
    assert flags_of("fast.example") == {Flag.TOO_FAST}
    sign(client, petition_page, "b@forged.example", issued="1700000000:forged")
    assert flags_of("forged.example") == {Flag.STALE_FORM}
    old = issue_form_timestamp()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        sign(client, petition_page, "c@old.example", issued=old)
    assert flags_of("old.example") == {Flag.STALE_FORM}
    with time_machine.travel(timezone.now() + timedelta(seconds=20)):
        sign(client, petition_page, "d@ok.example", issued=old)
    assert flags_of("ok.example") == set()


def test_past_the_hourly_limits_signatures_are_flagged_per_address_and_network(
    client, petition_page
):
    petition = petition_page.petition
    petition.hourly_limit_per_address = 2
    petition.hourly_limit_per_network = 3
    petition.save()
    for index in range(3):
        sign(client, petition_page, f"p{index}@one.example", address="198.51.100.7")
    assert [s.flags for s in Signature.objects.order_by("pk")] == ["", "", Flag.RATE_ADDRESS]
    sign(client, petition_page, "q@two.example", address="198.51.100.8")  # same /24
    assert flags_of("two.example") == {Flag.RATE_NETWORK}
    sign(client, petition_page, "r@three.example", address="203.0.113.9")  # elsewhere
    assert flags_of("three.example") == set()
    # IPv6: one household's /64 shares a limit.
    sign(client, petition_page, "s1@six.example", address="2001:db8:1:2::1")
    sign(client, petition_page, "s2@six.example", address="2001:db8:1:2::99")
    sign(client, petition_page, "s3@six.example", address="2001:db8:1:2:ffff::1")
    assert flags_of("six.example") == {Flag.RATE_ADDRESS}


def test_limits_are_per_petition_and_per_hour(client, petition_page, home_page):
    from petitio.conftest import make_petition_page

    other = make_petition_page(home_page, slug="other")
    petition_page.petition.hourly_limit_per_address = 1
    petition_page.petition.save()
    sign(client, petition_page, "a@one.example")
    sign(client, other, "b@two.example")
    assert flags_of("two.example") == set()
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        sign(client, petition_page, "c@three.example", issued=issue_form_timestamp())
    assert flags_of("three.example") == set()


def test_hourly_counters_count_each_key_apart_and_expire():
    first = abuse.count_this_hour("test:a", "test:b")
    assert abuse.count_this_hour("test:a", "test:b") == [first[0] + 1, first[1] + 1]
    assert abuse.count_this_hour("test:b") == [first[1] + 2]
    redis = abuse.redis_client()
    if redis is None:
        pytest.skip("the expiry is Redis's own (REDIS_URL, as make test-postgres sets it)")
    from django.core.cache import cache

    hour = int(time.time() // 3600)
    ttl = redis.ttl(cache.make_key(f"petitio:rate:test:a:{hour}"))
    assert 0 < ttl <= abuse.RATE_COUNTER_SECONDS


def test_disposable_domains_are_flagged(client, petition_page):
    sign(client, petition_page, "someone@mailinator.com")
    assert flags_of("mailinator.com") == {Flag.DISPOSABLE_DOMAIN}


def test_a_form_sent_from_another_site_is_flagged(client, petition_page, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.ngo.example"]
    sign(client, petition_page, "a@one.example", headers={"Sec-Fetch-Site": "cross-site"})
    assert flags_of("one.example") == {Flag.CROSS_SITE}
    sign(client, petition_page, "b@two.example", headers={"Origin": "https://evil.example"})
    assert flags_of("two.example") == {Flag.CROSS_SITE}
    # The site itself, a trusted origin, a same-site page or no header at all: no flag.
    sign(client, petition_page, "c@three.example", headers={"Origin": "http://testserver"})
    sign(client, petition_page, "d@four.example", headers={"Origin": "https://www.ngo.example"})
    sign(client, petition_page, "e@five.example", headers={"Sec-Fetch-Site": "same-origin"})
    sign(client, petition_page, "f@six.example")
    for domain in ("three.example", "four.example", "five.example", "six.example"):
        assert flags_of(domain) == set()


def test_the_ip_is_stored_only_as_a_hash(client, petition_page):
    sign(client, petition_page, "a@one.example", address="198.51.100.7")
    signature = Signature.objects.get()
    assert signature.ip_hash == hash_network("198.51.100.7/32")
    assert "198.51" not in str(Signature.objects.values().get())


def test_a_forged_forwarded_header_is_ignored_without_a_trusted_proxy(client, petition_page):
    sign(client, petition_page, "a@one.example", forwarded_for="203.0.113.1")
    assert Signature.objects.get().ip_hash == hash_network("198.51.100.7/32")


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, petition_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    sign(
        client,
        petition_page,
        "a@one.example",
        address="10.0.0.2",
        forwarded_for="203.0.113.1",
    )
    assert Signature.objects.get().ip_hash == hash_network("203.0.113.1/32")


def test_a_second_client_on_tor_can_still_sign(petition_page):
    """Many people share a Tor exit: nobody is refused, at worst held for staff."""
    for index in range(25):
        response = sign(Client(), petition_page, f"t{index}@tor.example", address="192.0.2.66")
        assert response.status_code == 303
    assert Signature.objects.count() == 25
    assert abuse.Flag.RATE_ADDRESS in Signature.objects.latest("pk").flags


def test_behind_two_proxies_the_client_is_the_second_entry_from_the_right(
    client, petition_page, settings
):
    settings.TRUSTED_PROXY_COUNT = 2
    sign(
        client,
        petition_page,
        "a@one.example",
        address="10.0.0.2",
        forwarded_for="6.6.6.6, 203.0.113.1, 10.0.0.1",  # the first is forged
    )
    assert Signature.objects.get().ip_hash == hash_network("203.0.113.1/32")


def test_staff_see_trends_and_invalidate_in_bulk_with_an_audit_trail(
    admin_client, client, petition_page
):
    from wagtail.models import ModelLogEntry

    from petitio.petitions.services import rebuild_signature_count

    for index in range(3):
        sign(client, petition_page, f"bot{index}@spam.example", address="203.0.113.5")
        confirm_last(client)
    sign(client, petition_page, "claire@example.org", address="198.51.100.7")
    confirm_last(client)
    petition = petition_page.petition
    petition.refresh_from_db()
    assert petition.confirmed_count == 4

    url = f"/admin/petitions/{petition.pk}/abuse-control/"
    page = admin_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    bot_hash = hash_network("203.0.113.5/32")
    assert bot_hash in html and "spam.example" in html
    assert "203.0.113" not in html

    refused = admin_client.post(url, {})
    assert refused.status_code == 400  # no criterion: never the whole petition
    response = admin_client.post(url, {"ip_hash": bot_hash, "email_domain": "spam.example"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.confirmed_count == 1 == rebuild_signature_count(petition_id=petition.pk)
    assert Signature.objects.filter(status=Signature.Status.INVALIDATED).count() == 3
    entry = ModelLogEntry.objects.get(action="petitio.signatures_invalidated")
    assert entry.user.username == "admin" and entry.data["count"] == 3
    assert entry.message.startswith("3 signatures invalid")  # in the admin language
    history = admin_client.get(f"/admin/snippets/petitions/petition/history/{petition.pk}/")
    assert "3 signatures invalid" in history.content.decode()


def test_a_time_window_must_be_in_order(admin_client, petition_page):
    url = f"/admin/petitions/{petition_page.petition.pk}/abuse-control/"
    response = admin_client.post(url, {"since": "2026-11-24T10:00", "until": "2026-11-24T09:00"})
    assert response.status_code == 400
    assert not Signature.objects.filter(status=Signature.Status.INVALIDATED).exists()


def test_abuse_control_needs_the_change_permission(client, petition_page):
    from django.contrib.auth.models import Permission, User

    editor = User.objects.create_user("editor", password="pw-editor-123")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(f"/admin/petitions/{petition_page.petition.pk}/abuse-control/")
    assert response.status_code in (302, 403)


def test_staff_get_one_alert_an_hour_past_the_threshold(client, petition_page, django_user_model):
    from petitio.petitions.alerts import send_abuse_alerts

    django_user_model.objects.create_superuser("ines", "ines@example.org", "pw-ines-1234")
    django_user_model.objects.create_user("reader", "reader@example.org", "pw-reader-1234")
    petition = petition_page.petition
    petition.alert_threshold = 2
    petition.save()
    for index in range(2):
        sign(client, petition_page, f"b{index}@x.example", website="spam")
    mail.outbox.clear()
    assert send_abuse_alerts() == 0  # at the threshold, not past it
    sign(client, petition_page, "b3@x.example", website="spam")
    mail.outbox.clear()
    assert send_abuse_alerts() == 1
    alert = mail.outbox[-1]
    assert alert.to == ["ines@example.org"]
    assert f"/admin/petitions/{petition.pk}/abuse-control/" in alert.body
    assert "3" in alert.body
    assert send_abuse_alerts() == 0  # once an hour


def solved_proof() -> str:
    import base64
    import json

    import altcha

    from petitio.petitions.proof_of_work import new_challenge

    challenge = new_challenge()
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxnumber"]
    )
    payload = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = solution.number
    return base64.b64encode(json.dumps(payload).encode()).decode()


def test_the_challenge_is_served_fresh_and_never_cached(client, db):
    first = client.get("/fr/petitions/challenge/")
    second = client.get("/fr/petitions/challenge/")
    assert first.status_code == 200 and "no-store" in first["Cache-Control"]
    assert first.json()["challenge"] != second.json()["challenge"]
    assert first.json()["algorithm"] == "SHA-256"


def test_a_solved_proof_counts_once_and_a_replayed_or_forged_one_never(client, petition_page):
    proof = solved_proof()
    sign(client, petition_page, "a@one.example", proof=proof)
    assert flags_of("one.example") == set()
    sign(client, petition_page, "b@two.example", proof=proof)  # replayed
    assert flags_of("two.example") == {Flag.BAD_PROOF}
    forged = proof[:-6] + "AAAAAA"
    sign(client, petition_page, "c@three.example", proof=forged)
    assert flags_of("three.example") == {Flag.BAD_PROOF}
    sign(client, petition_page, "d@four.example", proof="not base64 at all {")
    assert flags_of("four.example") == {Flag.BAD_PROOF}


def test_an_expired_proof_is_flagged(client, petition_page):
    proof = solved_proof()
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        sign(client, petition_page, "a@late.example", proof=proof, issued=issue_form_timestamp())
    assert flags_of("late.example") == {Flag.BAD_PROOF}


def test_without_javascript_no_proof_is_sent_and_the_signature_still_counts(client, petition_page):
    sign(client, petition_page, "a@nojs.example")
    assert flags_of("nojs.example") == set()
    confirm_last(client)
    petition_page.petition.refresh_from_db()
    assert petition_page.petition.confirmed_count == 1


@given(st.ip_addresses())
def test_networks_are_written_as_the_standard_library_writes_them(ip):
    narrow, wide = (32, 24) if ip.version == 4 else (64, 48)
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip, narrow, wide = ip.ipv4_mapped, 32, 24
    assert networks_of(str(ip)) == (
        str(ipaddress.ip_network(f"{ip}/{narrow}", strict=False)),
        str(ipaddress.ip_network(f"{ip}/{wide}", strict=False)),
    )
