"""CSV export of a group's members, streamed, cells neutralised against formulas."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from petitio.petitions.exports import _Echo, neutralise_cell

from .selectors import MEMBER_EXPORT_FIELDS, members_for_export


def members_csv(*, group_id: int) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # Byte order mark: spreadsheets then read UTF-8 names correctly.
    yield writer.writerow(MEMBER_EXPORT_FIELDS)
    for row in members_for_export(group_id=group_id):
        yield writer.writerow([neutralise_cell(value) for value in row])
