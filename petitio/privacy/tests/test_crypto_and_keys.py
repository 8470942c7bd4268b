"""Sealing, encryption, the key command and `petitio decrypt`."""

from __future__ import annotations

import io
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from petitio.privacy import crypto
from petitio.privacy.cli import main as petitio_cli
from petitio.privacy.models import PrivacySettings
from petitio.privacy.personal_data import (
    SealingKeyMissing,
    forget_cached_protection,
    protect_record,
    reveal_record,
)
from petitio.privacy.testing import TEST_SEALING_PRIVATE_KEY, TEST_SEALING_PUBLIC_KEY

RECORD = {"first_name": "Dilnur", "last_name": "دىلنۇر 😀", "email": "d@example.org"}


def test_a_sealed_record_opens_only_with_its_private_key():
    sealed = crypto.seal(RECORD, public_key_b64=TEST_SEALING_PUBLIC_KEY)
    assert sealed.startswith(f"sealed:v1:{crypto.key_id(TEST_SEALING_PUBLIC_KEY)}:")
    assert "Dilnur" not in sealed
    assert crypto.unseal(sealed, private_key_b64=TEST_SEALING_PRIVATE_KEY) == RECORD
    other = crypto.generate_key_pair()
    with pytest.raises(crypto.UnreadableRecord, match="another key"):
        crypto.unseal(sealed, private_key_b64=other.private_key)


def test_sealing_twice_gives_different_records():
    assert crypto.seal(RECORD, public_key_b64=TEST_SEALING_PUBLIC_KEY) != crypto.seal(
        RECORD, public_key_b64=TEST_SEALING_PUBLIC_KEY
    )


@pytest.mark.parametrize(
    "damage", [lambda s: s[:-8] + "AAAAAAA=", lambda s: s + "x", lambda s: s[:20]]
)
def test_altered_records_are_refused_not_misread(damage):
    sealed = crypto.seal(RECORD, public_key_b64=TEST_SEALING_PUBLIC_KEY)
    with pytest.raises(crypto.UnreadableRecord):
        crypto.unseal(damage(sealed), private_key_b64=TEST_SEALING_PRIVATE_KEY)
    key = crypto.derive_secret_box_key("k")
    encrypted = crypto.encrypt(RECORD, key=key)
    assert crypto.decrypt(encrypted, key=key) == RECORD
    with pytest.raises(crypto.UnreadableRecord):
        crypto.decrypt(damage(encrypted), key=key)


def test_sealed_mode_stores_records_the_server_cannot_read(db):
    stored = protect_record(RECORD)
    assert stored.startswith(crypto.SEALED_PREFIX)
    assert reveal_record(stored) is None


def test_standard_mode_stores_records_the_server_reads(standard_mode):
    stored = protect_record(RECORD)
    assert stored.startswith(crypto.ENCRYPTED_PREFIX)
    assert "Dilnur" not in stored
    assert reveal_record(stored) == RECORD


def test_sealed_mode_without_a_key_stores_nothing(db):
    PrivacySettings.objects.update(sealing_public_key="")
    forget_cached_protection()
    with pytest.raises(SealingKeyMissing):
        protect_record(RECORD)


def test_the_key_command_stores_the_public_key_and_shows_the_private_one_once(db, tmp_path):
    PrivacySettings.objects.update(sealing_public_key="")
    key_file = tmp_path / "org.key"
    out = io.StringIO()
    call_command("create_sealing_keys", private_key_file=key_file, stdout=out)
    private_key = key_file.read_text().strip()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    privacy = PrivacySettings.load()
    assert privacy.sealing_public_key == crypto.public_key_of(private_key)
    assert private_key not in out.getvalue()
    forget_cached_protection()
    assert crypto.unseal(protect_record(RECORD), private_key_b64=private_key) == RECORD
    # A second run refuses to replace it by accident; --if-missing is quiet.
    with pytest.raises(CommandError, match="exists already"):
        call_command("create_sealing_keys", stdout=io.StringIO())
    call_command("create_sealing_keys", if_missing=True, stdout=io.StringIO())
    assert PrivacySettings.load().sealing_public_key == privacy.sealing_public_key


def test_the_key_command_prints_the_private_key_when_no_file_is_given(db):
    out = io.StringIO()
    call_command("create_sealing_keys", replace=True, stdout=out)
    printed = out.getvalue().split("password manager):\n")[1].split()[0]
    assert crypto.public_key_of(printed) == PrivacySettings.load().sealing_public_key


def test_petitio_decrypt_opens_an_export_and_reports_what_it_could_not(tmp_path, capsys):
    other = crypto.generate_key_pair()
    good = crypto.seal(RECORD, public_key_b64=TEST_SEALING_PUBLIC_KEY)
    foreign = crypto.seal(RECORD, public_key_b64=other.public_key)
    formula = crypto.seal(
        {**RECORD, "first_name": "=CMD()"}, public_key_b64=TEST_SEALING_PUBLIC_KEY
    )
    export = tmp_path / "export.csv"
    export.write_text(
        "\ufeffpublic_id,first_name,last_name,email,country,sealed_personal_data\n"
        f"1,,,,BE,{good}\n2,,,,FR,{foreign}\n3,,,,NL,{formula}\n4,Ana,B,a@x.org,BE,\n",
        encoding="utf-8",
    )
    key = tmp_path / "org.key"
    key.write_text(TEST_SEALING_PRIVATE_KEY + "\n")
    output = tmp_path / "open.csv"
    assert petitio_cli(["decrypt", "--key", str(key), "-o", str(output), str(export)]) == 1
    lines = output.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()
    assert lines == [
        "public_id,first_name,last_name,email,country",
        "1,Dilnur,دىلنۇر 😀,d@example.org,BE",
        "2,,,,FR",
        "3,'=CMD(),دىلنۇر 😀,d@example.org,NL",
        "4,Ana,B,a@x.org,BE",
    ]
    assert "line 3: not opened: sealed to another key" in capsys.readouterr().err


def test_petitio_decrypt_refuses_a_file_that_is_not_a_key(tmp_path):
    key = tmp_path / "not-a.key"
    key.write_text("hello")
    export = tmp_path / "export.csv"
    export.write_text("sealed_personal_data\n")
    with pytest.raises(SystemExit):
        petitio_cli(["decrypt", "--key", str(key), str(export)])


def test_the_privacy_settings_show_the_key_and_let_superusers_choose_the_mode(admin_client):
    privacy = PrivacySettings.load()
    url = f"/admin/settings/privacy/privacysettings/{privacy.pk}/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert privacy.sealing_key_id in page.content.decode()
    assert TEST_SEALING_PRIVATE_KEY not in page.content.decode()
    response = admin_client.post(url, {"protection_mode": "standard"})
    assert response.status_code == 302
    assert PrivacySettings.load().protection_mode == "standard"
    assert PrivacySettings.load().sealing_public_key == TEST_SEALING_PUBLIC_KEY  # untouched
