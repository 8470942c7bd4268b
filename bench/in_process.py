"""The signing POST's CPU, measured inside one process: no server, no load generator.

    python -m bench.in_process --db sqlite --signatures 2000
    python -m bench.in_process --db postgres --profile var/bench/signing.html

Separate benchmark runs on this kind of machine differ by 10-20% (and its speed
changes by up to 2x through the day), so a change to the signing path is best
judged here: the WSGI application, with production settings, is handed signing
POSTs (each a fresh visitor's: their own address and IP, a form timestamp from a
real campaign page view) one after another, and the process's own CPU time per
POST is printed, as the median of batches. With --profile, pyinstrument writes
where that time went.

It needs a database loaded with the demo: it migrates and seeds a fresh SQLite
file under var/bench/in-process/, or, with --db postgres, the benchmark's
PostgreSQL database (emptied first) and Redis, as `python -m bench --db postgres`
uses them.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import secrets
import statistics
import subprocess
import sys
import urllib.parse
from pathlib import Path

from .__main__ import POSTGRES_BENCH_DATABASE, REDIS_BENCH_URL

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench" / "in-process"
ISSUED_FIELD = re.compile(rb'name="issued" value="([^"]*)"')
FORM_ACTION = re.compile(rb'class="signing-form" method="post" action="([^"]+)"')


def environment(db: str) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "petitio.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_HASH_KEY": secrets.token_urlsafe(32),
        "PERSONAL_DATA_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1:8700",
        "EMAIL_URL": "smtp://127.0.0.1:8725",
        "TRUSTED_PROXY_COUNT": "1",
        "WARM_UP_ON_START": "0",
    }
    if db == "postgres":
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{POSTGRES_BENCH_DATABASE}"
        env["REDIS_URL"] = REDIS_BENCH_URL
    else:
        env["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'petitio.sqlite3'}"
    return env


def prepare_database(db: str, env: dict[str, str]) -> None:
    """A freshly migrated database with the demo content, in child processes."""
    WORKDIR.mkdir(parents=True, exist_ok=True)
    child_env = {**os.environ, **env}
    if db == "sqlite":
        child_env.pop("REDIS_URL", None)
    if db == "postgres":
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", POSTGRES_BENCH_DATABASE],
            check=True,
        )
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", POSTGRES_BENCH_DATABASE], check=True
        )
    else:
        for leftover in WORKDIR.glob("petitio.sqlite3*"):
            leftover.unlink()
    for command in (["migrate", "--no-input"], ["seed_demo"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=child_env, check=True
        )


def call(application, method: str, path: str, ip: str, body: bytes = b"") -> tuple[int, bytes]:
    """One request through the WSGI application, as the reverse proxy passes it on."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8700",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_X_FORWARDED_FOR": ip,
        "HTTP_ACCEPT_LANGUAGE": "fr-BE,fr;q=0.9,nl;q=0.7,en;q=0.5",
        "HTTP_USER_AGENT": "petitio-bench",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if body:
        environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        environ["CONTENT_LENGTH"] = str(len(body))
    statuses: list[str] = []
    response = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        content = b"".join(response)
    finally:
        response.close()
    return int(statuses[0].split()[0]), content


class Signers:
    """Fresh visitors' signing POSTs, each with a form read from the campaign page."""

    def __init__(self, application, page_path: str) -> None:
        self.application = application
        self.serial = 0
        status, page = call(application, "GET", page_path, "10.0.0.1")
        issued, action = ISSUED_FIELD.search(page), FORM_ACTION.search(page)
        if status != 200 or not (issued and action):
            raise SystemExit(f"{page_path} answered {status} with no signing form.")
        self.action = action.group(1).decode()
        self.issued = issued.group(1).decode()
        self.run_id = secrets.token_hex(4)

    def next_post(self) -> tuple[str, bytes]:
        self.serial += 1
        serial = self.serial
        ip = f"10.{serial >> 16 & 255}.{serial >> 8 & 255}.{serial & 255 or 1}"
        body = urllib.parse.urlencode(
            {
                "first_name": "Anouk",
                "last_name": "Peeters",
                "country": "BE",
                "postcode": "1000",
                "email": f"in-process-{self.run_id}-{serial}@example.org",
                "issued": self.issued,
                "website": "",
                "proof": "",
            }
        ).encode()
        return ip, body

    def sign(self, ip: str, body: bytes) -> None:
        status, content = call(self.application, "POST", self.action, ip, body)
        if status != 303:
            raise SystemExit(f"A signing POST answered {status}: {content[:300]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--signatures", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--profile", help="write pyinstrument's HTML report here")
    parser.add_argument(
        "--keep-database", action="store_true", help="reuse the database the last run prepared"
    )
    args = parser.parse_args()

    env = environment(args.db)
    if not args.keep_database:
        prepare_database(args.db, env)
    os.environ.update(env)
    if args.db == "sqlite":
        os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.wsgi import get_wsgi_application

    from petitio.core.warm_up import warm_up_paths

    application = get_wsgi_application()
    page_path = next(iter(warm_up_paths()))
    signers = Signers(application, page_path)
    for _ in range(50):  # warm: templates, catalogues, prepared statements
        signers.sign(*signers.next_post())

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        profiler.start()
    per_post_ms = []
    system_ms = []
    for _ in range(max(1, args.signatures // args.batch)):
        posts = [signers.next_post() for _ in range(args.batch)]
        started = os.times()
        for ip, body in posts:
            signers.sign(ip, body)
        ended = os.times()
        used = (ended.user - started.user) + (ended.system - started.system)
        per_post_ms.append(used / args.batch * 1000)
        system_ms.append((ended.system - started.system) / args.batch * 1000)
    if profiler is not None:
        profiler.stop()
        Path(args.profile).write_text(profiler.output_html())
        Path(args.profile).with_suffix(".txt").write_text(
            profiler.output_text(unicode=False, color=False, show_all=False)
        )
    print(
        f"{args.db}: {args.signatures} signing POSTs, CPU per POST "
        f"median {statistics.median(per_post_ms):.3f} ms, of which the kernel's "
        f"{statistics.median(system_ms):.3f} ms "
        f"(batches of {args.batch}: {', '.join(f'{ms:.2f}' for ms in per_post_ms)})"
    )


if __name__ == "__main__":
    main()
