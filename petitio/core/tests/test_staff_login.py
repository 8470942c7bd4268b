"""Staff login: lock-out after failed passwords (django-axes), two-step verification (TOTP)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from petitio.core.staff_login import IP_PLACEHOLDER

PASSWORD = "a-long-staff-password-for-nadia"  # noqa: S105
CLIENT_ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def english(client):
    """The admin in English (it follows the browser), so the texts below read as written."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def nadia(db):
    return get_user_model().objects.create_superuser("nadia", "nadia@example.org", PASSWORD)


@pytest.fixture
def two_factor_required(settings):
    settings.WAGTAIL_2FA_REQUIRED = True


def log_in(client, password=PASSWORD, username="nadia", **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=CLIENT_ADDRESS,
        HTTP_X_FORWARDED_FOR=f"{CLIENT_ADDRESS}, 198.51.100.1",
        **extra,
    )


def fail_to_log_in(client, times: int, username="nadia"):
    return [log_in(client, "wrong-password", username).status_code for _ in range(times)]


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the person's authenticator app shows now (or that many steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def is_logged_in(client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


# --- Lock-out ----------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_username_out_with_a_clear_page(client, nadia):
    statuses = fail_to_log_in(client, 4)
    assert statuses == [200] * 4  # the login form again, with its error

    response = log_in(client, "wrong-password")

    assert response.status_code == 429
    assert "core/admin/locked_out.html" in [template.name for template in response.templates]
    content = response.content.decode()
    assert "Too many failed sign-in attempts" in content
    assert "blocked for 15\xa0minutes" in content
    # Even the right password is refused while the lock-out lasts.
    assert log_in(client).status_code == 429
    assert not is_logged_in(client)


def test_the_lock_out_lifts_after_the_cool_off(client, nadia):
    fail_to_log_in(client, 5)

    with time_machine.travel(timedelta(minutes=16)):
        response = log_in(client)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_username_that_does_not_exist_is_locked_out_the_same_way(client, db):
    # The lock-out page must not reveal which usernames are real.
    statuses = fail_to_log_in(client, 5, username="nobody")

    assert statuses == [200] * 4 + [429]


def test_a_successful_login_starts_the_count_again(client, nadia):
    fail_to_log_in(client, 4)
    assert log_in(client).status_code == 302
    client.post(reverse("wagtailadmin_logout"))

    assert fail_to_log_in(client, 4) == [200] * 4


def test_lock_out_records_no_ip_address_and_no_log_of_logins(client, nadia):
    fail_to_log_in(client, 2)
    log_in(client)

    # Failures are counted per username; the address is a fixed placeholder.
    fail_to_log_in(client, 1, username="omar")
    attempts = AccessAttempt.objects.all()
    assert {attempt.ip_address for attempt in attempts} == {IP_PLACEHOLDER}
    for attempt in attempts.values():
        assert CLIENT_ADDRESS not in str(attempt)
        assert "wrong-password" not in str(attempt)
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_lock_out_limits_come_from_the_environment():
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "petitio.settings.test",
        "STAFF_LOCKOUT_ATTEMPTS": "3",
        "STAFF_LOCKOUT_MINUTES": "40",
    }
    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.AXES_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.split() == ["3", str(40 * 60)], result.stderr


