"""The PostgreSQL backend's health check: skipped for a connection that just answered."""

from __future__ import annotations

import pytest
from django.db import connection as default_connection
from django.db import connections

from petitio.core.postgresql import base as postgresql_backend

pytestmark = [
    pytest.mark.skipif(default_connection.vendor != "postgresql", reason="PostgreSQL only"),
    # Requests run in autocommit, outside a test transaction; serialized_rollback as
    # the other such tests, which reload the content the migrations made.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def connection():
    """The connection itself, not django.db.connection's proxy to it (which
    monkeypatch cannot restore)."""
    return connections["default"]


def a_request(connection, uses_database: bool = True) -> None:
    """What Django does around a request: close_old_connections() as it starts and
    finishes, and the view's queries in between."""
    connection.close_if_unusable_or_obsolete()
    if uses_database:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    connection.close_if_unusable_or_obsolete()


def test_only_a_connection_idle_for_a_second_is_checked(connection, monkeypatch):
    connection.ensure_connection()  # before patching what connecting sets
    # Not closed for its age (CONN_MAX_AGE) midway: a new connection is not checked.
    monkeypatch.setattr(connection, "close_at", None)
    connection.close_if_unusable_or_obsolete()  # as between two requests
    clock = Clock()
    monkeypatch.setattr(postgresql_backend, "time", clock)
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "answered_at", 0.0)
    checks: list[float] = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(clock.now) or True)

    a_request(connection)  # never answered a request yet: checked
    clock.now += 0.5
    a_request(connection)  # answered half a second ago: not checked
    clock.now += 0.9
    a_request(connection)  # the previous request answered 0.9 s ago: not checked
    a_request(connection, uses_database=False)  # a request that did not use it does not count
    clock.now += 1.1
    a_request(connection)  # 1.1 s since its last answer: checked
    assert checks == [1000.0, 1002.5]


def test_a_connection_that_fails_its_check_is_replaced(connection, monkeypatch):
    connection.ensure_connection()
    monkeypatch.setattr(connection, "close_at", None)
    connection.close_if_unusable_or_obsolete()  # as between two requests
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "answered_at", 0.0)
    dropped = connection.connection
    monkeypatch.setattr(connection, "is_usable", lambda: False)
    connection.close_if_health_check_failed()  # the check fails: the connection goes
    assert connection.connection is None
    with connection.cursor() as cursor:  # and a new one answers
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert connection.connection is not dropped
