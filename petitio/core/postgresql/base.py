"""PostgreSQL, with the health check skipped for a connection that just answered.

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
"""

from __future__ import annotations

import time

from django.db.backends.postgresql import base

RECENTLY_ANSWERED_SECONDS = 1.0


class DatabaseWrapper(base.DatabaseWrapper):
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
