"""Killing the web server mid-surge loses no acknowledged signature or its email.

Starts the real server (granian, two worker processes) on a scratch SQLite database,
signs from several threads, SIGKILLs the whole server at an arbitrary moment, then
checks the database directly: every signature answered with a 303 is stored, once,
with its confirmation email queued in the task table.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from petitio.core.emails import normalise_email

ROOT = Path(__file__).resolve().parents[2]
HASH_KEY = "crash-test-hash-key"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def signer(base: str, page_path: str, stop: threading.Event, acknowledged: list, prefix: str):
    index = 0
    while not stop.is_set():
        # As a browser without cookies: the signing path needs none.
        opener = urllib.request.build_opener(NoRedirect())
        email = f"{prefix}.{index}@example.org"
        index += 1
        try:
            html = opener.open(base + page_path, timeout=5).read().decode()
            action = re.search(r'action="(/fr/petitions/\d+/sign/)"', html).group(1)
            data = urllib.parse.urlencode(
                {
                    "first_name": "Test",
                    "last_name": "Surge",
                    "email": email,
                    "country": "FR",  # the demo's own signatures are from BE
                }
            ).encode()
            request = urllib.request.Request(
                base + action, data=data, headers={"Referer": base + page_path}
            )
            try:
                opener.open(request, timeout=5)
            except urllib.error.HTTPError as answer:
                if answer.code == 303:
                    acknowledged.append(email)
        except (OSError, AttributeError):
            time.sleep(0.05)  # the server is gone or restarting; keep trying


@pytest.mark.skipif(sys.platform != "linux", reason="uses process groups and SIGKILL")
def test_sigkill_mid_surge_leaves_every_acknowledged_signature_with_its_email(tmp_path):
    database = tmp_path / "crash.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "petitio.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "EMAIL_HASH_KEY": HASH_KEY,
        "EMAIL_URL": "",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["seed_demo"],
    ):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("granian")),
            *("--interface", "wsgi", "petitio.wsgi:application"),
            *("--host", "127.0.0.1", "--port", str(port)),
            *("--workers", "2", "--blocking-threads", "2"),
        ],
        env={**env, "SITE_URL": f"http://127.0.0.1:{port}"},
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    page_path = "/fr/actions/stop-xinjiang-persecution/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + page_path, timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        stop = threading.Event()
        acknowledged: list[str] = []
        threads = [
            threading.Thread(target=signer, args=(base, page_path, stop, acknowledged, f"s{n}"))
            for n in range(6)
        ]
        for thread in threads:
            thread.start()
        time.sleep(4)
        os.killpg(server.pid, signal.SIGKILL)  # no graceful shutdown, mid-request
        server.wait(timeout=10)
        time.sleep(0.5)
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert len(acknowledged) > 10, "the server acknowledged too few signatures to prove much"

    connection = sqlite3.connect(database)
    # Email tasks name their signature by public id (a UUID, stored as hex by SQLite).
    digests = {
        row[0]: uuid.UUID(row[1])
        for row in connection.execute(
            "SELECT email_digest, public_id FROM petitions_signature WHERE country = 'FR'"
        )
    }
    queued = {
        uuid.UUID(json.loads(row[0])["kwargs"]["signature"])
        for row in connection.execute(
            "SELECT args_kwargs FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE '%send_confirmation_email'"
        )
    }
    for email in acknowledged:
        digest = hmac.new(
            HASH_KEY.encode(), normalise_email(email).encode(), hashlib.sha256
        ).hexdigest()
        assert digest in digests, f"acknowledged signature {email} is missing"
        assert digests[digest] in queued, f"signature {email} has no email queued"
    # Every signature this test stored has exactly one queued email, acknowledged or not.
    assert len(queued & set(digests.values())) == len(digests)
