"""The public page cache: what it stores, what it never stores, and fresh form timestamps."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import time_machine
from django.core import mail, signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from petitio.core import page_cache
from petitio.core.page_cache import cache_key, remember
from petitio.petitions.abuse import form_timing_flag
from petitio.petitions.models import Petition

ISSUED = re.compile(r'name="issued" value="([^"]*)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30
    page_cache.forget_remembered()
    yield
    page_cache.forget_remembered()


def queries_for(client: Client, path: str, **extra) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    return len(captured), response


def test_an_anonymous_page_view_is_rendered_once_then_served_from_the_cache(client, petition_page):
    first_queries, first = queries_for(client, petition_page.url)
    second_queries, second = queries_for(client, petition_page.url)
    assert first.status_code == second.status_code == 200
    assert first_queries > 0
    assert second_queries == 0
    # The same page, with the headers the other middleware added to the first answer.
    for header in ("Content-Security-Policy", "Referrer-Policy", "Cross-Origin-Opener-Policy"):
        assert second[header] == first[header]
    assert second["X-Content-Type-Options"] == "nosniff"
    assert second["X-Frame-Options"] == "DENY"
    assert int(second["Content-Length"]) == len(second.content)
    assert ISSUED.sub("", second.content.decode()) == ISSUED.sub("", first.content.decode())


def test_every_view_gets_its_own_fresh_signed_form_timestamp(client, petition_page, settings):
    settings.SIGNING_FORM_MIN_SECONDS = 3
    with time_machine.travel("2026-11-24 10:00:00Z", tick=False):
        first = ISSUED.search(client.get(petition_page.url).content.decode())[1]
    with time_machine.travel("2026-11-24 10:00:02Z", tick=False):
        cached = ISSUED.search(client.get(petition_page.url).content.decode())[1]
        assert cached != first
        # Sent at once from the cached page: too fast, as with a freshly rendered one.
        assert form_timing_flag(cached) == "too-fast"
    with time_machine.travel("2026-11-24 10:00:06Z", tick=False):
        assert form_timing_flag(cached) is None


def test_https_and_http_are_kept_apart_so_plain_http_is_still_redirected(
    client, petition_page, settings
):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    secure = client.get(petition_page.url, secure=True)
    cached_queries, cached = queries_for(client, petition_page.url, secure=True)
    assert secure.status_code == cached.status_code == 200
    assert cached_queries == 0
    assert cached["Strict-Transport-Security"] == secure["Strict-Transport-Security"]
    plain = client.get(petition_page.url)
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


def test_static_files_are_left_to_whitenoise(client, petition_page):
    assert cache_key(RequestFactory().get("/static/css/site.css")) is None
    assert cache_key(RequestFactory().get("/media/images/a.jpg")) is None


def test_staff_and_visitors_with_cookies_always_get_a_fresh_page(client, petition_page):
    queries_for(client, petition_page.url)
    with_cookie, _ = queries_for(client, petition_page.url, HTTP_COOKIE="sessionid=abc")
    assert with_cookie > 0


def test_only_harmless_query_parameters_are_cached_and_they_are_part_of_the_key(
    client, petition_page
):
    queries_for(client, petition_page.url)
    tagged_queries, tagged = queries_for(client, f"{petition_page.url}?utm_source=newsletter")
    assert tagged_queries > 0  # not the untagged page
    assert 'value="newsletter"' in tagged.content.decode()
    again, _ = queries_for(client, f"{petition_page.url}?utm_source=newsletter")
    assert again == 0
    queries_for(client, f"{petition_page.url}?q=1")
    other, _ = queries_for(client, f"{petition_page.url}?q=1")
    assert other > 0


def test_the_count_lags_by_at_most_the_cache_time(client, petition_page, settings):
    """The count API says max-age=SIGNATURE_COUNT_CACHE_SECONDS and the page cache
    keeps it no longer than that, although pages stay 30 s. Real time, not a
    travelling clock: Redis expires entries by its own clock."""
    settings.SIGNATURE_COUNT_CACHE_SECONDS = 1
    api = f"/api/v1/petitions/{petition_page.petition.slug}?lang=fr"
    assert client.get(api).json()["signature_count"] == 0
    Petition.objects.filter(pk=petition_page.petition_id).update(confirmed_base=7)
    assert client.get(api).json()["signature_count"] == 0  # still the stored answer
    time.sleep(2.2)  # the page cache's second, then the listing's second
    assert client.get(api).json()["signature_count"] == 7


def stored(path: str, **extra) -> bool:
    return cache.get(cache_key(RequestFactory().get(path, **extra))) is not None


def test_answers_that_are_private_set_cookies_or_vary_are_never_stored(
    client, petition_page, valid_form_data
):
    client.get(petition_page.url)
    assert stored(petition_page.url)
    # never_cache: the confirmation page.
    client.post(f"/fr/petitions/{petition_page.pk}/sign/", valid_form_data)
    link = re.search(r"http://testserver(\S+/confirm/\S+/)", mail.outbox[-1].body)[1]
    assert client.get(link).status_code == 200
    assert not stored(link)
    # A form protected against cross-site requests sets a cookie: a group registration.
    registration = Client().get("/fr/groups/register/")
    assert registration.status_code == 200 and registration.cookies
    assert not stored("/fr/groups/register/")
    # The API without ?lang= answers in the browser's language: it varies on it.
    api = f"/api/v1/petitions/{petition_page.petition.slug}"
    response = client.get(api, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200 and "Accept-Language" in response["Vary"]
    assert not stored(api)
    assert client.get(f"{api}?lang=nl").status_code == 200
    assert stored(f"{api}?lang=nl")


def test_a_post_is_never_answered_from_the_cache(client, petition_page, valid_form_data):
    queries_for(client, petition_page.url)
    response = client.post(f"/fr/petitions/{petition_page.pk}/sign/", valid_form_data)
    assert response.status_code == 303


def test_pages_never_cached_still_take_their_menus_from_the_cache(
    client, petition_page, valid_form_data
):
    client.post(f"/fr/petitions/{petition_page.pk}/sign/", valid_form_data)
    link = re.search(r"http://testserver(\S+/confirm/\S+/)", mail.outbox[-1].body)[1]
    first, shown = queries_for(client, link)
    second, shown_again = queries_for(client, link)
    assert shown.status_code == shown_again.status_code == 200
    assert second < first
    assert shown_again.content.decode().count("<a ") == shown.content.decode().count("<a ")


def test_remembered_values_are_kept_in_the_process_a_few_seconds_then_read_again(
    monkeypatch,
):
    clock = [500.0]
    monkeypatch.setattr(page_cache, "monotonic", lambda: clock[0])
    builds = []

    def build() -> str:
        builds.append(1)
        return "built"

    assert remember("petitio:test:remembered", build) == "built"
    cache.set("petitio:test:remembered", "changed elsewhere", 30)
    clock[0] += page_cache.REMEMBERED_HERE_SECONDS - 0.1
    assert remember("petitio:test:remembered", build) == "built"  # no round trip
    clock[0] += 0.2
    assert remember("petitio:test:remembered", build) == "changed elsewhere"
    assert len(builds) == 1


def test_a_confirmation_page_costs_one_query_once_the_site_and_organisation_are_remembered(
    client, petition_page, valid_form_data
):
    """After a surge of signatures comes a surge of confirmation pages: each one
    looks up its signature; the site, the organisation's details and the menus
    around it are remembered."""
    from wagtail.models import Site

    from petitio.content.models import OrganisationSettings

    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.name = "Droits Devant"
    organisation.privacy_page = petition_page
    organisation.save()
    client.post(f"/fr/petitions/{petition_page.pk}/sign/", valid_form_data)
    link = re.search(r"http://testserver(\S+/confirm/\S+/)", mail.outbox[-1].body)[1]
    queries_for(client, link)
    count, shown = queries_for(client, link)
    assert count == 1
    html = shown.content.decode()
    assert "Droits Devant" in html
    assert f'<a href="{petition_page.url}">{petition_page.title}</a>' in html


def test_a_stored_answer_is_kept_in_the_process_a_moment_never_past_its_expiry(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(page_cache, "time", lambda: clock[0])
    page_cache.store_answer("petitio:test:page", 200, [], b"page", 30)
    page_cache.store_answer("petitio:test:count", 200, [], b"count", 1)
    cache.delete("petitio:test:page")  # gone from the shared cache (another node's view)
    clock[0] += page_cache.PAGES_HERE_SECONDS - 0.1
    assert page_cache.stored_answer("petitio:test:page")[2] == b"page"  # no round trip
    clock[0] += 0.2
    assert page_cache.stored_answer("petitio:test:page") is None  # asked the cache again

    cache.set("petitio:test:count", (200, [], b"count", 1001.0), 30)  # expires at 1001
    clock[0] = 1000.5
    assert page_cache.stored_answer("petitio:test:count")[2] == b"count"
    cache.delete("petitio:test:count")
    clock[0] = 1001.05  # within a second of the fetch, but past the answer's expiry
    assert page_cache.stored_answer("petitio:test:count") is None


class CountingApplication:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self) -> None:
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


@contextmanager
def connections_kept_open() -> Iterator[None]:
    """As Django's test client does: a request must not close the connection that
    holds the test's transaction (close_old_connections() would, on PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def wsgi_call(application, environ: dict) -> tuple[int, list[tuple[str, str]], bytes]:
    """Hand `environ` to a WSGI application as a server would; its whole answer."""
    answer: list = []
    with connections_kept_open():
        body_parts = application(
            environ, lambda status, headers, exc_info=None: answer.append((status, headers))
        )
        body = b"".join(body_parts)
        if hasattr(body_parts, "close"):
            body_parts.close()
    status, headers = answer[0]
    return int(status.split()[0]), list(headers), body


