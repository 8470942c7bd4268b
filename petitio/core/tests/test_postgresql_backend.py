"""The PostgreSQL backend: the health check skipped for a connection that just
answered, and the surge's statements prepared once per connection."""

from __future__ import annotations

import pytest
from django.db import connection as default_connection
from django.db import connections
from django.test.utils import CaptureQueriesContext

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


def prepared_on_server(connection) -> list[str]:
    """The statements prepared on this connection's server session."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


STATEMENT = "SELECT %s::int + 1 AS prepared_test"


def test_the_prepared_statement_cursor_prepares_once_and_reruns_with_new_values(connection):
    connection.close()  # a new session, with nothing prepared yet
    seen: list[str] = []

    def watch(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        results = []
        for value in (1, 2, 41):
            with connection.prepared_statement_cursor() as cursor:
                cursor.execute(STATEMENT, [value])
                results.append(cursor.fetchone()[0])
    assert results == [2, 3, 42]
    # Django's execute wrappers (query logging, tests' hooks) still see each run.
    assert seen == [STATEMENT] * 3
    assert [s for s in prepared_on_server(connection) if "prepared_test" in s] == [
        "SELECT $1::int + 1 AS prepared_test"
    ]


def test_the_query_log_shows_a_prepared_statement_with_its_values(connection):
    with CaptureQueriesContext(connection) as queries, connection.prepared_statement_cursor() as c:
        c.execute(STATEMENT, [41])
    assert [query["sql"] for query in queries] == ["SELECT 41::int + 1 AS prepared_test"]


def test_django_s_own_queries_are_not_prepared(connection):
    connection.close()
    for value in range(8):  # more than psycopg's threshold of 5 runs
        with connection.cursor() as cursor:
            cursor.execute(STATEMENT, [value])
    assert not [s for s in prepared_on_server(connection) if "prepared_test" in s]


def test_with_prepared_statements_off_nothing_is_prepared(connection, settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    connection.close()
    with connection.prepared_statement_cursor() as cursor:
        cursor.execute(STATEMENT, [1])
        assert cursor.fetchone() == (2,)
    assert not [s for s in prepared_on_server(connection) if "prepared_test" in s]


def test_the_prepared_statement_cursor_replaces_a_connection_that_fails_its_check(
    connection, monkeypatch
):
    connection.ensure_connection()
    monkeypatch.setattr(connection, "close_at", None)
    connection.close_if_unusable_or_obsolete()  # as between two requests
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "answered_at", 0.0)
    dropped = connection.connection
    monkeypatch.setattr(connection, "is_usable", lambda: False)
    with connection.prepared_statement_cursor() as cursor:
        cursor.execute(STATEMENT, [1])
        assert cursor.fetchone() == (2,)
    assert connection.connection is not dropped
