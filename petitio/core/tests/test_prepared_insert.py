"""insert_one stores exactly what save(force_insert=True) stores, and falls back to it;
prepare_insert can skip conflicting rows; insert_pair writes both rows or neither."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.db.models import F, signals
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from petitio.core import prepared_insert
from petitio.core.prepared_insert import insert_one, insert_pair, prepare_insert
from petitio.petitions.models import Signature

pytestmark = pytest.mark.django_db


def stored(model, pk) -> dict:
    return model.objects.filter(pk=pk).values().get()


def test_a_row_with_an_auto_key_is_stored_as_save_stores_it(petition):
    by_save = Signature(petition=petition, email_digest="a" * 64, country="BE", locale="fr")
    by_save.save(force_insert=True)
    by_insert = Signature(petition=petition, email_digest="b" * 64, country="BE", locale="fr")
    insert_one(by_insert)
    assert by_insert.pk is not None
    assert not by_insert._state.adding
    assert by_insert._state.db == "default"
    saved, inserted = stored(Signature, by_save.pk), stored(Signature, by_insert.pk)
    different = {"id", "public_id", "email_digest", "created_at"}
    assert {k: v for k, v in saved.items() if k not in different} == {
        k: v for k, v in inserted.items() if k not in different
    }
    assert inserted["public_id"] == by_insert.public_id
    assert inserted["created_at"] == by_insert.created_at


def test_the_statement_is_compiled_once_and_reused(petition, monkeypatch):
    compiled = []
    compile_statement = prepared_insert._compile

    def counting(*args):
        compiled.append(args)
        return compile_statement(*args)

    monkeypatch.setattr(prepared_insert, "_statements", {})
    monkeypatch.setattr(prepared_insert, "_compile", counting)
    with CaptureQueriesContext(connection) as queries:
        for letter in "cdef":
            insert_one(
                Signature(petition=petition, email_digest=letter * 64, country="NL", locale="nl")
            )
    assert len(compiled) == 1
    assert len(queries) == 4
    assert Signature.objects.filter(country="NL").count() == 4


def test_a_row_with_a_given_key_and_json_is_stored_as_save_stores_it():
    task = DBTaskResult(
        id=uuid.uuid4(),
        args_kwargs={"args": [], "kwargs": {"name": "Zoë", "n": [1, 2]}},
        task_path="petitio.example",
        backend_name="default",
    )
    insert_one(task)
    row = DBTaskResult.objects.get(pk=task.pk)
    assert row.args_kwargs == {"args": [], "kwargs": {"name": "Zoë", "n": [1, 2]}}
    assert row.enqueued_at == task.enqueued_at
    assert row.status == "READY"


def test_a_duplicate_raises_integrity_error_and_stores_nothing_more(petition):
    insert_one(Signature(petition=petition, email_digest="g" * 64, country="BE", locale="fr"))
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_one(Signature(petition=petition, email_digest="g" * 64, country="BE", locale="fr"))
    assert Signature.objects.filter(email_digest="g" * 64).count() == 1


def test_save_signals_are_sent_as_save_sends_them():
    seen = []

    def before(sender, instance, raw, using, update_fields, **kwargs):
        seen.append(("pre_save", sender, instance.pk, raw, using, update_fields))

    def after(sender, instance, created, raw, using, update_fields, **kwargs):
        seen.append(("post_save", sender, instance.pk, created, raw, using, update_fields))

    signals.pre_save.connect(before, sender=Group)
    signals.post_save.connect(after, sender=Group)
    try:
        group = Group(name="with receivers")
        insert_one(group)
    finally:
        signals.pre_save.disconnect(before, sender=Group)
        signals.post_save.disconnect(after, sender=Group)
    assert seen == [
        ("pre_save", Group, None, False, "default", None),
        ("post_save", Group, group.pk, True, False, "default", None),
    ]


def test_expression_values_go_through_save(petition):
    first = Signature(petition=petition, email_digest="h" * 64, country="BE", locale="fr")
    insert_one(first)
    second = Signature(petition=petition, email_digest="i" * 64, country="BE", locale="fr")
    second.created_at = F("created_at")  # an expression: save() decides what to do with it
    with pytest.raises(ValueError, match="can only be used to update, not to insert"):
        insert_one(second)


def a_task_row(**changes) -> DBTaskResult:
    values = {
        "id": uuid.uuid4(),
        "args_kwargs": {"args": [], "kwargs": {}},
        "task_path": "petitio.example",
        "backend_name": "default",
    }
    return DBTaskResult(**(values | changes))


def test_a_skipped_conflict_stores_nothing_and_says_so(petition):
    first = Signature(petition=petition, email_digest="j" * 64, country="BE", locale="fr")
    assert prepare_insert(first, ignore_conflicts=True).execute() is True
    assert first.pk is not None
    again = Signature(petition=petition, email_digest="j" * 64, country="NL", locale="nl")
    assert prepare_insert(again, ignore_conflicts=True).execute() is False
    assert again.pk is None
    assert again._state.adding
    assert Signature.objects.filter(email_digest="j" * 64).get().country == "BE"


def test_skipping_conflicts_does_not_hide_other_violations(petition):
    # SQLite's INSERT OR IGNORE would skip a NOT NULL violation as if it were a duplicate.
    broken = Signature(petition=petition, email_digest="k" * 64, country=None, locale="fr")
    with pytest.raises(IntegrityError), transaction.atomic():
        prepare_insert(broken, ignore_conflicts=True).execute()


def test_a_pair_is_stored_together(petition):
    signature = Signature(petition=petition, email_digest="l" * 64, country="BE", locale="fr")
    task = a_task_row(args_kwargs={"args": [], "kwargs": {"signature": str(signature.public_id)}})
    with CaptureQueriesContext(connection) as queries:
        assert insert_pair(signature, task) is True
    assert signature.pk == Signature.objects.get(public_id=signature.public_id).pk
    assert not signature._state.adding and not task._state.adding
    assert DBTaskResult.objects.get(pk=task.pk).args_kwargs["kwargs"]["signature"] == str(
        signature.public_id
    )
    assert stored(DBTaskResult, task.pk)["enqueued_at"] == task.enqueued_at
    if connection.vendor == "postgresql":
        # One statement: one round trip, atomic without a BEGIN or COMMIT of its own.
        assert len(queries) == 1
    else:
        assert [q["sql"].split()[0] for q in queries.captured_queries].count("INSERT") == 2


def test_a_conflicting_pair_stores_neither(petition):
    insert_one(Signature(petition=petition, email_digest="m" * 64, country="BE", locale="fr"))
    task = a_task_row()
    repeated = Signature(petition=petition, email_digest="m" * 64, country="BE", locale="fr")
    assert insert_pair(repeated, task) is False
    assert repeated.pk is None
    assert not DBTaskResult.objects.filter(pk=task.pk).exists()


def test_a_pair_whose_second_row_fails_stores_neither(petition):
    signature = Signature(petition=petition, email_digest="n" * 64, country="BE", locale="fr")
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_pair(signature, a_task_row(task_path=None))
    assert not Signature.objects.filter(email_digest="n" * 64).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pair_outside_any_transaction_commits_both_or_neither(petition):
    signature = Signature(petition=petition, email_digest="o" * 64, country="BE", locale="fr")
    with pytest.raises(IntegrityError):
        insert_pair(signature, a_task_row(task_path=None))
    assert not Signature.objects.filter(email_digest="o" * 64).exists()
    signature = Signature(petition=petition, email_digest="o" * 64, country="BE", locale="fr")
    task = a_task_row()
    assert insert_pair(signature, task) is True
    assert Signature.objects.filter(email_digest="o" * 64).exists()
    assert DBTaskResult.objects.filter(pk=task.pk).exists()