def wsgi_get(application, path: str, **environ) -> tuple[int, list[tuple[str, str]], bytes]:
    """GET `path` from a WSGI application as a server would hand it over."""
    return wsgi_call(application, RequestFactory().get(path, **environ).environ)


def new_front() -> tuple[page_cache.StoredPageFront, CountingApplication]:
    """The front and the application behind it (whose middleware read the settings now)."""
    behind = CountingApplication()
    return page_cache.StoredPageFront(behind), behind


@pytest.fixture
def front():
    return new_front()


def test_the_front_replays_a_stored_page_before_django_sees_the_request(front, petition_page):
    application, behind = front
    with time_machine.travel("2026-11-24 10:00:00Z", tick=False):
        wsgi_get(application, petition_page.url)  # rendered and stored by Django
        # Django's own replay of the stored answer, for comparison.
        by_django = wsgi_get(behind, petition_page.url)
    assert behind.calls == 2
    with (
        time_machine.travel("2026-11-24 10:00:02Z", tick=False),
        CaptureQueriesContext(connection) as queries,
    ):
        status, headers, body = wsgi_get(application, petition_page.url)
    assert (status, behind.calls, len(queries)) == (200, 2, 0)
    # The same status line's code, the same headers in the same order, once each.
    assert status == by_django[0]
    assert [name for name, _ in headers] == [name for name, _ in by_django[1]]
    assert [name.lower() for name, _ in headers].count("content-length") == 1
    values = dict(headers)
    for name, value in by_django[1]:
        if name != "Content-Length":
            assert values[name] == value, name
    assert int(values["Content-Length"]) == len(body)
    # The same page, with a signed form timestamp of its own.
    assert ISSUED.search(body.decode())[1] != ISSUED.search(by_django[2].decode())[1]
    assert ISSUED.sub("", body.decode()) == ISSUED.sub("", by_django[2].decode())


