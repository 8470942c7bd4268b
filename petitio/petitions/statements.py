"""The confirmation's statements as SQL built once per database.

A confirmation is the second surge after a campaign's signing surge: everyone who
signed clicks the link in their email. Through the ORM, confirming cost three
compiled queries (the locked read of the signature with its petition, save(), and
the count shard's update); compiling them, not running them, was about 70% of the
request's CPU (cProfile of the confirmation POST). Here each statement is written
once per database alias, from the models' own table and column names, and each
value goes through its field's get_db_prep_value() as the ORM would send it. On
PostgreSQL each is also prepared once per connection (fixed_statement_cursor).

The writes run in the caller's transaction and change nothing when their
condition does not hold; the caller then takes the ORM's slower path, which says
why (services.confirm_signature). The read serves the page with the button.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import cache

from django.db import connections, router

from petitio.core.prepared_insert import fixed_statement_cursor

from .models import Petition, Signature, SignatureCountShard


@cache
def _confirm_pending_sql(alias: str) -> str:
    quote = connections[alias].ops.quote_name
    signature, petition = Signature._meta, Petition._meta

    def column(model_meta, name: str) -> str:
        return quote(model_meta.get_field(name).column)

    return (
        f"UPDATE {quote(signature.db_table)} "  # noqa: S608 - the models' own names
        f"SET {column(signature, 'status')} = %s, {column(signature, 'confirmed_at')} = %s "
        f"WHERE {column(signature, 'public_id')} = %s AND {column(signature, 'status')} = %s "
        f"AND {column(signature, 'petition')} IN ("
        f"SELECT {column(petition, 'id')} FROM {quote(petition.db_table)} "
        f"WHERE {column(petition, 'status')} = %s AND ({column(petition, 'deadline')} IS NULL "
        f"OR {column(petition, 'deadline')} > %s)) "
        f"RETURNING {column(signature, 'petition')}, {column(signature, 'flags')}"
    )


@cache
def _signature_state_sql(alias: str) -> str:
    quote = connections[alias].ops.quote_name
    signature = Signature._meta
    petition_id, status, public_id = (
        quote(signature.get_field(name).column) for name in ("petition", "status", "public_id")
    )
    return (
        f"SELECT {petition_id}, {status} FROM {quote(signature.db_table)} "  # noqa: S608 - as above
        f"WHERE {public_id} = %s"
    )


@cache
def _add_to_shard_sql(alias: str) -> str:
    quote = connections[alias].ops.quote_name
    shard = SignatureCountShard._meta
    delta = quote(shard.get_field("delta").column)
    return (
        f"UPDATE {quote(shard.db_table)} SET {delta} = {delta} + %s "  # noqa: S608 - as above
        f"WHERE {quote(shard.get_field('petition').column)} = %s "
        f"AND {quote(shard.get_field('shard').column)} = %s"
    )


def confirm_if_pending(public_id: uuid.UUID, now: datetime) -> tuple[int, bool] | None:
    """Mark the signature confirmed at `now` if it is pending and its petition accepts
    signatures at `now` (Petition.accepts_signatures); return its petition's id and
    whether it counts (no abuse flag), or None when nothing matched.

    On PostgreSQL the UPDATE takes the signature's row lock, as the ORM path's
    SELECT ... FOR UPDATE does, and a concurrent withdrawal or confirmation is seen
    as it committed: the condition is checked again once the lock is free.
    """
    connection = connections[router.db_for_write(Signature)]
    confirmed_at = Signature._meta.get_field("confirmed_at")
    deadline = Petition._meta.get_field("deadline")
    params = [
        Signature.Status.CONFIRMED.value,
        confirmed_at.get_db_prep_value(now, connection),
        Signature._meta.get_field("public_id").get_db_prep_value(public_id, connection),
        Signature.Status.PENDING.value,
        Petition.Status.OPEN.value,
        deadline.get_db_prep_value(now, connection),
    ]
    with fixed_statement_cursor(connection) as cursor:
        cursor.execute(_confirm_pending_sql(connection.alias), params)
        row = cursor.fetchone()
    if row is None:
        return None
    petition_id, flags = row
    return petition_id, not flags


def add_to_shard(*, petition_id: int, shard: int, by: int) -> bool:
    """Add `by` to one count shard of the petition; False if that shard does not exist."""
    connection = connections[router.db_for_write(SignatureCountShard)]
    with fixed_statement_cursor(connection) as cursor:
        cursor.execute(_add_to_shard_sql(connection.alias), [by, petition_id, shard])
        return cursor.rowcount > 0


def signature_state(public_id: uuid.UUID) -> tuple[int, str] | None:
    """The signature's petition id and status, or None if there is no such signature."""
    connection = connections[router.db_for_read(Signature)]
    public_id_field = Signature._meta.get_field("public_id")
    with fixed_statement_cursor(connection) as cursor:
        cursor.execute(
            _signature_state_sql(connection.alias),
            [public_id_field.get_db_prep_value(public_id, connection)],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row is not None else None
