"""Template helpers shared by every public page."""

from __future__ import annotations

import hashlib
from typing import Any

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from petitio.core.page_cache import remember

register = template.Library()


def site_of(request) -> Site | None:
    """The request's Wagtail site, remembered per host name.

    Site.find_for_request() queries the database on every request; every public
    page needs the site (menus, sections, the organisation's details).
    """
    if request is None:
        return None
    try:
        host_name = request.get_host()
    except DisallowedHost:
        # Only the "bad request" page of a request for a host not in ALLOWED_HOSTS
        # gets here: it is shown in the default site's layout, not a 500.
        return remember("petitio:site:default", default_site)
    host = hashlib.sha256(host_name.encode()).hexdigest()[:32]
    return remember(f"petitio:site:{host}", lambda: Site.find_for_request(request))


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first()


def _page_link(page: Page | None) -> dict[str, str] | None:
    if page is None:
        return None
    localized = page.localized
    return {"title": localized.title, "url": localized.url}


@register.simple_tag(takes_context=True)
def organisation(context) -> dict[str, Any]:
    """Who runs the site (OrganisationSettings) as every page shows it, in the current
    language: name, registration number, address, privacy email, social links, and
    the credits and privacy pages as {"title", "url"} (or None). Remembered as long
    as a public page is, instead of three to nine queries per page."""
    from petitio.content.models import OrganisationSettings

    site = site_of(context.get("request"))
    if site is None:
        return {"name": OrganisationSettings._meta.get_field("name").get_default()}

    def build() -> dict[str, Any]:
        settings_row = OrganisationSettings.for_site(site)
        return {
            "name": settings_row.name,
            "registration_number": settings_row.registration_number,
            "address": settings_row.address,
            "privacy_email": settings_row.privacy_email,
            "social_links": settings_row.social_links(),
            "privacy_page": _page_link(settings_row.privacy_page),
            "credits_page": _page_link(settings_row.credits_page),
        }

    return remember(f"petitio:organisation:{site.pk}:{get_language()}", build)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to this same page in every other language.

    On a Wagtail page, the link leads to its translation (or to the home page of
    that language when there is none); elsewhere the URL's language prefix changes.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations: dict[str, str] = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.url
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if isinstance(page, Page):
            url = translations.get(code) or f"/{code}/"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        info = get_language_info(code)
        links.append({"code": code, "url": url, "name": info["name_local"]})
    return {"links": links}


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with `changes` applied (e.g. another page number),
    keeping the visitor's filters."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context) -> dict:
    """Links to the sections of the site (the home page's children shown in menus),
    in the current language."""
    site = site_of(context.get("request"))
    if site is None:
        return {"items": []}

    def build() -> list[dict]:
        home = site.root_page.localized
        return [
            {"title": page.title, "url": page.url, "url_path": page.url_path}
            for page in home.get_children().live().in_menu()
        ]

    entries = remember(f"petitio:nav:{site.pk}:{get_language()}", build)
    current = context.get("page")
    current_path = getattr(current, "url_path", "") or ""
    items = [{**entry, "current": current_path.startswith(entry["url_path"])} for entry in entries]
    return {"items": items}


# The sections every campaign page points to, by page type (see `site_sections`).
SECTION_PAGE_TYPES = {
    "actions": ("actions", "ActionIndexPage"),
    "news": ("content", "NewsIndexPage"),
    "groups": ("groups", "SchoolGroupIndexPage"),
}


@register.simple_tag(takes_context=True)
def site_sections(context) -> dict[str, dict[str, str]]:
    """The live index pages of the site's sections (all actions, all news, school
    groups) in the current language, by key, as {"title", "url"}; a section the
    site lacks is absent."""
    from django.apps import apps

    site = site_of(context.get("request"))
    if site is None:
        return {}

    def build() -> dict[str, dict[str, str]]:
        home = site.root_page.localized
        sections = {}
        for key, (app_label, model_name) in SECTION_PAGE_TYPES.items():
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:
                continue
            page = model.objects.live().child_of(home).first()
            if page is not None:
                sections[key] = {"title": page.title, "url": page.url}
        return sections

    return remember(f"petitio:sections:{site.pk}:{get_language()}", build)
