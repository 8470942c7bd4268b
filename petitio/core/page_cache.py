"""A short-lived cache of public pages for anonymous visitors: the surge path.

During a campaign surge nearly every request is one of a few anonymous GETs: the
campaign page in three languages and the live count its script asks for. Each is
rendered once per settings.PUBLIC_PAGE_CACHE_SECONDS (per process with the
local-memory cache, per deployment with Redis) and served from the cache in
between, so a surge of readers costs a cache lookup each, not a page render.
Published edits show within that many seconds; an answer that says
`Cache-Control: max-age=N` with a smaller N (the count API) is kept only N seconds.

The middleware comes first in settings.MIDDLEWARE: a stored answer is replayed
without running any other middleware, and it was stored with every header the
others added (HSTS, CSP, Referrer-Policy ...), which are the same for every
anonymous visitor of that URL and scheme. In production, StoredPageFront wraps
the WSGI application and replays it before Django even builds a request, for a
request that says exactly what an earlier one did whose answer the middleware
stored (see StoredPageFront).

Why not Django's cache middleware: it cannot give each visitor a fresh signed
form timestamp (abuse control needs one per page view, see below), and it caches
more than we want to reason about. The rules here are few and strict. A response
is stored only when all of these hold:

- the request is a GET with no cookie at all (staff, and visitors in the middle
  of a flow, always get fresh pages) and no query parameter but the harmless ones
  in CACHEABLE_QUERY_PARAMETERS (which are part of the key);
- the answer is a complete 200 that sets no cookie, varies on nothing but
  Accept-Encoding and Cookie (the request had none), has no Cache-Control that
  forbids sharing (never_cache views opt out that way), and uses no CSP nonce.

Fresh values: a view may put a registered placeholder in a page instead of a
per-view value; every HTML answer that passes through here, cached or not, gets
each placeholder replaced by a newly made value (see register_fresh_value).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus
from time import monotonic, time
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_max_age

CACHEABLE_QUERY_PARAMETERS = frozenset({"lang", "page", "utm_source", "utm_medium", "utm_campaign"})
MAX_QUERY_VALUE_LENGTH = 100
FORBIDDING_CACHE_CONTROL = frozenset({"private", "no-store", "no-cache"})
UNCACHED_PATH_PREFIXES = (settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/")

T = TypeVar("T")

_fresh_values: dict[bytes, Callable[[], str]] = {}


def register_fresh_value(placeholder: str, make: Callable[[], str]) -> None:
    """Have every HTML answer carry make() where a template wrote `placeholder`.

    The placeholder must be a string that cannot occur in content by chance.
    """
    _fresh_values[placeholder.encode("ascii")] = make


# What remember() keeps in this process too: key -> (monotonic expiry, value).
_remembered_here: dict[str, tuple[float, Any]] = {}
REMEMBERED_HERE_SECONDS = 5
REMEMBERED_HERE_MAX_ENTRIES = 10_000


def remember(key: str, build: Callable[[], T]) -> T:
    """build(), kept in the cache as long as a public page is (PUBLIC_PAGE_CACHE_SECONDS).

    For what pages are made of (menus, which page a petition continues on, a title
    and link for an email): it changes when pages are published, which shows within
    that time anyway. Each process also keeps what it got for a few seconds
    (REMEMBERED_HERE_SECONDS), so that with Redis the signing path does not pay a
    round trip for it; a change can then take that much longer to show. A None
    result is not kept. With the page cache off, build() runs every time.
    """
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    if seconds <= 0:
        return build()
    now = monotonic()
    kept = _remembered_here.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, seconds)
    if value is not None:
        if len(_remembered_here) >= REMEMBERED_HERE_MAX_ENTRIES:
            _remembered_here.clear()
        _remembered_here[key] = (now + min(seconds, REMEMBERED_HERE_SECONDS), value)
    return value


def forget_remembered() -> None:
    """For tests: what this process kept goes (the shared cache is the tests' own)."""
    _remembered_here.clear()
    forget_stored_pages_here()
    _keys_of_requests.clear()


def forget_stored_pages_here() -> None:
    """For tests: the stored answers this process keeps go (as after their second)."""
    _pages_here.clear()


# A stored answer: status, headers, body, and the time (time.time()) it expires.
StoredPage = tuple[int, list[tuple[str, str]], bytes, float]

# Stored answers this process also keeps, for at most PAGES_HERE_SECONDS and never
# past their expiry: with Redis, a surge of views of one page would otherwise cost
# a round trip and a copy of the page each (on PostgreSQL + Redis, page views and
# count requests were a third slower than on one machine).
# key -> (time.time() until which it is kept here, the stored answer)
_pages_here: dict[str, tuple[float, StoredPage]] = {}
PAGES_HERE_SECONDS = 1.0
PAGES_HERE_MAX_ENTRIES = 1_000


def stored_answer(key: str) -> StoredPage | None:
    """The answer stored under `key`, from this process if it has it, else the cache."""
    now = time()
    kept = _pages_here.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    stored = cache.get(key)
    if stored is not None:
        keep_here(key, stored, now)
    return stored


def store_answer(
    key: str, status: int, headers: list[tuple[str, str]], body: bytes, seconds: int
) -> None:
    now = time()
    stored: StoredPage = (status, headers, body, now + seconds)
    cache.set(key, stored, seconds)
    keep_here(key, stored, now)


def keep_here(key: str, stored: StoredPage, now: float) -> None:
    if len(_pages_here) >= PAGES_HERE_MAX_ENTRIES:
        _pages_here.clear()
    _pages_here[key] = (min(now + PAGES_HERE_SECONDS, stored[3]), stored)


def fill_fresh_values(body: bytes) -> bytes:
    for placeholder, make in _fresh_values.items():
        if placeholder in body:
            body = body.replace(placeholder, make().encode("ascii"))
    return body


def cache_key(request: HttpRequest) -> str | None:
    """The key a request's answer is stored under, or None if it must not be.

    The scheme is part of the key: the middleware runs before SecurityMiddleware,
    whose answer to a plain-http request (a redirect, never stored) differs.
    Static and media files are WhiteNoise's and the storage's business.
    """
    if request.method != "GET" or request.META.get("HTTP_COOKIE"):
        return None
    if request.path.startswith(UNCACHED_PATH_PREFIXES):
        return None
    query = []
    for name, values in request.GET.lists():
        if name not in CACHEABLE_QUERY_PARAMETERS or len(values) != 1:
            return None
        if len(values[0]) > MAX_QUERY_VALUE_LENGTH:
            return None
        query.append((name, values[0]))
    suffix = f"?{urlencode(sorted(query))}" if query else ""
    # v2: stored answers carry their expiry (StoredPage).
    return f"petitio:page:v2:{request.scheme}://{request.get_host()}{request.path}{suffix}"


def may_store(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - {"accept-encoding", "cookie"}:
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }
    if cache_control & FORBIDDING_CACHE_CONTROL:
        return False
    # A nonce is per response: a page using one cannot be served to anyone else.
    return not isinstance(getattr(request, "_csp_nonce", None), str)


def is_html(response: HttpResponse) -> bool:
    return not response.streaming and response.get("Content-Type", "").startswith("text/html")


def set_content(response: HttpResponse, body: bytes) -> None:
    response.content = body
    response.headers["Content-Length"] = str(len(body))


class PublicPageCacheMiddleware:
    """Serve anonymous public GETs from the cache; fill fresh values into HTML."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        key = cache_key(request) if seconds > 0 else None
        if key is not None:
            stored = stored_answer(key)
            if stored is not None:
                learn_key(request.META.get(RAW_REQUEST_ENVIRON_KEY), key)
                return self.replay(stored)
        response = self.get_response(request)
        if key is not None and may_store(request, response):
            max_age = get_max_age(response)
            if max_age is not None:
                seconds = min(seconds, max_age)
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() != "content-length"
            ]
            if seconds > 0:
                store_answer(key, response.status_code, headers, response.content, seconds)
                learn_key(request.META.get(RAW_REQUEST_ENVIRON_KEY), key)
        if is_html(response) and _fresh_values:
            set_content(response, fill_fresh_values(response.content))
        return response

    @staticmethod
    def replay(stored: StoredPage) -> HttpResponse:
        status, headers, body, _expires = stored
        response = HttpResponse(status=status)
        for name, value in headers:
            response.headers[name] = value
        set_content(response, fill_fresh_values(body) if _fresh_values else body)
        return response


# What StoredPageFront knows: a request's raw description (raw_request()) -> the
# key cache_key() computed for it.
RawRequest = tuple[str | None, ...]
_keys_of_requests: dict[RawRequest, str] = {}
# A few kilobytes each at most, a few megabytes in all: padded headers and queries
# cannot make the table large, only make it start again.
KEYS_OF_REQUESTS_MAX_ENTRIES = 5_000
RAW_REQUEST_MAX_LENGTH = 1_000
# Where StoredPageFront leaves a request's raw description for the middleware.
RAW_REQUEST_ENVIRON_KEY = "petitio.page_cache.raw_request"


def raw_request(environ: dict[str, Any]) -> RawRequest | None:
    """Every value of a WSGI environ that Django's reading of a request for
    cache_key() depends on, as the server gave it; None for a request the front
    leaves to Django: not a GET, a cookie, a Content-Type (its charset decodes the
    query), or a description longer than RAW_REQUEST_MAX_LENGTH.

    cache_key() is a function of these alone: the method and cookie, the path
    (script name, path info, and the URL a rewriting server gives instead), the
    query string, the scheme (the proxy's header, else the server's) and the host
    (the forwarded host and port where settings trust them, the Host header, else
    the server's name and port). Two requests equal here get the same key.
    """
    if (
        environ.get("REQUEST_METHOD") != "GET"
        or environ.get("HTTP_COOKIE")
        or environ.get("CONTENT_TYPE")
    ):
        return None
    proxy_header = settings.SECURE_PROXY_SSL_HEADER[0] if settings.SECURE_PROXY_SSL_HEADER else ""
    raw = (
        environ.get("SCRIPT_NAME"),
        environ.get("SCRIPT_URL"),
        environ.get("REDIRECT_URL"),
        environ.get("PATH_INFO"),
        environ.get("QUERY_STRING"),
        environ.get(proxy_header),
        environ.get("wsgi.url_scheme"),
        environ.get("HTTP_X_FORWARDED_HOST") if settings.USE_X_FORWARDED_HOST else None,
        environ.get("HTTP_X_FORWARDED_PORT") if settings.USE_X_FORWARDED_PORT else None,
        environ.get("HTTP_HOST"),
        environ.get("SERVER_NAME"),
        environ.get("SERVER_PORT"),
    )
    if sum(len(value) for value in raw if value) > RAW_REQUEST_MAX_LENGTH:
        return None
    return raw


def learn_key(raw: RawRequest | None, key: str) -> None:
    """Let StoredPageFront answer requests described as `raw` from `key`'s answer.

    Learnt only where an answer is stored: pages that never are (a signer's
    confirmation link, a 404) would fill the table and cost a second cache lookup.
    """
    if raw is None:
        return
    if len(_keys_of_requests) >= KEYS_OF_REQUESTS_MAX_ENTRIES:
        _keys_of_requests.clear()
    _keys_of_requests[raw] = key


class StoredPageFront:
    """The WSGI application, behind a replay of stored public pages.

    Under a surge nearly every request is a repeat of one the middleware keyed and
    stored a moment ago: replaying it cost about 0.24 ms of CPU in-process, three
    quarters of it Django's request and response objects, its signals and the
    middleware's key (the host's validation, the query's parsing). Here a request
    whose raw description (raw_request()) equals one whose answer Django keyed and
    stored is answered from that key's stored answer, fresh values filled in,
    before Django sees it; anything else, or a key whose answer has expired, goes
    to Django as before, and the middleware keys and stores it.

    Nothing is decided here that Django has not decided for the same values: the
    host was validated, the scheme read and the query judged when the key was
    computed, from what the server gave for that request. The description is taken
    before Django changes the environ (it decodes the path in place), and handed to
    the middleware in it.
    """

    def __init__(self, application: Callable[..., Iterable[bytes]]) -> None:
        self.application = application

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        raw = raw_request(environ) if settings.PUBLIC_PAGE_CACHE_SECONDS > 0 else None
        if raw is not None:
            key = _keys_of_requests.get(raw)
            stored = stored_answer(key) if key is not None else None
            if stored is not None:
                return self.replay(stored, start_response)
            environ[RAW_REQUEST_ENVIRON_KEY] = raw
        return self.application(environ, start_response)

    @staticmethod
    def replay(stored: StoredPage, start_response: Callable) -> list[bytes]:
        status, headers, body, _expires = stored
        if _fresh_values:
            body = fill_fresh_values(body)
        start_response(
            f"{status} {HTTPStatus(status).phrase}",
            [*headers, ("Content-Length", str(len(body)))],
        )
        return [body]
