"""CSV export of confirmed signatures, streamed so any size fits in flat memory."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from .selectors import EXPORT_FIELDS, confirmed_signatures_for_export

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> str:
    """The cell as text, prefixed with an apostrophe if a spreadsheet would run it."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write returns the line, for csv.writer streaming."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[tuple]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # Byte order mark: spreadsheets then read UTF-8 names correctly.
    yield writer.writerow(EXPORT_FIELDS)
    for row in rows:
        yield writer.writerow([neutralise_cell(value) for value in row])


def confirmed_signatures_csv(*, petition_id: int) -> Iterator[str]:
    return csv_lines(confirmed_signatures_for_export(petition_id=petition_id))
