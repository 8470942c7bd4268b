"""Staff security journeys: two-step verification at first and later logins, lock-out."""

from __future__ import annotations

import re
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

YASMINE_PASSWORD = "a-long-staff-password-for-yasmine"  # noqa: S105


@pytest.fixture
def csp_violations(page):
    """Messages of the browser refusing something under the Content-Security-Policy."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return violations


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or that many 30-second steps later)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in_with_password(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_yasmine_sets_up_her_authenticator_at_first_login_then_signs_in_with_a_code(
    demo_site, page, settings, csp_violations
):
    settings.WAGTAIL_2FA_REQUIRED = True
    base = demo_site.url
    yasmine = get_user_model().objects.create_superuser(
        "yasmine", "yasmine@example.org", YASMINE_PASSWORD
    )

    # First login: the admin leads her to set up two-step verification.
    sign_in_with_password(page, base, "yasmine", YASMINE_PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/2fa/devices/new"))
    expect(page.get_by_role("heading", name="Set up two-step verification")).to_be_visible()
    qr_code = page.get_by_role("img", name="QR code to scan with your authenticator app")
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("image => image.complete && image.naturalWidth > 0")
    assert qr_code.get_attribute("src") == "/admin/2fa/devices/qr-code"

    # She scans it; her app now shows codes for this device.
    device = TOTPDevice.objects.get(user=yasmine, confirmed=False)
    page.get_by_role("textbox", name="Six-digit code").fill(code_of(device))
    page.get_by_label("Your password").fill(YASMINE_PASSWORD)
    page.get_by_role("button", name="Turn on two-step verification").click()
    expect(page).to_have_url(f"{base}/admin/2fa/devices/{yasmine.pk}")
    expect(page.get_by_role("cell", name="Phone")).to_be_visible()
    device.refresh_from_db()
    assert device.confirmed

    page.goto(f"{base}/admin/")
    expect(
        page.get_by_role("navigation", name="Main menu").get_by_role("button", name="Pages")
    ).to_be_visible()

    # She logs out...
    page.get_by_role("button", name="yasmine").click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    # ...and back in: after her password, the admin asks for a code. A code is
    # accepted once only, so she types the next one her app shows.
    sign_in_with_password(page, base, "yasmine", YASMINE_PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/2fa/auth"))
    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()
    page.get_by_role("textbox", name="Six-digit code").fill(code_of(device, steps_ahead=1))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/admin/")
    expect(
        page.get_by_role("navigation", name="Main menu").get_by_role("button", name="Pages")
    ).to_be_visible()

    assert not csp_violations, csp_violations


def test_five_wrong_passwords_lock_omar_out_with_a_clear_message(demo_site, page, csp_violations):
    base = demo_site.url
    get_user_model().objects.create_superuser("omar", "omar@example.org", "the-right-password")

    for _attempt in range(4):
        sign_in_with_password(page, base, "omar", "a-wrong-password")
        expect(page.get_by_text("Your username and password didn't match")).to_be_visible()

    sign_in_with_password(page, base, "omar", "a-wrong-password")
    expect(page.get_by_role("heading", name="Too many failed sign-in attempts")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("blocked for 15 minutes")

    # The right password does not help until the lock-out ends.
    sign_in_with_password(page, base, "omar", "the-right-password")
    expect(page.get_by_role("heading", name="Too many failed sign-in attempts")).to_be_visible()
    page.get_by_role("link", name="Back to the sign-in page").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    # Nothing identifies where the attempts came from.
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"0.0.0.0"}
    assert not csp_violations, csp_violations
