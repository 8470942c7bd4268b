"""PostgreSQL, with the health check skipped for a connection that just answered,
and cursors whose statements the server parses and plans once per connection.

With CONN_HEALTH_CHECKS, Django runs `SELECT 1` before the first query of every
request, so that a connection the server dropped (a restart, a failover) is
replaced instead of failing the request. Under a surge that is a round trip and
a wake-up of a PostgreSQL backend for each signature: 12% of a web process's time
in `make bench` (py-spy), for connections that answered a moment before.

Here a connection that served a request without error less than
RECENTLY_ANSWERED_SECONDS ago is taken as healthy; one idle for longer is checked
as before. Contract: as Django's, except that a server dropping the connection
within that second of its last answer fails the next request on it, as a drop in
the middle of a request would; the connection is then closed (Django's
errors_occurred check) and the following request opens a new one.

prepared_statement_cursor() is for the few statements a surge runs for every
request, built once with new values each time (the signature and its email task,
the confirmation). Django sends each statement with its values written into the
text, which PostgreSQL parses and plans anew every time. A prepared statement
(psycopg's `prepare=True`, values sent apart) is parsed and planned once per
connection: the PostgreSQL backend's CPU per signature went from 0.72 to 0.48 ms
(signing POSTs through the whole application, in alternating batches of 250; the
statement alone, 0.50 against 0.29 ms). A pooler between Django and PostgreSQL must then
keep prepared statements per server connection (PgBouncer 1.21 and later, with
max_prepared_statements set), or the setting DATABASE_PREPARED_STATEMENTS=0 turns
them off.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db.backends.postgresql import base, operations

RECENTLY_ANSWERED_SECONDS = 1.0


class PreparingCursor(base.ServerBindingCursor):
    """Sends the values apart from the SQL and runs every statement as a prepared one."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        # Django reads the text psycopg sent, which a prepared statement's run lacks
        # (only its name and values travel): the text with the values written in.
        if isinstance(cursor, PreparingCursor):
            return self.compose_sql(sql, params)
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
    # Set by Django's BaseDatabaseWrapper.__init__ (django-stubs leaves them out).
    health_check_enabled: bool
    health_check_done: bool
    # time.monotonic() when a request last finished using this connection without
    # an error; 0 for none yet.
    answered_at = 0.0

    def close_if_unusable_or_obsolete(self) -> None:
        # Called as each request starts and finishes: health_check_done is true only
        # between a request's first query and its end.
        used_without_error = (
            self.connection is not None and self.health_check_done and not self.errors_occurred
        )
        super().close_if_unusable_or_obsolete()
        if used_without_error and self.connection is not None:
            self.answered_at = time.monotonic()

    def close_if_health_check_failed(self) -> None:
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and time.monotonic() - self.answered_at < RECENTLY_ANSWERED_SECONDS
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def get_connection_params(self):
        params = super().get_connection_params()
        if settings.DATABASE_PREPARED_STATEMENTS and params.get("prepare_threshold") is None:
            # Django turns preparing off (None) by default, which makes psycopg ignore
            # prepare=True too. Django's own cursors bind their values client-side and
            # never prepare, whatever this says: only PreparingCursor's statements are
            # prepared (and any server-binding cursor's after 5 runs, psycopg's default).
            params["prepare_threshold"] = 5
        return params

    def prepared_statement_cursor(self):
        """A cursor like cursor()'s (health check, thread check, query logging, execute
        wrappers), whose statements are prepared once per connection and then only
        run with new values. For a statement text that never changes and runs for
        every request; cursor() when DATABASE_PREPARED_STATEMENTS is off.
        """
        if not settings.DATABASE_PREPARED_STATEMENTS:
            return self.cursor()
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            return self._prepare_cursor(PreparingCursor(self.connection))
