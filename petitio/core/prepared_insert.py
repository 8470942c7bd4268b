"""Insert model instances with their INSERT statements compiled once, not per save().

Django builds and compiles an InsertQuery for every save(): on the signing path,
which inserts a signature and its email task per request, that compilation was
about a third of the request's CPU (py-spy, `make bench`). Here a statement is
compiled the first time a kind of insert runs through a database alias and reused;
each value still goes through its field's pre_save() and get_db_prep_save(), as in
save(), so defaults, auto_now_add and JSON or UUID conversion are the same.

Three entry points:

- insert_one(instance): what instance.save(force_insert=True) does for a new row.
- prepare_insert(instance, ...).execute(): the same in two steps, so that
  everything but the statement itself happens before a transaction starts, and
  optionally skipping a row that would break a unique constraint.
- insert_pair(first, then): the outbox write. `first` unless it conflicts, and
  `then` only if `first` was stored, atomically: on PostgreSQL in one statement
  (one round trip, no BEGIN or COMMIT of its own), elsewhere in a transaction
  that holds the write lock for two prepared statements and nothing else.

Contract shared by all: pre_save and post_save are sent as save() sends them, the
same columns get the same values, the primary key and other returned columns are
set on the instance, and `_state` is marked as saved. Where the shortcut could
differ from save(), save(force_insert=True) runs instead (and a conflict is then
an IntegrityError, caught inside a savepoint): models with parents (multi-table
inheritance) or order_with_respect_to, values that are database expressions, and
returned columns that need converting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model, signals
from django.db.models.sql import InsertQuery


@dataclass(frozen=True)
class _Statement:
    sql: str
    fields: tuple[Field, ...]
    returning_fields: tuple[Field, ...]
    returning_params: tuple[Any, ...]


# (model, database alias, whether the primary key is given, whether conflicts are
# skipped) -> compiled statement; None when its result would need converting.
_statements: dict[tuple[type[Model], str, bool, bool], _Statement | None] = {}
# (first's statement, then's statement) -> the single statement writing both.
_pair_statements: dict[tuple[str, str], str | None] = {}


@dataclass
class PreparedInsert:
    """One row's INSERT, compiled and with its parameters ready: only execute() is left.

    `statement` is None when the row must go through save() (see the module's
    docstring); execute() then does that.
    """

    instance: Model
    using: str
    statement: _Statement | None
    params: list[Any]
    ignore_conflicts: bool

    def execute(self) -> bool:
        """Run the INSERT; True if the row was stored, False if a conflict skipped it."""
        if self.statement is None:
            return self._save()
        connection = connections[self.using]
        # As save(): an error inside atomic() marks the transaction for rollback.
        with transaction.mark_for_rollback_on_error(self.using), connection.cursor() as cursor:
            cursor.execute(self.statement.sql, self.params)
            if self.statement.returning_fields:
                returned = _fetch_returned(connection, cursor, self.statement, self.instance)
                if returned is None:
                    return False
                self.set_returned(returned)
            elif self.ignore_conflicts and cursor.rowcount == 0:
                return False
        self.mark_saved()
        return True

    def set_returned(self, row: tuple[Any, ...]) -> None:
        assert self.statement is not None
        for field, value in zip(self.statement.returning_fields, row, strict=True):
            setattr(self.instance, field.attname, value)

    def mark_saved(self) -> None:
        instance = self.instance
        instance._state.adding = False
        instance._state.db = self.using
        signals.post_save.send(
            sender=type(instance),
            instance=instance,
            created=True,
            update_fields=None,
            raw=False,
            using=self.using,
        )

    def _save(self) -> bool:
        if not self.ignore_conflicts:
            self.instance.save(force_insert=True, using=self.using)
            return True
        try:
            with transaction.atomic(using=self.using):
                self.instance.save(force_insert=True, using=self.using)
        except IntegrityError:
            return False
        return True


def prepare_insert(
    instance: Model, *, using: str | None = None, ignore_conflicts: bool = False
) -> PreparedInsert:
    """Send pre_save and compute what `instance`'s INSERT will store, without running it.

    With ignore_conflicts, a row that would break a unique constraint is skipped
    (execute() returns False) instead of raising IntegrityError.
    """
    model = type(instance)
    meta = model._meta
    using = using or router.db_for_write(model, instance=instance)

    def by_save() -> PreparedInsert:
        return PreparedInsert(instance, using, None, [], ignore_conflicts)

    if meta.parents or meta.order_with_respect_to or meta.auto_created:
        return by_save()
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
        return by_save()
    signals.pre_save.send(
        sender=model, instance=instance, raw=False, using=using, update_fields=None
    )
    key = (model, using, pk_given, ignore_conflicts)
    if key not in _statements:
        # Compiling runs pre_save(); the values are taken afterwards, so what is
        # stored is what the instance holds.
        _statements[key] = _compile(instance, using, fields, ignore_conflicts)
    statement = _statements[key]
    if statement is None:
        return by_save()
    connection = connections[using]
    params = [
        field.get_db_prep_save(field.pre_save(instance, add=True), connection=connection)
        for field in fields
    ]
    return PreparedInsert(instance, using, statement, params, ignore_conflicts)


def insert_one(instance: Model, *, using: str | None = None) -> None:
    """INSERT `instance` as a new row, as instance.save(force_insert=True) would."""
    prepare_insert(instance, using=using).execute()


def insert_pair(first: Model, then: Model) -> bool:
    """Store `first` unless it breaks a unique constraint, and `then` only if it was stored.

    Both or neither are committed: the outbox write (a signature and its email
    task). `then` must not depend on values the database makes for `first` (give
    it `first`'s UUID rather than its auto-increment key). Returns whether the
    pair was stored; a conflict stores nothing and changes nothing.
    """
    first_insert = prepare_insert(first, ignore_conflicts=True)
    then_insert = prepare_insert(then, using=first_insert.using)
    pair_sql = _pair_statement(first_insert, then_insert)
    if pair_sql is None:
        with transaction.atomic(using=first_insert.using):
            return first_insert.execute() and then_insert.execute()
    connection = connections[first_insert.using]
    assert first_insert.statement is not None
    with (
        transaction.mark_for_rollback_on_error(first_insert.using),
        fixed_statement_cursor(connection) as cursor,
    ):
        # In autocommit mode one statement is its own transaction.
        cursor.execute(pair_sql, [*first_insert.params, *then_insert.params])
        returned = _fetch_returned(connection, cursor, first_insert.statement, first)
    if returned is None:
        return False
    first_insert.set_returned(returned)
    first_insert.mark_saved()
    then_insert.mark_saved()
    return True


def fixed_statement_cursor(connection: BaseDatabaseWrapper):
    """A cursor for a statement whose text never changes and that runs for every
    request of a surge: prepared once per connection where the backend can
    (petitio.core.postgresql), an ordinary cursor elsewhere."""
    prepared_statement_cursor = getattr(connection, "prepared_statement_cursor", None)
    if prepared_statement_cursor is None:
        return connection.cursor()
    return prepared_statement_cursor()


def _fetch_returned(connection, cursor, statement: _Statement, instance: Model):
    """The returned columns of a one-row INSERT, or None if it stored nothing."""
    if connection.features.can_return_columns_from_insert:
        return connection.ops.fetch_returned_insert_columns(  # type: ignore[attr-defined]  # missing in django-stubs
            cursor, statement.returning_params
        )
    if cursor.rowcount == 0:
        return None
    meta = type(instance)._meta
    return (connection.ops.last_insert_id(cursor, meta.db_table, str(meta.pk.column)),)


def _pair_statement(first: PreparedInsert, then: PreparedInsert) -> str | None:
    """On PostgreSQL, one statement that inserts `then` only if `first` was inserted:

        WITH first_row AS (INSERT ... ON CONFLICT DO NOTHING RETURNING ...),
             then_row AS (INSERT INTO ... SELECT CAST(%s AS type), ... FROM first_row)
        SELECT * FROM first_row

    (every data-modifying WITH clause runs, read or not). None where that does not
    apply: other databases, rows that go through save(), `first` returning nothing
    to select on, or fields with placeholders of their own.
    """
    if first.statement is None or then.statement is None or then.statement.returning_fields:
        return None
    key = (first.statement.sql, then.statement.sql)
    if key not in _pair_statements:
        _pair_statements[key] = _compile_pair(first, then)
    return _pair_statements[key]


def _compile_pair(first: PreparedInsert, then: PreparedInsert) -> str | None:
    connection = connections[first.using]
    assert first.statement is not None and then.statement is not None
    if connection.vendor != "postgresql" or not first.statement.returning_fields:
        return None
    if any(hasattr(field, "get_placeholder") for field in then.statement.fields):
        return None
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(field.column)) for field in then.statement.fields)
    # Parameters in a SELECT list have no column to take their type from: cast them.
    values = ", ".join(
        f"CAST(%s AS {field.cast_db_type(connection)})" for field in then.statement.fields
    )
    then_table = quote(type(then.instance)._meta.db_table)
    # Only quoted names, Django's compiled SQL and placeholders: no value is in the text.
    return (
        f"WITH first_row AS ({first.statement.sql}), "  # noqa: S608
        f"then_row AS (INSERT INTO {then_table} ({columns}) SELECT {values} FROM first_row) "
        "SELECT * FROM first_row"
    )


def _compile(
    instance: Model, using: str, fields: tuple[Field, ...], ignore_conflicts: bool
) -> _Statement | None:
    """The statement Django's save() would run for this kind of insert, with plain
    values (the caller checked); None if its returned columns need converting.

    Skipping conflicts is `ON CONFLICT DO NOTHING`, which only unique constraints
    trigger, rather than SQLite's `INSERT OR IGNORE` (Django's choice), which would
    also swallow a NOT NULL or CHECK violation as if the row had been a duplicate.
    """
    meta = type(instance)._meta
    connection = connections[using]
    returning_fields = tuple(meta.db_returning_fields)
    columns = [field.get_col(meta.db_table) for field in returning_fields]
    query = InsertQuery(type(instance))
    query.insert_values(fields, [instance])
    compiler = query.get_compiler(using=using)
    if compiler.get_converters(columns):
        return None
    if ignore_conflicts and connection.vendor not in ("sqlite", "postgresql"):
        return None
    returning_params: tuple[Any, ...] = ()
    if returning_fields and not connection.features.can_return_columns_from_insert:
        if ignore_conflicts:
            return None
        compiler.returning_fields = list(returning_fields)
        [(sql, _params)] = compiler.as_sql()
    else:
        [(sql, _params)] = compiler.as_sql()  # without RETURNING: added below
        if ignore_conflicts:
            sql += " ON CONFLICT DO NOTHING"
        if returning_fields:
            returning_sql, params = connection.ops.return_insert_columns(list(returning_fields))  # type: ignore[attr-defined]  # missing in django-stubs
            sql = f"{sql} {returning_sql}"
            returning_params = tuple(params)
    return _Statement(
        sql=sql,
        fields=fields,
        returning_fields=returning_fields,
        returning_params=returning_params,
    )
