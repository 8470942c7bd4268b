"""Browser journeys: Playwright drives Debian's Chromium against pytest-django's live server.

Where is Chromium? $PETITIO_CHROMIUM when set (and then only there), else
/usr/bin/chromium, else `chromium` on the PATH. Without one the journeys skip, saying
why, unless PETITIO_REQUIRE_BROWSER=1 (CI), which turns the skip into a failure.

The live server runs in this process: tasks run at once and email lands in
django.core.mail.outbox, where the journeys pick up their confirmation links.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django would otherwise
# refuse ORM calls made from the test body (fixtures, assertions on rows).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CALL_FAILED = pytest.StashKey[bool]()
SKIP_MESSAGE = "No Chromium found (install Debian's chromium); browser tests skipped"


def pytest_collection_modifyitems(config, items):
    # Without Chromium (and without PETITIO_REQUIRE_BROWSER=1) skip at once, before
    # any fixture creates a test database for nothing; with it, `browser` fails loudly.
    skip = None
    if find_chromium() is None and os.environ.get("PETITIO_REQUIRE_BROWSER") != "1":
        skip = pytest.mark.skip(reason=SKIP_MESSAGE)
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            if skip is not None:
                item.add_marker(skip)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


def keep_evidence(request, page) -> None:
    """On failure, save a screenshot and the HTML of the page where the journey stopped."""
    if not request.node.stash.get(CALL_FAILED, False):
        return
    folder = Path(os.environ.get("PETITIO_E2E_ARTIFACTS", tempfile.gettempdir())) / "petitio-e2e"
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # noqa: BLE001 - evidence is best effort
        print(f"could not keep evidence of the failure: {error}")
    else:
        print(f"failure evidence: {stem}.png, {stem}.html (page {page.url})")


def find_chromium() -> str | None:
    """The Chromium executable to drive, or None. $PETITIO_CHROMIUM, when set, is exclusive."""
    override = os.environ.get("PETITIO_CHROMIUM")
    candidates = [override] if override else ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker) -> str | None:
    """What the migrations put in the test database (Wagtail's root page, default site,
    locale, collection...), as serialized by pytest-django when the database was created.

    Read before Playwright starts: once its event loop runs, Django's connection
    handler (context-local) hands out a fresh connection object that no longer carries
    the serialized contents, so pytest-django's own serialized rollback silently does
    nothing. `carry_serialized_contents` puts this copy back on the new connection.
    """
    from django.db import connections

    return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture(scope="session")
def browser(migrated_data):
    executable = find_chromium()
    if executable is None:
        where = os.environ.get("PETITIO_CHROMIUM") or "/usr/bin/chromium or chromium on PATH"
        if os.environ.get("PETITIO_REQUIRE_BROWSER") == "1":
            pytest.fail(
                f"PETITIO_REQUIRE_BROWSER=1 but no Chromium was found (looked at {where}). "
                "Install Debian's chromium or point PETITIO_CHROMIUM at one.",
                pytrace=False,
            )
        pytest.skip(SKIP_MESSAGE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        carry_serialized_contents(migrated_data)
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def new_page(request, browser, **options):
    # English browser: the admin follows Accept-Language; public pages their URL prefix.
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-US", **options
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        yield page
        keep_evidence(request, page)
    finally:
        context.close()


@pytest.fixture
def page(request, browser):
    yield from new_page(request, browser)


@pytest.fixture
def no_js_page(request, browser):
    """A page in a browser context with JavaScript disabled."""
    yield from new_page(request, browser, java_script_enabled=False)


def carry_serialized_contents(migrated_data: str | None) -> None:
    """Put the serialized migration data on the connection this context now uses.

    Done as soon as Playwright runs, before any test's database setup: pytest-django
    (its autouse live-server helper) prepares the transactional database before other
    function fixtures, and Django only restores the data, and keeps post-migrate
    signals quiet when flushing, if the connection carries it.
    """
    from django.db import connections

    connection = connections["default"]
    if migrated_data and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = migrated_data


@pytest.fixture
def demo_site(
    browser, transactional_db, django_db_serialized_rollback, live_server, settings, migrated_data
):
    """The demo site (fr/nl/en), served by the live server, with email links pointing to it.

    Live-server tests cannot run inside a rolled-back transaction, so the database is
    flushed after each one and restored to what the migrations created before the
    next (requesting django_db_serialized_rollback makes pytest-django serialize
    that data when it creates the test database).
    """
    from django.core.cache import cache
    from wagtail.models import Page

    from petitio.content.demo import build_demo_site

    assert migrated_data, "the test database was not serialized when it was created"
    assert Page.get_first_root_node() is not None, "Wagtail's root page was not restored"

    settings.SITE_URL = live_server.url
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost", "127.0.0.1"]
    settings.CSRF_TRUSTED_ORIGINS = [*settings.CSRF_TRUSTED_ORIGINS, live_server.url]
    cache.clear()
    assert build_demo_site() is True
    yield live_server
    cache.clear()
