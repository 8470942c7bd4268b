"""The SQLite backend's write turn: taken for a transaction, always given back."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction

from petitio.core.sqlite.base import _write_turn

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
