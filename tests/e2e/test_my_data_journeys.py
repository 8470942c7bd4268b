"""Noor exercises her rights: she signs with the newsletter box ticked, then from the
footer asks what the site holds, stops the newsletter and erases everything. Her
signature keeps counting. Axe checks each page, and none scrolls sideways at 360 px.
"""

from __future__ import annotations

import re

from django.core import mail
from playwright.sync_api import expect

from petitio.core.emails import email_digest
from petitio.petitions.models import Petition, Signature

from .helpers import UYGHUR_SLUG
from .test_accessibility import audit, summary
from .test_signing_journeys import (
    confirm_from_inbox,
    fill_signing_form,
    open_uyghur_petition_from_home,
    sign_and_land_on_check_your_inbox,
)

ADDRESS = "noor@example.net"


def no_sideways_scroll(page) -> bool:
    return not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_noor_sees_her_data_stops_the_newsletter_and_erases_it_all(demo_site, page):
    base = demo_site.url
    blocking: dict[str, list[dict]] = {}
    open_uyghur_petition_from_home(page, base, "en")
    fill_signing_form(page, first_name="Noor", last_name="Haddad", email=ADDRESS)
    page.locator("#id_newsletter_opt_in").check()
    sign_and_land_on_check_your_inbox(page, "en")
    confirm_from_inbox(page, base, "en")
    count = Petition.objects.get(slug=UYGHUR_SLUG).confirmed_count
    assert count == 1

    page.set_viewport_size({"width": 360, "height": 740})
    page.locator("footer").get_by_role("link", name="My data").click()
    expect(page).to_have_url(re.compile(r"/en/my-data/$"))
    blocking["request"] = audit(page, "the my-data request form")
    assert no_sideways_scroll(page)
    page.locator("#id_email").fill(ADDRESS)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/en/my-data/sent/$"))
    blocking["sent"] = audit(page, "the link-sent page")

    message = mail.outbox[-1]
    assert message.to == [ADDRESS]
    link = re.search(r"https?://\S+/en/my-data/[\w-]+/", message.body)[0]
    page.goto(link)
    main = page.locator("main")
    expect(main).to_contain_text("Your signatures")
    expect(main).to_contain_text("sealed")
    expect(main).not_to_contain_text("Haddad")
    blocking["my data"] = audit(page, "the my-data page")
    assert no_sideways_scroll(page)

    with page.expect_navigation():
        main.get_by_role("button", name="Stop the newsletter").click()
    expect(page.locator("main h1")).to_have_text("You will receive no more news")
    signature = Signature.objects.get(email_digest=email_digest(ADDRESS))
    assert not signature.newsletter_opt_in and signature.newsletter_withdrawn_at

    page.goto(link)
    with page.expect_navigation():
        main.get_by_role("button", name="Erase my data").click()  # box not ticked
    expect(page.locator(".field__error")).to_be_visible()
    blocking["erase with error"] = audit(page, "the erase form with its error")
    page.locator("#id_confirm").check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Erase my data").click()
    expect(page.locator("main h1")).to_have_text("Your data is erased")
    assert not Signature.objects.filter(email_digest=email_digest(ADDRESS)).exists()
    assert Petition.objects.get(slug=UYGHUR_SLUG).confirmed_count == count

    assert not any(blocking.values()), f"serious accessibility violations: {summary(blocking)}"
