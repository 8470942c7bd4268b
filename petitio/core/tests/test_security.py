"""The security baseline: deploy checks, headers, Content-Security-Policy, no third parties.

The walk over the demo site checks every public page in fr, nl and en: nothing is
loaded from another origin, and each response carries the strict policy.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.urls import URLPattern, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter
from django.utils import translation
from wagtail.models import Page

from petitio.content.demo import build_demo_site
from petitio.content.news import NewsIndexPage
from petitio.core import page_cache
from petitio.petitions.models import PetitionPage

BASE_DIR = Path(settings.BASE_DIR)
LANGUAGES = ("fr", "nl", "en")
# URL namespaces whose pages hold forms, confirmations or personal data: never cached.
NO_STORE_NAMESPACES = ("petitions", "groups", "privacy")
BAD_TOKEN = "not-a-valid-token"

# Elements that make the browser fetch something, and the attributes naming it.
RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "form": ("action",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src", "formaction"),
    "button": ("formaction",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
# <link> relations that fetch (or open a connection to) what they name.
LOADING_LINK_RELATIONS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
    "preload",
    "modulepreload",
    "prefetch",
    "prerender",
    "preconnect",
    "dns-prefetch",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def run_deploy_check(database: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "petitio.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "EMAIL_HASH_KEY": secrets.token_urlsafe(32),
        "PERSONAL_DATA_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "petitions.example.org",
        "SITE_URL": "https://petitions.example.org",
        # An empty database: this is about the settings, not about what an
        # installation still has to do (such as creating its sealing key).
        "DATABASE_URL": f"sqlite:///{database}",
    }
    if "REDIS_URL" in os.environ:
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings(tmp_path):
    result = run_deploy_check(tmp_path / "empty.sqlite3")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_strict_policy(response, where: str) -> None:
    assert "Content-Security-Policy" in response.headers, f"no CSP header on {where}"
    directives = csp_directives(response)
    for directive in ("script-src", "style-src"):
        sources = directives.get(directive, directives.get("default-src", []))
        assert "'unsafe-inline'" not in sources, f"{directive} allows inline code on {where}"
        assert "'unsafe-eval'" not in sources, f"{directive} allows eval on {where}"


# --- Headers -----------------------------------------------------------------------------


def test_public_pages_carry_the_strict_policy_and_the_security_headers(client, home_page):
    response = client.get(home_page.url)

    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_a_nonce_is_added_to_the_policy_only_when_a_page_uses_one(rf):
    from django.http import HttpResponse

    from petitio.core.middleware import ContentSecurityPolicyMiddleware

    def view_with_inline_script(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    request = rf.get("/fr/")
    middleware = ContentSecurityPolicyMiddleware(view_with_inline_script)
    response = middleware(request)

    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'", f"'nonce-{request.csp_nonce}'"]


def test_the_admin_gets_its_own_looser_policy_still_without_third_parties(client, db):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert not any("nonce" in source for source in directives["script-src"])
    # The page editor frames its preview, so the admin may frame itself, no one else.
    assert directives["frame-ancestors"] == ["'self'"]
    for sources in directives.values():
        assert all(source.startswith("'") or source in ("data:", "blob:") for source in sources), (
            directives
        )


def test_cookies_are_http_only_and_same_site_lax(client, db):
    response = client.get(reverse("wagtailadmin_login"))

    csrf_cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf_cookie["httponly"] is True
    assert csrf_cookie["samesite"] == "Lax"
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_production_cookies_are_secure_and_hsts_is_on():
    # `check --deploy` above fails on any of these (security.W004, W012, W016...);
    # this says it in plain words too.
    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "petitio.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "EMAIL_HASH_KEY": "k",
        "PERSONAL_DATA_KEY": "k",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True", "True", "True"], result.stderr


def test_the_sites_scripts_never_read_cookies():
    """CSRF_COOKIE_HTTPONLY holds because no script of ours needs the CSRF cookie."""
    for script in (BASE_DIR / "petitio" / "static" / "js").glob("*.js"):
        assert "document.cookie" not in script.read_text(), script.name


# --- Templates ---------------------------------------------------------------------------

TAG = re.compile(r"<[a-zA-Z][^>]*>")
INLINE_ATTRIBUTE = re.compile(
    r"""\s(style|on[a-z]+)\s*=|(?:href|src|action)\s*=\s*["']?\s*javascript:"""
)


