"""News journeys: a reader goes from the news to a petition; axe and phone width on
the news pages in French, Dutch and English.

The demo site may not build the news yet, so each test adds them (build_demo_news,
idempotent) after `demo_site`. Locators use the demo's data and the markup, not interface words,
which the catalogues translate.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import UYGHUR_SLUG
from .test_accessibility import audit

LANGUAGES = ("fr", "nl", "en")
PHONE_WIDTH = 360


@pytest.fixture
def news_site(demo_site):
    from petitio.content.demo_news import build_demo_news
    from petitio.content.news import NewsIndexPage

    build_demo_news()  # does nothing once build_demo_site builds the news itself
    assert NewsIndexPage.objects.live().count() == 3
    return demo_site


def news_pages(language: str) -> dict[str, str]:
    """The news index and an article with a call to sign, in `language`."""
    from petitio.content.news import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.live().get(locale__language_code=language)
    article = (
        NewsPage.objects.live()
        .filter(locale__language_code=language, related_action__slug=UYGHUR_SLUG)
        .order_by("-date")
        .first()
    )
    return {"news index": index.url, "news article": article.url}


def test_nadia_reads_the_news_on_china_and_goes_on_to_sign(news_site, no_js_page):
    page = no_js_page  # links only: the journey needs no JavaScript
    page.goto(f"{news_site.url}/fr/")
    page.locator(".main-nav").get_by_role("link", name="Toutes les infos").click()
    expect(page.locator("h1")).to_have_text("Toutes les infos")
    expect(page.locator(".news-item")).to_have_count(6)

    page.locator(".news-themes").get_by_role("link", name="Chine", exact=True).click()
    expect(page).to_have_url(re.compile(r"/fr/infos/\?theme=china$"))
    expect(page.locator(".news-themes a[aria-current=true]")).to_have_text("Chine")
    expect(page.locator(".news-item")).to_have_count(3)

    page.get_by_role(
        "link", name="Nous lançons notre campagne pour les Ouïghours du Xinjiang"
    ).click()
    expect(page.locator("h1")).to_have_text(
        "Nous lançons notre campagne pour les Ouïghours du Xinjiang"
    )
    cta = page.locator(".news-cta__link")
    expect(cta).to_contain_text("Xinjiang : libérez les Ouïghours détenus arbitrairement")
    cta.click()
    expect(page).to_have_url(re.compile(rf"/fr/actions/{UYGHUR_SLUG}/$"))
    expect(page.locator("form.signing-form")).to_be_visible()
    expect(page.locator(".related-news a").first).to_have_text(
        "Parler depuis l’exil : la pression sur la diaspora ouïghoure"
    )


def test_news_feeds_are_announced_and_served(news_site, page):
    page.goto(f"{news_site.url}/nl/nieuws/")
    href = page.locator('head link[rel=alternate][type="application/atom+xml"]').get_attribute(
        "href"
    )
    response = page.request.get(news_site.url + href)
    assert response.ok
    assert response.headers["content-type"].startswith("application/atom+xml")
    assert "Spreken vanuit ballingschap" in response.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_pages_pass_axe_and_fit_a_phone(news_site, browser, language):
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 800})
    page = context.new_page()
    blocking, too_wide = {}, []
    try:
        for label, path in news_pages(language).items():
            page.goto(news_site.url + path)
            expect(page.locator("html")).to_have_attribute("lang", language)
            blocking[f"{label} ({language})"] = audit(page, f"the {label} in {language}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                too_wide.append(f"{label}: {overflow}px wider than a {PHONE_WIDTH}px phone")
    finally:
        context.close()
    serious = {label: [v["id"] for v in found] for label, found in blocking.items() if found}
    assert not serious, f"serious accessibility violations: {serious}"
    assert not too_wide, "; ".join(too_wide)
