"""The promise of sealed mode, checked end to end.

A person signs with a known name and address, through the form, with the real task
queue (database backend) and worker. Afterwards no table of the database, no log
line and no file under var/ holds the name or the address; and the organisation's
private key, on a staff computer, turns the admin's export back into exactly what
was typed.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection

from petitio.petitions.abuse import issue_form_timestamp
from petitio.petitions.models import Signature
from petitio.privacy.testing import TEST_SEALING_PRIVATE_KEY

NAME = ("Mihrigül", "Tursunжан-Ёзова")
ADDRESS = "mihrigul.secret-7f3a@example.net"
POSTCODE = "B-4321"


def every_cell_of_every_table() -> str:
    """All the database's contents as one text, table by table."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def files_under_var_changed_since(start: float) -> list[Path]:
    var = Path(settings.VAR_DIR)
    if not var.exists():
        return []
    return [path for path in var.rglob("*") if path.is_file() and path.stat().st_mtime >= start]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sealed_mode_keeps_no_readable_trace_and_the_private_key_opens_the_export(
    client, admin_client, petition_page, settings, caplog, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "petitio.core.tasks_backend.DatabaseBackend"}}
    caplog.set_level(logging.DEBUG)
    started = time.time() - 1

    response = client.post(
        f"/fr/petitions/{petition_page.pk}/sign/",
        {
            "first_name": NAME[0],
            "last_name": NAME[1],
            "email": ADDRESS,
            "country": "BE",
            "postcode": POSTCODE,
            "issued": issue_form_timestamp(),
        },
    )
    assert response.status_code == 303
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert mail.outbox[-1].to == [ADDRESS]  # the email left; its address did not stay
    confirm_path = re.search(r"http://testserver(\S+/confirm/\S+/)", mail.outbox[-1].body)[1]
    assert client.post(confirm_path).status_code == 303

    secrets = [*NAME, ADDRESS, ADDRESS.split("@")[0], POSTCODE]
    database = every_cell_of_every_table()
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    for secret in secrets:
        assert secret not in database, f"{secret!r} is in the database"
        assert secret not in caplog.text, f"{secret!r} is in the logs"
        for path in files_under_var_changed_since(started):
            assert secret.encode() not in path.read_bytes(), f"{secret!r} is in {path}"

    export = admin_client.get(f"/admin/petitions/{petition_page.petition.pk}/export.csv")
    export_file = tmp_path / "export.csv"
    export_file.write_bytes(b"".join(export.streaming_content))
    assert ADDRESS.encode() not in export_file.read_bytes()
    key_file = tmp_path / "organisation.key"
    key_file.write_text(TEST_SEALING_PRIVATE_KEY)
    opened = subprocess.run(  # noqa: S603 - our own command, as staff would run it
        [
            sys.executable,
            "-m",
            "petitio.privacy.cli",
            "decrypt",
            "--key",
            str(key_file),
            str(export_file),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = opened.stdout.lstrip("\ufeff").splitlines()
    header, row = lines[0].split(","), lines[1].split(",")
    record = dict(zip(header, row, strict=True))
    assert (record["first_name"], record["last_name"]) == NAME
    assert (record["email"], record["postcode"]) == (ADDRESS, POSTCODE)
    assert "sealed_personal_data" not in header
    assert "Records opened: 1; not opened: 0." in opened.stderr
