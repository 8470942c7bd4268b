"""CSV export of counted signatures, streamed so any size fits in flat memory.

Personal columns are filled where the server may read them (standard mode); for
sealed signatures they come out sealed, for `petitio decrypt` (see
petitio.privacy.exports).
"""

from __future__ import annotations

from collections.abc import Iterator

from petitio.privacy.exports import protected_rows_csv

from .selectors import EXPORT_COLUMNS, PERSONAL_COLUMNS, counted_signatures_for_export


def counted_signatures_csv(*, petition_id: int) -> Iterator[str]:
    return protected_rows_csv(
        columns=EXPORT_COLUMNS,
        personal_fields=PERSONAL_COLUMNS,
        rows=counted_signatures_for_export(petition_id=petition_id),
    )
