"""The SQLite backend's write turns (the process's and the machine's): taken for a
transaction, always given back."""

from __future__ import annotations

import fcntl
import os
import threading
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError, connection, transaction

from petitio.core.sqlite.base import DatabaseWrapper, _write_turn

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend only"),
]


class Boom(Exception):
    pass


def test_the_turn_is_held_for_a_transaction_and_given_back_after_commit_or_rollback():
    assert not _write_turn.locked()
    with transaction.atomic():
        assert _write_turn.locked()
        Group.objects.create(name="committed")
    assert not _write_turn.locked()
    with pytest.raises(Boom), transaction.atomic():
        Group.objects.create(name="rolled back")
        raise Boom
    assert not _write_turn.locked()
    assert Group.objects.filter(name="committed").exists()
    assert not Group.objects.filter(name="rolled back").exists()


def test_threads_of_one_process_write_in_turn_without_losing_anything():
    failures: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            for number in range(25):
                with transaction.atomic():
                    Group.objects.create(name=f"{prefix}-{number}")
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert Group.objects.filter(name__regex=r"^t[0-3]-").count() == 100
    assert not _write_turn.locked()


def held_by_someone(path) -> bool:
    """Whether another open file holds the flock() on path (it fails to take it)."""
    descriptor = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return False
    finally:
        os.close(descriptor)


def test_a_file_database_transaction_holds_the_machine_turn_until_it_ends(tmp_path):
    """Other processes queue on the flock() beside the file, not in SQLite's busy loop."""
    database = tmp_path / "turn.sqlite3"
    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(database)}, alias="turn")
    turn = f"{database}-writeturn"
    try:
        wrapper.ensure_connection()
        wrapper.set_autocommit(False)
        wrapper._start_transaction_under_autocommit()
        assert held_by_someone(turn)
        wrapper.cursor().execute("CREATE TABLE t (x integer)")
        wrapper.commit()
        assert not held_by_someone(turn)
        assert not _write_turn.locked()
        wrapper._start_transaction_under_autocommit()
        wrapper.rollback()
        assert not held_by_someone(turn)
    finally:
        wrapper.close()
    assert not _write_turn.locked()


def test_waiting_longer_than_the_timeout_for_the_machine_turn_is_database_is_locked(tmp_path):
    database = tmp_path / "busy.sqlite3"
    settings_dict = {**connection.settings_dict, "NAME": str(database)}
    settings_dict["OPTIONS"] = {**settings_dict.get("OPTIONS", {}), "timeout": 0.05}
    wrapper = DatabaseWrapper(settings_dict, alias="busy")
    other_process = os.open(f"{database}-writeturn", os.O_RDWR | os.O_CREAT)
    fcntl.flock(other_process, fcntl.LOCK_EX)
    try:
        wrapper.ensure_connection()
        wrapper.set_autocommit(False)
        with pytest.raises(OperationalError, match="database is locked"):
            wrapper._start_transaction_under_autocommit()
        assert not _write_turn.locked()
    finally:
        os.close(other_process)
        wrapper.close()


def test_a_write_outside_a_transaction_queues_for_the_machine_turn_and_a_read_does_not(
    tmp_path,
):
    """An autocommit UPDATE (save(), update() outside atomic) is a transaction too."""
    database = tmp_path / "autocommit.sqlite3"
    settings_dict = {**connection.settings_dict, "NAME": str(database)}
    settings_dict["OPTIONS"] = {**settings_dict.get("OPTIONS", {}), "timeout": 0.05}
    wrapper = DatabaseWrapper(settings_dict, alias="autocommit")
    try:
        wrapper.ensure_connection()
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x integer)")
            cursor.execute("INSERT INTO t VALUES (1)")
        assert not held_by_someone(f"{database}-writeturn")
        assert not _write_turn.locked()
        other_process = os.open(f"{database}-writeturn", os.O_RDWR)
        fcntl.flock(other_process, fcntl.LOCK_EX)
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("SELECT x FROM t")
                assert cursor.fetchall() == [(1,)]
                with pytest.raises(OperationalError, match="database is locked"):
                    cursor.execute("UPDATE t SET x = 2")
                assert not _write_turn.locked()
        finally:
            os.close(other_process)
        with wrapper.cursor() as cursor:
            cursor.execute("UPDATE t SET x = 3")
            cursor.execute("SELECT x FROM t")
            assert cursor.fetchall() == [(3,)]
        assert not held_by_someone(f"{database}-writeturn")
    finally:
        wrapper.close()
    assert not _write_turn.locked()


def test_checkpoints_happen_after_commits_outside_the_turns_never_inside_them(tmp_path):
    from petitio.core.sqlite import base

    database = tmp_path / "checkpoints.sqlite3"
    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(database)}, alias="wal")
    checkpoints, checkpoints_under_the_turn = [], []
    try:
        wrapper.ensure_connection()
        assert wrapper.connection.execute("PRAGMA wal_autocheckpoint").fetchone() == (0,)
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x integer, padding text)")
        wrapper.set_autocommit(False)
        raw_execute = wrapper.connection.execute

        def watched(sql, *args):
            if "wal_checkpoint" in sql:
                checkpoints.append(sql)
                if wrapper.holds_write_turn or _write_turn.locked():
                    checkpoints_under_the_turn.append(sql)
            return raw_execute(sql, *args)

        wrapper.connection = mock.Mock(wraps=wrapper.connection, execute=watched)
        for number in range(base.CHECKPOINT_EVERY_COMMITS - 2):
            with wrapper.cursor() as cursor:
                cursor.execute("INSERT INTO t VALUES (%s, %s)", [number, "x" * 3000])
            wrapper.commit()
        # The rows are in the log only: the database file has not grown (no automatic
        # checkpoint inside a COMMIT).
        assert not checkpoints
        assert database.stat().st_size < 100_000
        with wrapper.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (-1, '')")
        wrapper.commit()
        assert checkpoints == ["PRAGMA wal_checkpoint(PASSIVE)"]
        assert database.stat().st_size > 150_000  # copied into the file
        assert not checkpoints_under_the_turn
    finally:
        wrapper.connection = getattr(wrapper.connection, "_mock_wraps", wrapper.connection)
        wrapper.close()
