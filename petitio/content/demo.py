"""Build the demo site: a fictional organisation, its home page, two petitions and
its legal pages, in French (default), Dutch and English.

Idempotent: does nothing when a HomePage already exists, so `make run` can call it
every time without touching what staff changed.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from petitio.actions.models import ActionIndexPage
from petitio.core.emails import email_digest
from petitio.petitions.models import Petition, PetitionPage, Signature
from petitio.petitions.services import rebuild_signature_count
from petitio.privacy.consent import Purpose, consent_text_id
from petitio.privacy.personal_data import protect_record

from . import demo_texts as texts
from .models import HomePage, OrganisationSettings, StandardPage, Theme

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]
ACTION_INDEX_TITLES = {"fr": "Toutes les actions", "nl": "Alle acties", "en": "All actions"}
ACTION_INDEX_SLUGS = {"fr": "actions", "nl": "acties", "en": "actions"}


def stream(items: list[tuple[str, str]]) -> list[tuple[str, object]]:
    """Demo body tuples as StreamField values (paragraph HTML becomes RichText)."""
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in items]


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def translate(page: Page, language: str, **fields) -> Page:
    """Create (or update) the `language` translation of `page` with `fields`, published."""
    locale = Locale.objects.get(language_code=language)
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    return publish(translated)


def petition_page_fields(text: dict) -> dict:
    return {
        "title": text["title"],
        "lead": text["lead"],
        "target": text["target"],
        "demand": text["demand"],
        "body": stream(text["body"]),
        "thank_you": text["thank_you"],
        "share_text": text["share_text"],
        "search_description": text["search_description"],
        "outcome": text.get("outcome", ""),
    }


def standard_page_fields(text: dict) -> dict:
    return {"title": text["title"], "body": stream(text["body"])}


def ensure_themes() -> dict[str, Theme]:
    """The demo themes in every language; returns the default-language ones by slug."""
    themes = {}
    for slug, names in texts.THEMES.items():
        theme = Theme.objects.filter(slug=slug, locale__language_code=DEFAULT_LANGUAGE).first()
        if theme is None:
            theme = Theme.objects.create(
                slug=slug,
                name=names[DEFAULT_LANGUAGE],
                locale=Locale.objects.get(language_code=DEFAULT_LANGUAGE),
            )
        for language in OTHER_LANGUAGES:
            if theme.get_translation_or_none(Locale.objects.get(language_code=language)) is None:
                translated = theme.copy_for_translation(Locale.objects.get(language_code=language))
                translated.name = names[language]
                translated.save()
        themes[slug] = theme
    return themes


def add_demo_signatures(petition: Petition, count: int) -> None:
    """Confirmed signatures from fictional signers, so a finished petition has a real,
    rebuildable count. Addresses are on example.org, which receives no mail."""
    now = timezone.now()
    consent_id = consent_text_id(Purpose.SIGNING, DEFAULT_LANGUAGE)

    def demo_signature(index: int) -> Signature:
        email = f"demo-{petition.slug}-{index}@example.org"
        return Signature(
            petition=petition,
            status=Signature.Status.CONFIRMED,
            email_digest=email_digest(email),
            personal_data=protect_record(
                {"first_name": "Demo", "last_name": f"Signer {index}", "email": email}
            ),
            email_domain="example.org",
            country="BE",
            locale=DEFAULT_LANGUAGE,
            consent_text_id=consent_id,
            confirmed_at=now,
        )

    Signature.objects.bulk_create(demo_signature(index) for index in range(count))
    rebuild_signature_count(petition_id=petition.pk)


def create_petition(
    parent: Page,
    data: dict,
    *,
    themes: dict[str, Theme],
    deadline: datetime | None = None,
    status: str = Petition.Status.OPEN,
) -> PetitionPage:
    petition = Petition.objects.create(
        slug=data["slug"],
        name=data[DEFAULT_LANGUAGE]["title"],
        goal=data["goal"],
        status=Petition.Status.OPEN,
        deadline=deadline,
    )
    page = PetitionPage(
        petition=petition, slug=data["slug"], **petition_page_fields(data[DEFAULT_LANGUAGE])
    )
    page.themes.set([themes[slug] for slug in data.get("themes", [])])
    parent.add_child(instance=page)
    publish(page)
    for language in OTHER_LANGUAGES:
        translate(page, language, **petition_page_fields(data[language]))
    if status != Petition.Status.OPEN:
        Petition.objects.filter(pk=petition.pk).update(status=status)
        petition.refresh_from_db()
    return page


@transaction.atomic
def build_demo_site() -> bool:
    """Create the demo content unless a home page exists. Returns whether it did."""
    if HomePage.objects.exists():
        return False
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=DEFAULT_LANGUAGE)
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a "Welcome" page as the site root; ours replaces it.
    for welcome in root.get_children().exact_type(Page):
        welcome.delete()
    root.refresh_from_db()

    home_text = texts.HOME_PAGE
    home = HomePage(slug="home", locale=default_locale, **home_text[DEFAULT_LANGUAGE])
    root.add_child(instance=home)
    publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.site_name = texts.ORGANISATION["name"][DEFAULT_LANGUAGE]
    site.save()
    for language in OTHER_LANGUAGES:
        translate(home, language, **home_text[language])

    actions = ActionIndexPage(
        title=ACTION_INDEX_TITLES[DEFAULT_LANGUAGE],
        slug=ACTION_INDEX_SLUGS[DEFAULT_LANGUAGE],
        show_in_menus=True,
    )
    home.add_child(instance=actions)
    publish(actions)
    for language in OTHER_LANGUAGES:
        translate(
            actions,
            language,
            title=ACTION_INDEX_TITLES[language],
            slug=ACTION_INDEX_SLUGS[language],
        )

    themes = ensure_themes()
    deadline = timezone.make_aware(datetime(timezone.now().year + 1, 6, 30, 23, 59))
    closed = create_petition(
        actions, texts.CLOSED_PETITION, themes=themes, status=Petition.Status.CLOSED
    )
    add_demo_signatures(closed.petition, 1240)
    delivered = create_petition(
        actions, texts.DELIVERED_PETITION, themes=themes, status=Petition.Status.DELIVERED
    )
    add_demo_signatures(delivered.petition, 5312)
    defenders = create_petition(actions, texts.SECOND_PETITION, themes=themes)
    uyghur = create_petition(actions, texts.UYGHUR_PETITION, themes=themes, deadline=deadline)
    for page, other in ((uyghur, defenders), (defenders, uyghur)):
        for translated in page.get_translations(inclusive=True).specific():
            translated.next_action = other
            publish(translated)

    legal_pages = {}
    for key, text in (("privacy", texts.PRIVACY_CHARTER), ("credits", texts.CREDITS)):
        slug = {"privacy": "privacy-charter", "credits": "credits"}[key]
        page = StandardPage(slug=slug, **standard_page_fields(text[DEFAULT_LANGUAGE]))
        home.add_child(instance=page)
        publish(page)
        for language in OTHER_LANGUAGES:
            translate(page, language, **standard_page_fields(text[language]))
        legal_pages[key] = page

    organisation = OrganisationSettings.for_site(site)
    organisation.name = texts.ORGANISATION["name"][DEFAULT_LANGUAGE]
    organisation.registration_number = texts.ORGANISATION["registration_number"]
    organisation.address = texts.ORGANISATION["address"][DEFAULT_LANGUAGE]
    organisation.privacy_email = texts.ORGANISATION["privacy_email"]
    organisation.privacy_page = legal_pages["privacy"]
    organisation.credits_page = legal_pages["credits"]
    organisation.mastodon_url = "https://mastodon.example.org/@voixpourlesdroits"
    organisation.bluesky_url = "https://bsky.example.org/profile/voixpourlesdroits"
    organisation.save()

    from petitio.groups.demo import build_demo_groups

    from .demo_news import build_demo_news

    build_demo_news()
    build_demo_groups()
    return True
