"""Signers' journeys: from a home page to a counted, confirmed signature."""

from __future__ import annotations

import re
import time

from django.conf import settings as django_settings
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from petitio.core.emails import email_digest
from petitio.petitions.models import Petition, PetitionPage, Signature
from petitio.privacy.testing import unsealed

from .helpers import UYGHUR_SLUG, confirm_url_from, read_count

SHARE_TARGETS = (
    "mailto:",
    "https://wa.me/",
    "facebook.com",
    "https://x.com/",
    "bsky.app",
    "mastodon",
)
DUTCH_TITLE = "Xinjiang: laat de willekeurig opgesloten Oeigoeren vrij"


# --- Steps --------------------------------------------------------------------------


def open_uyghur_petition_from_home(page, base_url: str, language: str) -> str:
    """Open the home page in `language`, follow the link to the Uyghur petition."""
    page.goto(f"{base_url}/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator(f"main a[href*='/{UYGHUR_SLUG}/']").first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/[^/]+/{UYGHUR_SLUG}/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page.url


def fill_signing_form(page, *, first_name: str, last_name: str, email: str) -> None:
    form = page.locator("form.signing-form")
    form.locator("#id_first_name").fill(first_name)
    form.locator("#id_last_name").fill(last_name)
    form.locator("#id_email").fill(email)
    # Belgium is preselected; the postcode is optional and left empty.
    expect(form.locator("#id_country")).to_have_value("BE")
    expect(form.locator("#id_postcode")).to_have_value("")


def sign_and_land_on_check_your_inbox(page, language: str) -> None:
    with page.expect_navigation() as navigation:
        page.locator("form.signing-form button[type=submit]").click()
    # The 303 after the POST is followed: the final response is the inbox page.
    assert navigation.value.status == 200
    expect(page).to_have_url(re.compile(rf"/{language}/petitions/\d+/check-your-inbox/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main h1")).to_be_visible()


def confirm_from_inbox(page, base_url: str, language: str) -> None:
    """Open the link in the last email, press its button, land on the thank-you page."""
    assert mail.outbox, "no email was sent"
    url = confirm_url_from(mail.outbox[-1])
    assert url.startswith(f"{base_url}/"), f"the link should point to the site: {url}"
    response = page.goto(url)
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", language)
    button = page.locator("main form[method=post] button[type=submit]")
    expect(button).to_be_visible()
    with page.expect_navigation() as navigation:
        button.click()
    assert navigation.value.status == 200
    expect(page).to_have_url(re.compile(rf"/{language}/petitions/\d+/thank-you/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)


def api_count(page, base_url: str) -> int:
    response = page.request.get(f"{base_url}/api/v1/petitions/{UYGHUR_SLUG}")
    assert response.ok, response.status
    return response.json()["signature_count"]


def wait_for_api_count(page, base_url: str, expected: int) -> int:
    """The API count, polled for as long as its documented cache may lag."""
    deadline = time.monotonic() + django_settings.SIGNATURE_COUNT_CACHE_SECONDS + 2
    count = api_count(page, base_url)
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.25)
        count = api_count(page, base_url)
    return count


def translated(language: str, message: str) -> str | None:
    """`message` in `language` if the catalogue translates it, else None."""
    with translation.override(language):
        result = translation.gettext(message)
    return result if result != message else None


# --- Journeys -------------------------------------------------------------------------


def test_claire_signs_in_french_confirms_from_her_inbox_and_sees_the_count_move(demo_site, page):
    base = demo_site.url
    petition_url = open_uyghur_petition_from_home(page, base, "fr")
    assert read_count(page) == 0

    fill_signing_form(
        page, first_name="Claire", last_name="Dubois", email="claire.dubois@example.org"
    )
    # Her browser solved the proof of work in the background, with no third party.
    expect(page.locator("input[name=proof]")).not_to_have_value("", timeout=20000)
    sign_and_land_on_check_your_inbox(page, "fr")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["claire.dubois@example.org"]
    claire = Signature.objects.filter(email_digest=email_digest("claire.dubois@example.org"))
    assert claire.get().status == Signature.Status.PENDING
    assert claire.get().flags == ""

    confirm_from_inbox(page, base, "fr")
    assert claire.get().status == Signature.Status.CONFIRMED
    share_hrefs = page.locator(".share__links a").evaluate_all("links => links.map(a => a.href)")
    for target in SHARE_TARGETS:
        assert any(target in href for href in share_hrefs), (target, share_hrefs)
    next_action = page.locator(".next-action a")
    expect(next_action).to_be_visible()
    assert "/fr/actions/protect-human-rights-defenders/" in next_action.get_attribute("href")

    # What the server renders right after confirming already counts her.
    response = page.request.get(petition_url)
    assert re.search(r"<strong data-count>\s*1\s*</strong>", response.text())
    assert Petition.objects.get(slug=UYGHUR_SLUG).confirmed_count == 1

    # Once the API's short cache has caught up, the page in the browser shows 1 too.
    assert wait_for_api_count(page, base, 1) == 1
    page.goto(petition_url)
    expect(page.locator("[data-count]").first).to_have_text("1")
    page.wait_for_load_state("networkidle")  # the live count has refreshed from the API
    assert read_count(page) == 1


def test_claire_never_sees_the_count_go_back_just_after_confirming(demo_site, page, settings):
    # The same lag as the default 2 seconds, made long enough not to depend on speed.
    settings.SIGNATURE_COUNT_CACHE_SECONDS = 30
    base = demo_site.url
    petition_url = open_uyghur_petition_from_home(page, base, "fr")  # the API caches 0
    fill_signing_form(
        page, first_name="Claire", last_name="Dubois", email="claire.dubois@example.org"
    )
    sign_and_land_on_check_your_inbox(page, "fr")
    confirm_from_inbox(page, base, "fr")

    page.goto(petition_url)
    page.wait_for_load_state("networkidle")
    assert read_count(page) == 1


def test_dilnur_signs_in_dutch_with_her_name_in_uyghur_script_and_it_is_kept_exactly(
    demo_site, page
):
    base = demo_site.url
    first_name = "دىلنۇر"
    petition_url = open_uyghur_petition_from_home(page, base, "nl")
    expect(page.locator("main h1")).to_have_text(DUTCH_TITLE)

    fill_signing_form(page, first_name=first_name, last_name="Tursun", email="dilnur@example.net")
    sign_and_land_on_check_your_inbox(page, "nl")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dilnur@example.net"]
    assert DUTCH_TITLE in message.subject
    subject = translated("nl", "Confirm your signature: %(title)s")
    if subject:
        assert message.subject == subject % {"title": DUTCH_TITLE}
    greeting = translated("nl", "Hello %(name)s,")
    if greeting:
        assert message.body.startswith(greeting % {"name": first_name})
    assert first_name in message.body

    confirm_from_inbox(page, base, "nl")
    signature = Signature.objects.get(email_digest=email_digest("dilnur@example.net"))
    record = unsealed(signature.personal_data)  # sealed; the test holds the private key
    assert (record["first_name"], record["last_name"]) == (first_name, "Tursun")
    assert record["email"] == "dilnur@example.net"
    assert signature.locale == "nl"
    assert signature.status == Signature.Status.CONFIRMED
    assert "/nl/" in page.locator(".next-action a").get_attribute("href")

    page.goto(petition_url)
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_sam_signs_and_confirms_with_javascript_turned_off(demo_site, no_js_page):
    page = no_js_page
    base = demo_site.url
    petition_url = open_uyghur_petition_from_home(page, base, "en")
    assert read_count(page) == 0

    fill_signing_form(page, first_name="Sam", last_name="Peeters", email="sam@example.org")
    sign_and_land_on_check_your_inbox(page, "en")
    assert mail.outbox[-1].to == ["sam@example.org"]

    confirm_from_inbox(page, base, "en")
    # The share links are plain links, and the link to copy by hand is there.
    expect(page.locator(".share__links a")).to_have_count(len(SHARE_TARGETS))
    expect(page.locator("#share-url")).to_have_value(re.compile(rf"/en/.+/{UYGHUR_SLUG}/$"))

    page.goto(petition_url)
    assert read_count(page) == 1
    sam = Signature.objects.get(email_digest=email_digest("sam@example.org"))
    assert sam.status == Signature.Status.CONFIRMED


def test_sam_without_javascript_is_not_offered_a_copy_button_that_cannot_work(
    demo_site, no_js_page
):
    page = no_js_page
    petition_page = PetitionPage.objects.get(petition__slug=UYGHUR_SLUG, locale__language_code="en")
    page.goto(f"{demo_site.url}/en/petitions/{petition_page.pk}/thank-you/")
    expect(page.locator("#share-url")).to_be_visible()
    expect(page.locator("[data-copy-target]")).to_be_hidden(timeout=2000)
