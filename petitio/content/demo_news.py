"""Build the demo news: an index under each language's home page and six articles in
French, Dutch and English, some pointing to the demo petitions.

Idempotent: does nothing when a NewsIndexPage exists. Expects the demo site
(`demo.build_demo_site`) to exist; related petitions it cannot find are left out.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from petitio.petitions.models import PetitionPage

# A module import, read at call time: demo.py imports this module to call
# build_demo_news, so `from .demo import ...` here would be circular.
from . import demo
from . import demo_news_texts as texts
from .models import HomePage, Theme
from .news import NewsIndexPage, NewsPage

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]


def article_date(rule: tuple, today: date) -> date:
    """The date an article's `rule` gives: ("days_ago", n) or ("last", month, day), the
    most recent such day up to `today`."""
    if rule[0] == "days_ago":
        return today - timedelta(days=rule[1])
    _kind, month, day = rule
    this_year = date(today.year, month, day)
    return this_year if this_year <= today else date(today.year - 1, month, day)


def themes_for(slugs: list[str], language: str, themes: dict[str, Theme]) -> list[Theme]:
    locale = Locale.objects.get(language_code=language)
    return [themes[slug].get_translation_or_none(locale) or themes[slug] for slug in slugs]


def related_action(slug: str | None, language: str) -> PetitionPage | None:
    if slug is None:
        return None
    return PetitionPage.objects.filter(slug=slug, locale__language_code=language).first()


def article_fields(article: dict, language: str, themes: dict[str, Theme], today: date) -> dict:
    text = article[language]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "lead": text["lead"],
        "body": demo.stream(text["body"]),
        "date": article_date(article["date"], today),
        "themes": themes_for(article["themes"], language, themes),
        "related_action": related_action(article["related_action"], language),
    }


@transaction.atomic
def build_demo_news() -> bool:
    """Create the demo news unless a news index exists. Returns whether it did.

    Creates the demo themes that are missing (in every language), the news index
    under each language's home page (shown in the main menu) and the articles, all
    published.
    """
    if NewsIndexPage.objects.exists():
        return False
    home = HomePage.objects.filter(locale__language_code=DEFAULT_LANGUAGE).first()
    if home is None:
        return False
    themes = demo.ensure_themes()
    index = NewsIndexPage(show_in_menus=True, **texts.NEWS_INDEX[DEFAULT_LANGUAGE])
    home.add_child(instance=index)
    demo.publish(index)
    for language in OTHER_LANGUAGES:
        demo.translate(index, language, **texts.NEWS_INDEX[language])

    today = timezone.localdate()
    # Oldest first, so that publication order follows the articles' dates.
    for article in sorted(texts.ARTICLES, key=lambda item: article_date(item["date"], today)):
        fields = article_fields(article, DEFAULT_LANGUAGE, themes, today)
        page = NewsPage(**{key: value for key, value in fields.items() if key != "themes"})
        page.themes.set(fields["themes"])
        index.add_child(instance=page)
        demo.publish(page)
        for language in OTHER_LANGUAGES:
            demo.translate(page, language, **article_fields(article, language, themes, today))
    return True
