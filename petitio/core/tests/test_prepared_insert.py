"""insert_one stores exactly what save(force_insert=True) stores, and falls back to it."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.db.models import F, signals
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from petitio.core import prepared_insert
from petitio.core.prepared_insert import insert_one
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