def test_the_front_replays_only_what_django_keyed_for_the_very_same_request(
    petition_page, settings
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    application, behind = new_front()
    wsgi_get(application, petition_page.url, HTTP_X_FORWARDED_PROTO="https")
    wsgi_get(application, petition_page.url, HTTP_X_FORWARDED_PROTO="https")
    assert behind.calls == 1
    # Plain http, another host, another query: each goes to Django, which decides.
    assert wsgi_get(application, petition_page.url)[0] == 301
    assert wsgi_get(application, petition_page.url, HTTP_HOST="evil.example")[0] == 400
    tagged = f"{petition_page.url}?utm_source=newsletter"
    assert wsgi_get(application, tagged, HTTP_X_FORWARDED_PROTO="https")[0] == 200
    assert behind.calls == 4
    # Each again: the refused ones were never keyed, the tagged one was.
    assert wsgi_get(application, petition_page.url)[0] == 301
    assert wsgi_get(application, petition_page.url, HTTP_HOST="evil.example")[0] == 400
    assert wsgi_get(application, tagged, HTTP_X_FORWARDED_PROTO="https")[0] == 200
    assert behind.calls == 6


def test_the_front_leaves_to_django_what_reads_a_request_differently(front, petition_page):
    """A charset decodes the query differently: Django would key that page apart.
    A header Django does not trust (X-Forwarded-Host, unless USE_X_FORWARDED_HOST)
    is not part of a request's description, so padding it adds nothing to learn."""
    application, behind = front
    tagged = f"{petition_page.url}?utm_source=caf%C3%A9"
    wsgi_get(application, tagged)
    wsgi_get(application, tagged)
    assert behind.calls == 1
    latin = wsgi_get(application, tagged, CONTENT_TYPE="text/plain; charset=latin-1")
    assert behind.calls == 2
    assert 'value="café"' in wsgi_get(application, tagged)[2].decode()
    assert 'value="café"' not in latin[2].decode()
    assert behind.calls == 2
    for padding in ("a.example", "b.example"):
        wsgi_get(application, tagged, HTTP_X_FORWARDED_HOST=padding)
    assert behind.calls == 2
    assert len(page_cache._keys_of_requests) == 1


def test_the_front_leaves_long_descriptions_to_django_and_never_learns_them(
    petition_page, settings
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    application, behind = new_front()
    padded = f"{petition_page.url}?utm_source={'x' * 40}&utm_medium={'y' * 40}"
    padding = "https," + "z" * page_cache.RAW_REQUEST_MAX_LENGTH
    wsgi_get(application, padded, HTTP_X_FORWARDED_PROTO=padding)
    wsgi_get(application, padded, HTTP_X_FORWARDED_PROTO=padding)
    assert behind.calls == 2  # the middleware's cache served the second, not the front
    assert page_cache._keys_of_requests == {}


def test_the_front_passes_on_cookies_posts_and_expired_answers(
    front, petition_page, valid_form_data
):
    application, behind = front
    wsgi_get(application, petition_page.url)
    wsgi_get(application, petition_page.url, HTTP_COOKIE="sessionid=abc")
    assert behind.calls == 2
    request = RequestFactory().post(f"/fr/petitions/{petition_page.pk}/sign/", valid_form_data)
    assert wsgi_call(application, request.environ)[0] == 303
    assert behind.calls == 3
    # The stored answer is gone (expired, evicted): Django renders and stores it again.
    cache.clear()
    page_cache.forget_stored_pages_here()
    assert wsgi_get(application, petition_page.url)[0] == 200
    assert behind.calls == 4
    wsgi_get(application, petition_page.url)
    assert behind.calls == 4


def test_the_front_learns_only_requests_whose_answer_was_stored(front, petition_page):
    application, behind = front
    assert wsgi_get(application, "/fr/no-such-page/")[0] == 404
    assert wsgi_get(application, petition_page.url)[0] == 200
    learnt_paths = {raw[3] for raw in page_cache._keys_of_requests}
    assert learnt_paths == {petition_page.url}


def test_the_front_stands_aside_when_the_page_cache_is_off(front, petition_page, settings):
    application, behind = front
    wsgi_get(application, petition_page.url)
    wsgi_get(application, petition_page.url)
    assert behind.calls == 1  # learnt and replayed
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    wsgi_get(application, petition_page.url)
    wsgi_get(application, petition_page.url)
    assert behind.calls == 3


def test_the_front_describes_a_request_as_the_server_gave_it_before_django_decodes_it(
    front, petition_page
):
    """Django decodes PATH_INFO in place: a path given as UTF-8 and one given as
    Latin-1 can look the same afterwards, so the description handed to the
    middleware is the one taken before."""
    application, behind = front
    # What the server hands over for /fr/caf%C3%A9/.
    utf8 = {"PATH_INFO": "/fr/caf\u00c3\u00a9/"}
    request = RequestFactory().get("/", **utf8)
    environ = {**request.environ, **utf8}
    raw = page_cache.raw_request(environ)
    wsgi_call(application, environ)
    assert environ["PATH_INFO"] == "/fr/caf\u00e9/"  # decoded by Django
    assert environ[page_cache.RAW_REQUEST_ENVIRON_KEY] == raw
