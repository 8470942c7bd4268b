"""Insert one model instance with its INSERT statement compiled once, not per save().

Django builds and compiles an InsertQuery for every save(): on the signing path,
which inserts a signature and its email task per request, that compilation was
about a third of the request's CPU (py-spy, `make bench`). insert_one() compiles
the statement the first time a model is inserted through a database alias and
reuses it; each value still goes through its field's pre_save() and
get_db_prep_save(), as in save(), so defaults, auto_now_add and JSON or UUID
conversion are the same.

Contract: insert_one(instance) does what instance.save(force_insert=True) would
for a new row: pre_save and post_save are sent as save() sends them, the same
columns get the same values, the primary key and other returned columns are set
on the instance, and `_state` is marked as saved. Where the shortcut could differ
from save(), it calls save(force_insert=True) instead: models with parents
(multi-table inheritance) or order_with_respect_to, values that are database
expressions, and returned columns that need converting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Field, Model, signals
from django.db.models.sql import InsertQuery


@dataclass(frozen=True)
class _Statement:
    sql: str
    returning_fields: tuple[Field, ...]
    returning_params: tuple[Any, ...]


# (model, database alias, whether the primary key is given) -> compiled statement;
# None when the statement's result would need converting (save() then).
_statements: dict[tuple[type[Model], str, bool], _Statement | None] = {}


def insert_one(instance: Model, *, using: str | None = None) -> None:
    """INSERT `instance` as a new row, as instance.save(force_insert=True) would."""
    model = type(instance)
    meta = model._meta
    using = using or router.db_for_write(model, instance=instance)
    if meta.parents or meta.order_with_respect_to or meta.auto_created:
        instance.save(force_insert=True, using=using)
        return
    instance._prepare_related_fields_for_save(operation_name="save")  # type: ignore[attr-defined]  # private in django-stubs
    if instance.pk is None:
        pk_value = meta.pk.get_pk_value_on_save(instance)
        if pk_value is not None:
            setattr(instance, meta.pk.attname, pk_value)
    pk_given = instance.pk is not None
    fields = tuple(
        field
        for field in meta.local_concrete_fields
        if not field.generated and (pk_given or field is not meta.auto_field)
    )
    if any(hasattr(getattr(instance, field.attname), "resolve_expression") for field in fields):
        instance.save(force_insert=True, using=using)
        return
    signals.pre_save.send(
        sender=model, instance=instance, raw=False, using=using, update_fields=None
    )
    values = [field.pre_save(instance, add=True) for field in fields]
    key = (model, using, pk_given)
    if key not in _statements:
        _statements[key] = _compile(instance, using, fields)
        # Compiling ran pre_save(): run it again so that what is stored is what the
        # instance holds (auto_now_add took the time anew).
        values = [field.pre_save(instance, add=True) for field in fields]
    statement = _statements[key]
    if statement is None:
        instance.save(force_insert=True, using=using)
        return
    connection = connections[using]
    params = [
        field.get_db_prep_save(value, connection=connection)
        for field, value in zip(fields, values, strict=True)
    ]
    # As save(): an error inside atomic() marks the transaction for rollback.
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(statement.sql, params)
        if statement.returning_fields:
            if connection.features.can_return_columns_from_insert:
                row = connection.ops.fetch_returned_insert_columns(  # type: ignore[attr-defined]  # missing in django-stubs
                    cursor, statement.returning_params
                )
            else:
                row = (connection.ops.last_insert_id(cursor, meta.db_table, str(meta.pk.column)),)
            for field, value in zip(statement.returning_fields, row, strict=True):
                setattr(instance, field.attname, value)
    instance._state.adding = False
    instance._state.db = using
    signals.post_save.send(
        sender=model, instance=instance, created=True, update_fields=None, raw=False, using=using
    )


def _compile(instance: Model, using: str, fields: tuple[Field, ...]) -> _Statement | None:
    """The statement Django's save() would run for this kind of insert, with plain
    values (the caller checked); None if its returned columns need converting."""
    meta = type(instance)._meta
    returning_fields = tuple(meta.db_returning_fields)
    query = InsertQuery(type(instance))
    query.insert_values(fields, [instance])
    compiler = query.get_compiler(using=using)
    compiler.returning_fields = list(returning_fields)
    columns = [field.get_col(meta.db_table) for field in returning_fields]
    if compiler.get_converters(columns):
        return None
    [(sql, _params)] = compiler.as_sql()
    return _Statement(
        sql=sql,
        returning_fields=returning_fields,
        returning_params=tuple(getattr(compiler, "returning_params", ())),
    )
