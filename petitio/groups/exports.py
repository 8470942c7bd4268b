"""CSV export of a group's members, streamed; sealed records stay sealed for
`petitio decrypt` (see petitio.privacy.exports)."""

from __future__ import annotations

from collections.abc import Iterator

from petitio.privacy.exports import protected_rows_csv

from .selectors import MEMBER_EXPORT_COLUMNS, MEMBER_PERSONAL_COLUMNS, members_for_export


def members_csv(*, group_id: int) -> Iterator[str]:
    return protected_rows_csv(
        columns=MEMBER_EXPORT_COLUMNS,
        personal_fields=MEMBER_PERSONAL_COLUMNS,
        rows=members_for_export(group_id=group_id),
    )
