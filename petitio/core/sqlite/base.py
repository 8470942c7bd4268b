"""SQLite where writers queue for the write lock instead of polling for it.

Every transaction here is BEGIN IMMEDIATE (settings.SQLITE_OPTIONS): it takes
SQLite's single write lock at once. When the lock is taken, SQLite's busy handler
sleeps and retries (1, 2, 5, 10, ... 100 ms); under a surge, web processes spent
most of their time in those sleeps while the lock was free again within a
millisecond, and the machine sat idle. Here a writer takes two turns first:

1. its process's turn, a mutex the threads of one process queue on;
2. the machine's turn, an exclusive flock() on a file beside the database
   (`<database>-writeturn`), which the web processes, the task workers and the
   commands using this backend queue on.

A statement that writes outside a transaction (autocommit: Django's save() and
QuerySet.update() outside atomic(), as the task worker's bookkeeping runs) is a
transaction of its own, and takes both turns around it the same way.

So at most one connection at a time asks SQLite for the write lock, and gets it
at once; the next writer starts the moment the previous one commits. The kernel
releases a flock when its process dies, so a crashed writer blocks nobody. Other
programs (the sqlite3 shell, a backup) still meet SQLite's own lock and its busy
timeout, as before.

Contract: a connection holds both turns from BEGIN to COMMIT or ROLLBACK (or
until it closes), or for one writing statement in autocommit mode; waiting longer
than the connection's timeout raises OperationalError("database is locked"), as
SQLite itself would.

Checkpoints (copying the write-ahead log back into the database file, with an
fsync of each) happen outside the turns too. SQLite's automatic checkpoint runs
inside the COMMIT that crosses its threshold: there it held the machine's turn
for its fsyncs, 7 to 8 ms every 80 or so signatures, while every other writer
waited. Here automatic checkpoints are off, and each connection runs a PASSIVE
checkpoint (which waits for no reader or writer) once it has given the turns
back after a COMMIT, when CHECKPOINT_EVERY_COMMITS of its commits (writing
statements outside a transaction included) came since its last one.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from django.db import OperationalError
from django.db.backends.sqlite3 import base

_write_turn = threading.Lock()

# Waiting for another process's turn: first tries at once, then every 50 µs
# doubling to 1 ms. flock() has no timeout of its own, and a blocking call that
# nothing can interrupt would outlast the connection's timeout.
_FIRST_PAUSE = 0.00005
_LONGEST_PAUSE = 0.001


class _MachineTurn:
    """An exclusive flock() on one file, opened once per process.

    flock() belongs to an open file: a descriptor inherited across fork (a
    gunicorn worker) would share its parent's lock, so each process opens its own.
    """

    def __init__(self) -> None:
        self.descriptors: dict[tuple[int, str], int] = {}

    def descriptor(self, path: str) -> int:
        key = (os.getpid(), path)
        if key not in self.descriptors:
            self.descriptors[key] = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        return self.descriptors[key]

    def acquire(self, path: str, timeout: float) -> bool:
        descriptor = self.descriptor(path)
        deadline = time.monotonic() + timeout
        pause = _FIRST_PAUSE
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(pause)
                pause = min(pause * 2, _LONGEST_PAUSE)

    def release(self, path: str) -> None:
        fcntl.flock(self.descriptor(path), fcntl.LOCK_UN)


_machine_turn = _MachineTurn()


# A connection's commits between two of its checkpoints. With a few writing
# processes the log stays within some megabytes (SQLite's own threshold is 1000
# pages, 4 MB), and a checkpoint, whoever runs it, covers every process's commits.
CHECKPOINT_EVERY_COMMITS = 64

# The first word of statements that write: outside a transaction each is one.
# (WITH may only read; taking the turn for it costs a moment, missing it a stall.)
_WRITING_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "WITH", "CREATE", "DROP", "ALTER")


class _TurnTakingCursor(base.SQLiteCursorWrapper):
    """A cursor whose writing statements outside a transaction take the write turns."""

    database: DatabaseWrapper

    def execute(self, query, params=None):  # type: ignore[no-untyped-def]  # as SQLiteCursorWrapper
        if self.database.statement_needs_turn(query):
            with self.database.write_turn_for_one_statement():
                return super().execute(query, params)
        return super().execute(query, params)

    def executemany(self, query, param_list):  # type: ignore[no-untyped-def]  # as SQLiteCursorWrapper
        if self.database.statement_needs_turn(query):
            with self.database.write_turn_for_one_statement():
                return super().executemany(query, param_list)
        return super().executemany(query, param_list)


class DatabaseWrapper(base.DatabaseWrapper):
    holds_write_turn = False
    commits_since_checkpoint = 0

    def init_connection_state(self) -> None:
        super().init_connection_state()
        # Never inside a COMMIT, under the write turns: see checkpoint_now_and_then().
        self.connection.execute("PRAGMA wal_autocheckpoint=0")

    def write_turn_path(self) -> str | None:
        """The file whose flock() is the machine's turn; None for in-memory databases."""
        if self.is_in_memory_db():
            return None
        return f"{self.settings_dict['NAME']}-writeturn"

    def create_cursor(self, name=None):  # type: ignore[no-untyped-def]  # as Django's
        cursor = self.connection.cursor(factory=_TurnTakingCursor)
        cursor.database = self
        return cursor

    def statement_needs_turn(self, query: str) -> bool:
        """Whether `query` writes as a transaction of its own (autocommit, none open)."""
        return (
            not self.holds_write_turn
            and not self.connection.in_transaction
            and query.lstrip()[:7].upper().startswith(_WRITING_STATEMENTS)
        )

    @contextmanager
    def write_turn_for_one_statement(self) -> Iterator[None]:
        self._take_write_turn()
        try:
            yield
        finally:
            self._end_write_turn()
        # Counted, not checkpointed here: the statement's cursor may still be open.
        self.commits_since_checkpoint += 1

    def checkpoint_now_and_then(self) -> None:
        """After a COMMIT, with the turns given back: every CHECKPOINT_EVERY_COMMITS
        commits, copy what the log holds into the database file (PASSIVE: what no
        reader still needs, without waiting for anyone)."""
        self.commits_since_checkpoint += 1
        if self.commits_since_checkpoint < CHECKPOINT_EVERY_COMMITS or self.is_in_memory_db():
            return
        self.commits_since_checkpoint = 0
        # An error means another connection is checkpointing: the log is in hand.
        with suppress(sqlite3.OperationalError):
            self.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _take_write_turn(self) -> None:
        """Both turns, or OperationalError("database is locked") after the timeout."""
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        started = time.monotonic()
        if not _write_turn.acquire(timeout=timeout):
            raise OperationalError("database is locked")
        path = self.write_turn_path()
        remaining = timeout - (time.monotonic() - started)
        if path is not None and not _machine_turn.acquire(path, remaining):
            _write_turn.release()
            raise OperationalError("database is locked")
        self.holds_write_turn = True

    def _start_transaction_under_autocommit(self) -> None:
        self._take_write_turn()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # private in django-stubs
        except BaseException:
            self._end_write_turn()
            raise

    def _end_write_turn(self) -> None:
        if self.holds_write_turn:
            self.holds_write_turn = False
            path = self.write_turn_path()
            try:
                if path is not None:
                    _machine_turn.release(path)
            finally:
                _write_turn.release()

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # private in django-stubs
        finally:
            self._end_write_turn()
        self.checkpoint_now_and_then()

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
