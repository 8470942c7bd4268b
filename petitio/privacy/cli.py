"""`petitio decrypt`: open a sealed export on a staff member's own computer.

    petitio decrypt --key organisation.key export.csv > readable.csv

Reads an export from the admin, opens each record of its `sealed_personal_data`
column with the private key (from `manage.py create_sealing_keys`), writes the
same CSV with the personal columns filled in and the sealed column dropped. Needs
no server, no database, no network: only this package and PyNaCl.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from petitio.core.spreadsheet import neutralise_cell
from petitio.privacy import crypto

SEALED_COLUMN = "sealed_personal_data"


def decrypt_export(source: Path, *, private_key: str, output) -> tuple[int, int]:
    """Write `source` with sealed records opened to `output`; return (opened, unreadable)."""
    opened = unreadable = 0
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fieldnames = list(reader.fieldnames or [])
        if SEALED_COLUMN not in fieldnames:
            raise SystemExit(f"{source}: no {SEALED_COLUMN} column; is it a Petitio export?")
        out_fields = [name for name in fieldnames if name != SEALED_COLUMN]
        output.write("\ufeff")
        writer = csv.writer(output)
        writer.writerow(out_fields)
        for line_number, row in enumerate(reader, start=2):
            sealed = row.pop(SEALED_COLUMN) or ""
            if sealed:
                try:
                    record = crypto.unseal(sealed, private_key_b64=private_key)
                except (crypto.UnreadableRecord, ValueError) as error:
                    unreadable += 1
                    print(f"line {line_number}: not opened: {error}", file=sys.stderr)
                else:
                    opened += 1
                    row.update({k: v for k, v in record.items() if k in row})
            writer.writerow([neutralise_cell(row.get(name)) for name in out_fields])
    return opened, unreadable


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="petitio", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    decrypt = commands.add_parser("decrypt", help="open the sealed records of an export")
    decrypt.add_argument("export", type=Path, help="a CSV export from the Petitio admin")
    decrypt.add_argument("--key", type=Path, required=True, help="the private key file")
    decrypt.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    arguments = parser.parse_args(argv)

    private_key = arguments.key.read_text(encoding="ascii").strip()
    try:
        crypto.public_key_of(private_key)
    except (ValueError, TypeError) as error:
        parser.error(f"{arguments.key} does not hold a Petitio private key ({error})")
    if arguments.output:
        with arguments.output.open("w", encoding="utf-8", newline="") as output:
            opened, unreadable = decrypt_export(
                arguments.export, private_key=private_key, output=output
            )
    else:
        opened, unreadable = decrypt_export(
            arguments.export, private_key=private_key, output=sys.stdout
        )
    print(f"Records opened: {opened}; not opened: {unreadable}.", file=sys.stderr)
    return 1 if unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
