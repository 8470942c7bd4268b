"""Staff journeys in the Wagtail admin: from a new petition to a published page."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from petitio.petitions.models import Petition, PetitionPage

MARC_PASSWORD = "a-long-staff-password-for-marc"  # noqa: S105
PAGE_TEXTS = {  # accessible name of the field (labels end with "*" when required): text
    "Lead": "Des journalistes sont emprisonnés pour avoir fait leur métier.",
    "Addressed to": "Le ministre des Affaires étrangères",
    re.compile(r"^Demand"): "Nous demandons leur libération immédiate.",
    "Thank-you text": "Merci d’avoir signé pour les journalistes.",
    "Share text": "J’ai signé pour libérer les journalistes.",
}


def log_into_admin(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def test_marc_creates_a_petition_and_its_french_page_in_the_admin_and_publishes_it(demo_site, page):
    base = demo_site.url
    get_user_model().objects.create_superuser("marc", "marc@example.org", MARC_PASSWORD)
    log_into_admin(page, base, "marc", MARC_PASSWORD)

    # The petition itself: Petitions menu, then Add.
    sidebar = page.get_by_role("navigation", name="Main menu")
    sidebar.get_by_role("link", name="Petitions").click()
    expect(page.get_by_role("heading", name="Petitions", level=1)).to_be_visible()
    page.get_by_role("link", name="Add petition").click()
    page.get_by_role("textbox", name="Slug").fill("free-the-journalists")
    page.get_by_role("textbox", name="Internal name").fill("Libérez les reporters détenus")
    page.get_by_role("spinbutton", name="Goal").fill("5000")
    page.get_by_role("combobox", name="Status").select_option(label="Open")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Petition 'Libérez les reporters détenus' created.")).to_be_visible()
    petition = Petition.objects.get(slug="free-the-journalists")
    assert (petition.goal, petition.status) == (5000, Petition.Status.OPEN)

    # Its French page: Pages, explore down to "Toutes les actions", add a child page.
    sidebar.get_by_role("button", name="Pages").click()
    explorer = page.locator(".c-page-explorer")
    explorer.get_by_role("link", name=re.compile(r"^Ensemble pour les droits humains")).click()
    page.get_by_role("link", name="Explore child pages of 'Toutes les actions'").click()
    expect(page.get_by_role("heading", name="Toutes les actions", level=1)).to_be_visible()
    page.get_by_role("link", name="Add child page").click()
    if "/add_subpage/" in page.url:  # more than one page type allowed: choose one
        page.get_by_role("link", name="Petition page", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/petitions/petitionpage/\d+/"))

    title = "Libérez les journalistes emprisonnés"
    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(title)
    page.get_by_role("button", name="Choose petition").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name="Libérez les reporters détenus").click()
    expect(chooser).to_be_hidden()
    for label, text in PAGE_TEXTS.items():
        page.get_by_role("textbox", name=label).fill(text)

    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(f"Page '{title}' created and published.")).to_be_visible()

    new_page = PetitionPage.objects.get(petition=petition)
    assert new_page.live and new_page.locale.language_code == "fr"
    assert new_page.get_parent().title == "Toutes les actions"

    # Anyone can now read and sign it.
    response = page.goto(f"{base}{new_page.url}")
    assert response is not None and response.status == 200
    assert new_page.url.startswith("/fr/actions/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    form = page.locator("form.signing-form")
    expect(form).to_be_visible()
    expect(form.locator("#id_first_name")).to_be_visible()
    expect(form.locator("button[type=submit]")).to_be_visible()
    expect(page.get_by_text("Le ministre des Affaires étrangères")).to_be_visible()
