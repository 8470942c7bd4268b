"""Journeys across the campaign site, and the accessibility and phone-width pass over
every public page type in French, Dutch and English."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import UYGHUR_SLUG
from .test_accessibility import audit

LANGUAGES = ("fr", "nl", "en")
PHONE_WIDTH = 360


def public_pages(language: str) -> dict[str, str]:
    """One URL per public page type, in `language` (paths of the demo site)."""
    from petitio.actions.models import ActionIndexPage
    from petitio.content.models import HomePage, NewsIndexPage, NewsPage, StandardPage
    from petitio.groups.models import SchoolGroupIndexPage
    from petitio.petitions.models import PetitionPage

    def url_of(model, **filters) -> str:
        return model.objects.live().get(locale__language_code=language, **filters).url

    pages = {
        "home": url_of(HomePage),
        "all actions": url_of(ActionIndexPage),
        "open petition": url_of(PetitionPage, slug=UYGHUR_SLUG),
        "delivered petition": url_of(PetitionPage, slug="human-rights-in-every-school"),
        "privacy charter": url_of(StandardPage, slug="privacy-charter"),
        "all news": url_of(NewsIndexPage),
        "news article": NewsPage.objects.live()
        .filter(locale__language_code=language)
        .order_by("-date")
        .first()
        .url,
        "school groups": url_of(SchoolGroupIndexPage),
        "join a school group": f"/{language}/groups/join/",
        "register a school group": f"/{language}/groups/register/",
    }
    petition_page = PetitionPage.objects.get(slug=UYGHUR_SLUG, locale__language_code=language)
    pages["check your inbox"] = f"/{language}/petitions/{petition_page.pk}/check-your-inbox/"
    pages["thank you"] = f"/{language}/petitions/{petition_page.pk}/thank-you/"
    pages["not found"] = f"/{language}/no-such-page/"
    return pages


def test_lucas_switches_language_on_a_campaign_and_stays_on_it(demo_site, page):
    page.goto(f"{demo_site.url}/fr/actions/{UYGHUR_SLUG}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_contain_text("Oeigoeren")
    expect(page.get_by_role("heading", name="Onderteken de petitie")).to_be_visible()
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Uyghurs")
    expect(page.get_by_role("heading", name="Sign the petition")).to_be_visible()


def test_ines_filters_the_actions_and_finds_the_delivered_petition(demo_site, page):
    page.goto(f"{demo_site.url}/fr/")
    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Toutes les actions"
    ).click()
    expect(page.locator(".card")).to_have_count(4)
    page.get_by_label("Statut").select_option("delivered")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.locator(".card")).to_have_count(1)
    expect(page.locator(".card")).to_contain_text("Résultat")
    page.get_by_role("link", name="Afficher toutes les actions").click()
    page.get_by_label("Thème").select_option("china")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.locator(".card")).to_have_count(1)
    page.locator(".card a").first.click()
    expect(page.locator("h1")).to_contain_text("Ouïghours")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_passes_axe_and_fits_a_phone(demo_site, browser, language):
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 800})
    page = context.new_page()
    failures = []
    try:
        for label, path in public_pages(language).items():
            page.goto(demo_site.url + path)
            expect(page.locator("html")).to_have_attribute("lang", language)
            violations = audit(page, f"{label} ({language})")
            everything = Axe_all(page)
            if everything:
                failures.append(f"{label}: {', '.join(v['id'] for v in everything)}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                failures.append(f"{label}: {overflow}px wider than a {PHONE_WIDTH}px phone")
            del violations
    finally:
        context.close()
    assert not failures, "; ".join(failures)


def Axe_all(page) -> list[dict]:  # noqa: N802 - reads as "axe, all impacts"
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]
