"""Accessibility smoke checks: axe-core on the pages of the signing path.

Every violation found is printed (run with -s, or see the captured output of a
failure); only serious and critical ones fail the test.
"""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from .helpers import UYGHUR_SLUG, confirm_url_from

BLOCKING_IMPACTS = {"serious", "critical"}


def audit(page, label: str) -> list[dict]:
    """Run axe on the page as it is now; print every violation; return the blocking ones."""
    violations = Axe().run(page).response["violations"]
    print(f"\naxe on {label} ({page.url}): {len(violations)} violation(s)")
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        print(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({len(targets)} node(s): {'; '.join(targets[:5])})"
        )
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def summary(blocking: dict[str, list[dict]]) -> str:
    return "; ".join(
        f"{label}: " + ", ".join(f"{v['id']} ({v['impact']})" for v in violations)
        for label, violations in blocking.items()
        if violations
    )


def test_amina_using_a_screen_reader_meets_no_serious_barrier_on_the_french_signing_path(
    demo_site, page
):
    base = demo_site.url
    blocking: dict[str, list[dict]] = {}

    page.goto(f"{base}/fr/actions/{UYGHUR_SLUG}/")
    expect(page.locator("form.signing-form")).to_be_visible()
    page.wait_for_load_state("networkidle")
    blocking["petition page"] = audit(page, "the French petition page")

    form = page.locator("form.signing-form")
    form.locator("#id_first_name").fill("Amina")
    form.locator("#id_last_name").fill("El Idrissi")
    form.locator("#id_email").fill("not-an-address")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    blocking["petition page with errors"] = audit(page, "the petition page with form errors")

    form = page.locator("form.signing-form")
    form.locator("#id_email").fill("amina@example.org")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/petitions/\d+/check-your-inbox/$"))
    blocking["check-your-inbox page"] = audit(page, "the check-your-inbox page")

    page.goto(confirm_url_from(mail.outbox[-1]))
    blocking["confirm page"] = audit(page, "the confirmation page")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/petitions/\d+/thank-you/$"))
    page.wait_for_load_state("networkidle")
    blocking["thank-you page"] = audit(page, "the thank-you page")

    assert not any(blocking.values()), f"serious accessibility violations: {summary(blocking)}"


def test_amina_hears_the_error_message_when_she_reaches_the_email_field(demo_site, page):
    page.goto(f"{demo_site.url}/fr/actions/{UYGHUR_SLUG}/")
    form = page.locator("form.signing-form")
    form.locator("#id_first_name").fill("Amina")
    form.locator("#id_last_name").fill("El Idrissi")
    form.locator("#id_email").fill("not-an-address")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    email = page.locator("form.signing-form #id_email")
    expect(email).to_have_attribute("aria-invalid", "true")
    error = page.locator(".field--error .field__error").first.inner_text().strip()
    assert error
    expect(email).to_have_accessible_description(re.compile(re.escape(error)), timeout=2000)
