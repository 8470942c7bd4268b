"""Promises about the project as a whole: catalogues, migrations, configuration."""

from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_catalogue_is_complete_and_compiled(language):
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated[:5]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:5]}"
    compiled = {
        (entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural)
        for entry in polib.mofile(str(po_path.with_suffix(".mo")))
    }
    stale = [
        entry.msgid
        for entry in catalogue.translated_entries()
        if compiled.get((entry.msgctxt, entry.msgid), (None, None))[0] != entry.msgstr
        and not entry.msgid_plural
    ]
    assert not stale, f"django.mo is older than django.po for {language}: run `make messages`"


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)


def test_env_example_documents_every_variable_the_settings_read():
    documented = (Path(settings.BASE_DIR) / ".env.example").read_text()
    settings_dir = Path(settings.BASE_DIR) / "petitio" / "settings"
    import re

    read = set()
    for path in settings_dir.glob("*.py"):
        read |= set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', path.read_text()))
        read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', path.read_text()))
    missing = sorted(name for name in read if f"{name}=" not in documented)
    assert not missing, f".env.example does not document {missing}"


def test_every_translatable_string_of_the_code_is_in_the_catalogues(tmp_path):
    """Extract the strings anew in a copy of the project and compare with locale/."""
    import shutil
    import subprocess
    import sys

    base = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    shutil.copytree(
        base / "petitio", copy / "petitio", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(base / "locale", copy / "locale")
    shutil.copy(base / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "fr", "--no-obsolete"],
        cwd=copy,
        env={"DJANGO_SETTINGS_MODULE": "petitio.settings.test", "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    committed = polib.pofile(str(LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"))
    known = {(entry.msgctxt, entry.msgid) for entry in committed}
    missing = sorted(entry.msgid for entry in fresh if (entry.msgctxt, entry.msgid) not in known)
    assert not missing, f"strings missing from the catalogues (run `make messages`): {missing[:8]}"


def test_only_processes_that_ask_commit_to_postgresql_without_waiting_for_the_disk(
    monkeypatch,
):
    from petitio.settings.base import database_from_env

    monkeypatch.setenv("DATABASE_URL", "postgres://petitio@db.invalid:5432/petitio")
    monkeypatch.delenv("DATABASE_ASYNCHRONOUS_COMMIT", raising=False)
    assert "synchronous_commit" not in str(database_from_env().get("OPTIONS", {}))
    monkeypatch.setenv("DATABASE_ASYNCHRONOUS_COMMIT", "true")
    assert database_from_env()["OPTIONS"]["options"] == "-c synchronous_commit=off"
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/petitio-settings-test.sqlite3")
    assert "options" not in database_from_env()["OPTIONS"]
