"""Warming a new web process: which pages, through the application, and never a failed start."""

from __future__ import annotations

import logging

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from petitio.conftest import make_petition_page
from petitio.core import warm_up as warm_up_module
from petitio.core.warm_up import warm_up, warm_up_paths
from petitio.petitions.models import Petition


class ConnectionsSpy:
    """Stands in for django.db.connections: closing the test's own would end its
    transaction."""

    closed = 0

    def close_all(self) -> None:
        self.closed += 1


@pytest.fixture
def connections_spy(monkeypatch) -> ConnectionsSpy:
    spy = ConnectionsSpy()
    monkeypatch.setattr(warm_up_module, "connections", spy)
    return spy


def test_the_paths_are_the_open_petitions_pages_counts_home_pages_and_layout(
    petition_page, home_page
):
    closed = make_petition_page(home_page, slug="closed-one", status=Petition.Status.CLOSED)
    paths = list(warm_up_paths())
    assert petition_page.url in paths
    assert closed.url not in paths
    slug = petition_page.petition.slug
    for language in ("fr", "nl", "en"):
        assert f"/api/v1/petitions/{slug}?lang={language}" in paths
        assert f"/{language}/" in paths
        assert f"/{language}/signatures/confirm/warm-up/" in paths
    assert not [path for path in paths if "closed-one" in path]


@pytest.fixture
def connections_kept_open_between_requests():
    """As Django's test client does: a request's end must not close the connection
    holding the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_warming_up_gets_every_path_through_the_application_then_closes_connections(
    petition_page, connections_spy, connections_kept_open_between_requests
):
    seen: list[tuple[str, str, int]] = []
    handler = WSGIHandler()

    def application(environ, start_response):
        def recording_start_response(status, headers, exc_info=None):
            seen.append((environ["PATH_INFO"], environ["QUERY_STRING"], int(status.split()[0])))
            return start_response(status, headers, exc_info)

        return handler(environ, recording_start_response)

    warm_up(application)
    assert [(path, query) for path, query, _ in seen] == [
        tuple(path.partition("?")[::2]) for path in warm_up_paths()
    ]
    statuses = {path: status for path, _, status in seen}
    assert statuses[petition_page.url] == 200
    assert statuses[f"/api/v1/petitions/{petition_page.petition.slug}"] == 200
    assert statuses["/fr/signatures/confirm/warm-up/"] == 400
    assert connections_spy.closed == 1


def test_a_failure_while_warming_up_is_logged_and_the_process_starts(
    petition_page, connections_spy, caplog
):
    def broken(environ, start_response):
        raise RuntimeError("the database is not migrated yet")

    with caplog.at_level(logging.INFO, logger="petitio.core.warm_up"):
        warm_up(broken)  # does not raise
    assert "Warming up stopped early" in caplog.text
    assert "Warmed up with 0 pages" in caplog.text
    assert connections_spy.closed == 1