def served_templates():
    """Every HTML template of the project except emails (mail clients need inline styles)."""
    for path in sorted((BASE_DIR / "petitio").glob("**/templates/**/*.html")):
        if "emails" not in path.parts:
            yield path


def test_no_template_has_inline_scripts_styles_or_event_handlers():
    problems = []
    for path in served_templates():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(BASE_DIR)
        for script in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in script.group(0) and "application/json" not in script.group(0):
                problems.append(f"{name}: inline {script.group(0)}")
        if re.search(r"<style\b", text):
            problems.append(f"{name}: <style> element")
        for tag in TAG.finditer(text):
            if INLINE_ATTRIBUTE.search(tag.group(0)):
                problems.append(f"{name}: {tag.group(0)[:80]}")
    assert not problems, "\n".join(problems)


# --- The demo site, walked -------------------------------------------------------------


@pytest.fixture
def demo_site(db, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    assert build_demo_site() is True


def petition_page_in(language: str) -> PetitionPage:
    return PetitionPage.objects.live().filter(locale__language_code=language).first()


def stand_in_argument(converter, language: str):
    if isinstance(converter, IntConverter):
        return petition_page_in(language).pk
    if isinstance(converter, UUIDConverter):
        return uuid.uuid4()
    return BAD_TOKEN


def namespace_urls(namespace: str, language: str) -> list[str]:
    """A URL for every route of an app namespace, in `language`, with stand-in arguments:
    a live petition page for numbers, an invalid token for strings."""
    resolver = get_resolver()
    if namespace not in resolver.namespace_dict:
        return []
    _prefix, app_resolver = resolver.namespace_dict[namespace]
    urls = []
    with translation.override(language):
        for pattern in app_resolver.url_patterns:
            assert isinstance(pattern, URLPattern), pattern
            kwargs = {
                name: stand_in_argument(converter, language)
                for name, converter in pattern.pattern.converters.items()
            }
            urls.append(reverse(f"{namespace}:{pattern.name}", kwargs=kwargs))
    return urls


def public_urls() -> list[str]:
    urls = ["/"]
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        urls.append(url)
        if isinstance(page, NewsIndexPage):
            urls += [url + page.reverse_subpage(name) for name in ("atom_feed", "rss_feed")]
    for language in LANGUAGES:
        for namespace in NO_STORE_NAMESPACES:
            urls += namespace_urls(namespace, language)
        urls.append(f"/{language}/this-page-does-not-exist/")
    slug = PetitionPage.objects.live().first().petition.slug
    urls += [
        "/api/v1/petitions",
        "/api/v1/petitions?lang=nl",
        f"/api/v1/petitions/{slug}",
        "/api/v1/openapi.json",
        "/api/v1/docs",
    ]
    return sorted(set(urls))


def third_party(value: str, own_hosts: set[str]) -> bool:
    parts = urlsplit(value.strip())
    if parts.scheme in ("data", "blob"):
        return False
    return bool(parts.netloc) and parts.hostname not in own_hosts


def resource_urls(html: str):
    """(where, URL) of everything an HTML page makes the browser fetch."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        attributes = RESOURCE_ATTRIBUTES.get(element.name, ())
        if element.name == "link":
            relations = {relation.lower() for relation in element.get_attribute_list("rel")}
            if relations & LOADING_LINK_RELATIONS:
                attributes = ("href", "imagesrcset")
        for attribute in attributes:
            value = str(element.get(attribute) or "")
            if not value:
                continue
            candidates = value.split(",") if "srcset" in attribute else [value]
            for candidate in candidates:
                if candidate.strip():
                    yield f"<{element.name} {attribute}>", candidate.split()[0]
        if element.get("style"):
            yield from css_urls(str(element["style"]), f"<{element.name} style>")
        if element.name == "style":
            yield from css_urls(element.get_text(), "<style>")


def css_urls(css: str, where: str):
    for match in CSS_URL.finditer(css):
        yield where, match.group(1) or match.group(2)


def stylesheet_urls(html: str):
    """(where, URL) of the url()s inside this site's own stylesheets linked by a page."""
    for element in BeautifulSoup(html, "html.parser").find_all("link", rel="stylesheet"):
        path = urlsplit(str(element["href"])).path
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            assert found, f"stylesheet {path} not found"
            yield from css_urls(Path(found).read_text(encoding="utf-8"), path)


def json_urls(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from json_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_urls(item)
    elif isinstance(value, str) and re.match(r"^(https?:)?//", value):
        yield "JSON", value


def test_no_public_page_loads_anything_from_another_origin(client, demo_site):
    own_hosts = {"testserver", urlsplit(settings.SITE_URL).hostname}
    urls = public_urls()
    # Every kind of page is there, in every language.
    for language in LANGUAGES:
        assert f"/{language}/" in urls
        assert any(url.startswith(f"/{language}/groups/join/") for url in urls)
        assert any("/feed/atom/" in url and url.startswith(f"/{language}/") for url in urls)
    assert any(url.startswith("/fr/groups/paper-signatures/") for url in urls)
    assert len([url for url in urls if "/petitions/" in url]) >= 3 * 3

    problems = []
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        assert_strict_policy(response, url)
        content_type = response.headers.get("Content-Type", "")
        if response.status_code >= 300 and response.status_code < 400:
            continue
        if content_type.startswith("text/html"):
            html = response.content.decode()
            found = [*resource_urls(html), *stylesheet_urls(html)]
        elif content_type.startswith("application/json"):
            found = list(json_urls(json.loads(response.content)))
        else:
            found = []
        problems += [
            f"{url}: {where} {value}" for where, value in found if third_party(value, own_hosts)
        ]
    assert not problems, "third-party resources:\n" + "\n".join(problems)


def test_the_checker_sees_third_party_resources():
    html = """
      <link rel="stylesheet" href="https://cdn.example.com/a.css">
      <link rel="alternate" href="https://elsewhere.example.com/">
      <img src="/media/a.jpg" srcset="/media/a.jpg 1x, //images.example.net/a.jpg 2x">
      <div style="background: url('https://tracker.example.org/p.gif')"></div>
      <a href="https://share.example.com/?u=x">share</a>
      <form action="https://forms.example.com/"></form>
    """
    flagged = {value for _where, value in resource_urls(html) if third_party(value, {"testserver"})}

    assert flagged == {
        "https://cdn.example.com/a.css",
        "//images.example.net/a.jpg",
        "https://tracker.example.org/p.gif",
        "https://forms.example.com/",
    }


def test_forms_confirmations_and_personal_pages_are_never_cached(client, demo_site):
    urls = [
        url
        for language in LANGUAGES
        for namespace in NO_STORE_NAMESPACES
        for url in namespace_urls(namespace, language)
    ]
    assert len(urls) >= 3 * 17

    cached = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 405:  # POST-only, like the signing view
            response = client.post(url, {})
        if "no-store" not in response.headers.get("Cache-Control", ""):
            cached.append(f"{url} ({response.status_code})")
    assert not cached, "Cache-Control lacks no-store:\n" + "\n".join(cached)


def test_the_api_docs_come_from_this_site_and_ask_no_validator(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"{settings.STATIC_URL}ninja/swagger-ui-bundle.js" in html
    assert '"validatorUrl": null' in html


def test_staff_see_public_pages_under_the_same_strict_policy_without_the_userbar(
    client, petition_page
):
    # Wagtail's userbar would need inline code; base.html does not include it.
    staff = get_user_model().objects.create_superuser("ines", "ines@example.org", "pw")
    client.force_login(staff)

    response = client.get(petition_page.url)

    assert response.status_code == 200
    assert_strict_policy(response, "a petition page seen by staff")
    assert b"wagtail-userbar" not in response.content


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("fr", "Cette demande n’a pas pu être comprise"),
        ("nl", "Dit verzoek kon niet begrepen worden"),
        ("en", "This request could not be understood"),
    ],
)
def test_a_host_not_in_allowed_hosts_gets_the_bad_request_page_not_a_server_error(
    petition_page, language, title, settings
):
    """The 400 page's layout asks for the request's site: that must not raise again.
    With the page cache on (production), the first middleware's key meets the host."""
    from django.test import Client

    client = Client(raise_request_exception=False)
    try:
        for cache_seconds in (0, 30):
            settings.PUBLIC_PAGE_CACHE_SECONDS = cache_seconds
            for path in (f"/{language}/", petition_page.url, "/api/v1/petitions/unknown"):
                response = client.get(path, HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE=language)
                assert response.status_code == 400, (cache_seconds, path)
    finally:
        # What the process remembered (the site) belongs to this test's database.
        settings.PUBLIC_PAGE_CACHE_SECONDS = 0
        page_cache.forget_remembered()
    page = client.get(f"/{language}/", HTTP_HOST="evil.example")
    assert title in BeautifulSoup(page.content, "html.parser").h1.get_text()
