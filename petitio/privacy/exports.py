"""Streamed CSV exports of rows that hold protected personal data.

Every export has the clear columns asked for, the personal columns (names,
address...) and a last column, `sealed_personal_data`. Where the server may read
a record (standard mode) the personal columns are filled and the last one is
empty; where the record is sealed, the personal columns are empty and the last one
holds the sealed record, which `petitio decrypt` opens on a staff computer with
the private key, filling the personal columns in.

Cells are neutralised against spreadsheet formulas; a byte order mark makes
spreadsheets read UTF-8 names correctly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

from petitio.core.spreadsheet import neutralise_cell

from .personal_data import is_sealed, reveal_record

SEALED_COLUMN = "sealed_personal_data"


class _Echo:
    """A file-like object whose write returns the line, for csv.writer streaming."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """CSV text, line by line, with a byte order mark and neutralised cells."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([neutralise_cell(value) for value in row])


def protected_rows_csv(
    *, columns: Sequence[str], personal_fields: Sequence[str], rows: Iterable[dict]
) -> Iterator[str]:
    """CSV of `rows` (dicts with the `columns` and `personal_data`).

    `columns` names the output columns in order; those in `personal_fields` come
    from the protected record, the others from the row itself.
    """

    def cells(row: dict) -> list[object]:
        stored = row.get("personal_data") or ""
        record = reveal_record(stored) or {}
        values = [
            record.get(name, "") if name in personal_fields else row.get(name) for name in columns
        ]
        return [*values, stored if is_sealed(stored) else ""]

    return csv_lines([*columns, SEALED_COLUMN], (cells(row) for row in rows))
