"""Fixtures shared by the apps' tests: a minimal site with one open petition."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from petitio.content.models import HomePage
from petitio.petitions.models import Petition, PetitionPage


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "nl", "en")
    }


@pytest.fixture
def home_page(locales) -> HomePage:
    root = Page.get_first_root_node()
    for welcome in root.get_children().exact_type(Page):
        welcome.delete()
    root.refresh_from_db()
    home = HomePage(title="Accueil", slug="home", locale=locales["fr"])
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home},
    )
    return home


def make_petition_page(parent: Page, *, slug: str, status=Petition.Status.OPEN, **fields):
    petition = Petition.objects.create(
        slug=slug, name=f"Petition {slug}", goal=fields.pop("goal", 100), status=status
    )
    page = PetitionPage(
        title=fields.pop("title", f"Pétition {slug}"),
        slug=slug,
        petition=petition,
        lead="Un texte d’introduction.",
        target="Les autorités",
        demand="Nous demandons justice.",
        thank_you="Merci !",
        share_text="J’ai signé.",
        **fields,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def petition_page(home_page) -> PetitionPage:
    return make_petition_page(home_page, slug="stop-xinjiang-persecution")


@pytest.fixture
def petition(petition_page) -> Petition:
    return petition_page.petition


@pytest.fixture
def valid_form_data() -> dict[str, str]:
    return {
        "first_name": "Claire",
        "last_name": "Dubois",
        "email": "claire.dubois@example.org",
        "country": "BE",
        "postcode": "1000",
    }


@pytest.fixture
def standard_mode(db):
    """The organisation chose standard protection: the server can read personal data."""
    from petitio.privacy.models import PrivacySettings, ProtectionMode
    from petitio.privacy.personal_data import forget_cached_protection

    privacy = PrivacySettings.load()
    privacy.protection_mode = ProtectionMode.STANDARD
    privacy.save()
    forget_cached_protection()
    yield
    forget_cached_protection()