def test_the_lock_out_page_follows_the_browsers_language(client, nadia):
    fail_to_log_in(client, 4)

    response = log_in(client, "wrong-password", HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 429
    assert '<html lang="nl"' in response.content.decode()


# --- Two-step verification -------------------------------------------------------------


def test_two_step_verification_is_required_outside_the_test_settings():
    from petitio.settings import base

    assert base.WAGTAIL_2FA_REQUIRED is True


def test_staff_without_an_authenticator_are_led_to_set_one_up(client, nadia, two_factor_required):
    response = log_in(client)
    assert response.status_code == 302

    response = client.get(reverse("wagtailadmin_explore_root"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtail_2fa_device_new"))
    response = client.get(response.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Set up two-step verification" in content
    assert f'src="{reverse("wagtail_2fa_device_qrcode")}"' in content
    assert " style=" not in content
    assert "'unsafe-inline'" in response.headers["Content-Security-Policy"]  # the admin's


def test_the_qr_code_is_drawn_by_the_site_itself(client, nadia, two_factor_required):
    log_in(client)
    client.get(reverse("wagtail_2fa_device_new"))

    response = client.get(reverse("wagtail_2fa_device_qrcode"))

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert b"http" not in response.content.replace(b"http://www.w3.org/", b"")


def test_setting_up_the_authenticator_verifies_the_session(client, nadia, two_factor_required):
    log_in(client)
    client.get(reverse("wagtail_2fa_device_new"))
    device = TOTPDevice.objects.get(user=nadia, confirmed=False)

    response = client.post(
        reverse("wagtail_2fa_device_new"),
        {"name": "Phone", "otp_token": code_of(device), "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == reverse("wagtail_2fa_device_list", kwargs={"user_id": nadia.pk})
    device.refresh_from_db()
    assert device.confirmed
    assert is_logged_in(client)


def test_a_wrong_code_or_password_does_not_set_up_the_authenticator(
    client, nadia, two_factor_required
):
    log_in(client)
    client.get(reverse("wagtail_2fa_device_new"))
    device = TOTPDevice.objects.get(user=nadia, confirmed=False)

    response = client.post(
        reverse("wagtail_2fa_device_new"),
        {"name": "Phone", "otp_token": "000000", "password": "not-my-password"},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "This code is not valid." in content
    assert "This password is not correct." in content
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_staff_with_an_authenticator_enter_a_code_after_their_password(
    client, nadia, two_factor_required
):
    device = TOTPDevice.objects.create(user=nadia, name="Phone", confirmed=True)

    response = log_in(client)
    assert response.status_code == 302
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtail_2fa_auth"))

    page = client.get(response.url)
    assert page.status_code == 200
    assert "Enter the code from your authenticator app" in page.content.decode()
    assert " style=" not in page.content.decode()

    wrong = client.post(reverse("wagtail_2fa_auth"), {"otp_token": "123456", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "This code is not valid." in wrong.content.decode()

    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes the next try wait a second after a wrong one
    right = client.post(
        reverse("wagtail_2fa_auth"), {"otp_token": code_of(device), "next": "/admin/"}
    )
    assert right.status_code == 302
    assert right.url == "/admin/"
    assert is_logged_in(client)


def test_a_code_cannot_be_used_twice(client, nadia, two_factor_required):
    device = TOTPDevice.objects.create(user=nadia, name="Phone", confirmed=True)
    code = code_of(device)
    log_in(client)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": code})
    client.post(reverse("wagtailadmin_logout"))
    log_in(client)

    response = client.post(reverse("wagtail_2fa_auth"), {"otp_token": code})

    assert response.status_code == 200
    assert not is_logged_in(client)


def test_the_authenticator_pages_render_in_the_wagtail_8_admin(client, nadia, two_factor_required):
    device = TOTPDevice.objects.create(user=nadia, name="Phone", confirmed=True)
    log_in(client)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": code_of(device)})

    pages = [
        reverse("wagtail_2fa_device_list", kwargs={"user_id": nadia.pk}),
        reverse("wagtail_2fa_device_update", kwargs={"pk": device.pk}),
        reverse("wagtail_2fa_device_remove", kwargs={"pk": device.pk}),
        reverse("wagtailadmin_account"),
        reverse("wagtailusers_users:index"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert " style=" not in response.content.decode().split("<main", 1)[1], url
    listing = client.get(pages[0]).content.decode()
    assert "Phone" in listing and pages[2] in listing
    assert pages[0] in client.get(reverse("wagtailadmin_account")).content.decode()

    response = client.post(pages[2], {"user_id": nadia.pk})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=nadia).exists()


def test_people_without_admin_access_are_never_asked_for_a_code(client, db, two_factor_required):
    reader = get_user_model().objects.create_user("reader", password=PASSWORD)
    client.force_login(reader)

    assert client.get("/api/v1/petitions").status_code == 200


def test_the_demo_staff_account_message_says_what_the_first_login_asks(db):
    out = StringIO()

    call_command("ensure_staff_account", stdout=out)

    message = out.getvalue()
    assert "password:" in message
    assert "two-step verification" in message
    assert "authenticator app" in message
