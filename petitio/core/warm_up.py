"""Warm a freshly started web process before it takes its first visitor.

A new process compiles its templates, reads its translation catalogues, builds
its URL resolvers and opens its database connection on the first requests that
need them: the first campaign page view took 235 ms and each other language 40 ms
more, where a warm one takes under a millisecond. Started during a surge (a
restart, a replaced node, a scaled-out one), the process made its first few
hundred visitors queue behind that: in `make bench`, all the page views over
200 ms were in the first second.

warm_up() sends the pages a surge is made of through the application itself,
before the server hands the process any connection: the live pages of the open
petitions in every language (at most WARM_UP_PETITIONS of them), their live
counts, the home pages, and the pages signers meet after signing (a refused
link, which renders the site's layout). Nothing is written but what those views
write anyway (their cached pages), and nothing it meets stops the start: a
failure is logged and the process serves as it would have without it.
"""

from __future__ import annotations

import io
import logging
import sys
import time
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

WARM_UP_PETITIONS = 10


def warm_up(application: Callable) -> None:
    """GET each of warm_up_paths() through `application` (a WSGI callable), then
    close the database connections it opened (a server that forks after loading
    the application must not share them between processes)."""
    started = time.monotonic()
    answered = 0
    try:
        for path in warm_up_paths():
            status = _get(application, path)
            answered += 1
            if status >= 500:
                logger.warning("Warming up: %s answered %s.", path, status)
    except Exception:
        logger.exception("Warming up stopped early; the process serves all the same.")
    finally:
        connections.close_all()
    logger.info("Warmed up with %d pages in %.2f s.", answered, time.monotonic() - started)


def warm_up_paths() -> Iterable[str]:
    """The paths a surge is made of, open petitions first (see the module's docstring)."""
    from petitio.petitions.models import Petition, PetitionPage

    open_petitions = list(
        Petition.objects.filter(status=Petition.Status.OPEN)
        .order_by("-pk")
        .values_list("pk", "slug")[:WARM_UP_PETITIONS]
    )
    pages = (
        PetitionPage.objects.live()
        .filter(petition_id__in=[pk for pk, _slug in open_petitions])
        .select_related("locale")
    )
    for page in pages:
        if page.url:
            yield page.url
    for _pk, slug in open_petitions:
        for language, _name in settings.LANGUAGES:
            yield f"/api/v1/petitions/{slug}?lang={language}"
    for language, _name in settings.LANGUAGES:
        yield f"/{language}/"
        # A link that is not valid: its refusal renders the layout every signer's
        # confirmation page is made of.
        yield f"/{language}/signatures/confirm/warm-up/"


def _get(application: Callable, path: str) -> int:
    """GET `path` as the reverse proxy in front of the site would pass it on."""
    site = urlsplit(settings.SITE_URL)
    host = site.netloc or "localhost"
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": site.hostname or "localhost",
        "SERVER_PORT": str(site.port or (443 if site.scheme == "https" else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_X_FORWARDED_FOR": "127.0.0.1",
        "HTTP_USER_AGENT": "petitio-warm-up",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    statuses: list[str] = []

    def start_response(status: str, headers: list, exc_info: object = None) -> None:
        statuses.append(status)

    body = application(environ, start_response)
    try:
        for _chunk in body:
            pass
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return int(statuses[0].split()[0]) if statuses else 0
