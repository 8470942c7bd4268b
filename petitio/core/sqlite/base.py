"""SQLite where the threads of one process queue for the write lock instead of polling.

Every transaction here is BEGIN IMMEDIATE (settings.SQLITE_OPTIONS): it takes
SQLite's single write lock at once. When the lock is taken, SQLite's busy handler
sleeps and retries (1, 2, 5, 10, ... 100 ms); under a surge, a web process's
threads spent most of their time in those sleeps while the lock was free again
within a millisecond. Here the threads of a process first queue on a mutex, so a
waiting thread starts the moment the previous one commits, and only one thread
per process competes with other processes (the worker, other web processes) at
the file level.

Contract: a thread holds its process's turn from BEGIN to COMMIT or ROLLBACK (or
until its connection closes); waiting longer than the connection's timeout raises
OperationalError("database is locked"), as SQLite itself would.
"""

from __future__ import annotations

import threading

from django.db import OperationalError
from django.db.backends.sqlite3 import base

_write_turn = threading.Lock()


class DatabaseWrapper(base.DatabaseWrapper):
    holds_write_turn = False

    def _start_transaction_under_autocommit(self) -> None:
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        if not _write_turn.acquire(timeout=timeout):
            raise OperationalError("database is locked")
        self.holds_write_turn = True
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # private in django-stubs
        except BaseException:
            self._end_write_turn()
            raise

    def _end_write_turn(self) -> None:
        if self.holds_write_turn:
            self.holds_write_turn = False
            _write_turn.release()

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # private in django-stubs
        finally:
            self._end_write_turn()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]  # private in django-stubs
        finally:
            self._end_write_turn()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]  # private in django-stubs
        finally:
            self._end_write_turn()
