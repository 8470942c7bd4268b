"""A request's CPU, measured inside one process: no server, no load generator.

    python -m bench.in_process --db sqlite --requests 2000
    python -m bench.in_process --db postgres --profile var/bench/signing.html
    python -m bench.in_process --kind count --keep-database
    python -m bench.in_process --kind email --requests 3000

Separate benchmark runs on this kind of machine differ by 10-20% (and its speed
changes by up to 2x through the day), so a change to the signing path is best
judged here: the WSGI application, with production settings, is handed signing
POSTs (each a fresh visitor's: their own address and IP, a form timestamp from a
real campaign page view) one after another, and the process's own CPU time per
POST is printed, as the median of batches (the signature's form read from the
campaign page; the email task queued, as on the server). --kind form and --kind
count measure the campaign page's views and the live-count requests the same way;
--kind email queues that many confirmation emails by signing, then has Petitio's
task worker (petitio.core.tasks_worker, in batches as `manage.py db_worker`) send
them to a local SMTP sink (bench/smtp_sink.py, a process of its own) and prints the
worker's CPU per email. With --profile, pyinstrument writes where that time went
(HTML, and text beside it).

Back to back, each request finds the code and data it needs still in the CPU's
caches; a server process does not. Between two of its requests, other processes
run (the other web processes, the load generator, the worker) and, on a shared
host, other tenants: on this project's 2-core machine the same signing POST took
1.5 ms of CPU back to back and 3.2-3.7 ms with 6 ms of pause before each, whether
the pause slept or spun on a tiny loop, and about as much in the server. --gap-ms
pauses that long (asleep) before each request, so a change can be judged in the
state the server runs it in: what lowers the cost there is touching less memory,
not only running fewer instructions.

It needs a database loaded with the demo: it migrates and seeds a fresh SQLite
file under var/bench/in-process/, or, with --db postgres, the benchmark's
PostgreSQL database (emptied first) and Redis, as `python -m bench --db postgres`
uses them.
"""

from __future__ import annotations

import argparse
import atexit
import io
import os
import secrets
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from .__main__ import POSTGRES_BENCH_DATABASE, production_environment
from .load import FORM_ACTION, ISSUED_FIELD

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench" / "in-process"


def environment(db: str) -> dict[str, str]:
    return {
        **production_environment(
            db,
            site_url="http://127.0.0.1:8700",
            email_url="smtp://127.0.0.1:8725",
            sqlite_path=WORKDIR / "petitio.sqlite3",
        ),
        "WARM_UP_ON_START": "0",
    }


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
        close = getattr(response, "close", None)
        if close is not None:
            close()
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


def request_maker(kind: str, application, signers: Signers, page_path: str, count_path: str):
    """A function that sends one request of `kind` and checks its answer."""
    if kind == "sign":

        def one() -> None:
            signers.sign(*signers.next_post())

    else:
        path = {"form": page_path, "count": count_path}[kind]

        def one() -> None:
            signers.serial += 1
            ip = f"10.9.{signers.serial >> 8 & 255}.{signers.serial & 255 or 1}"
            status, content = call(application, "GET", path, ip)
            if status != 200:
                raise SystemExit(f"GET {path} answered {status}: {content[:300]!r}")

    return one


def email_sender(signers: Signers, emails: int):
    """A function that has the task worker send one queued confirmation email.

    Queues `emails` of them first (by signing), and starts the SMTP sink the
    environment's EMAIL_URL names; the worker claims and records in batches, as
    `manage.py db_worker` does, so each call's share of a batch's writes is counted.
    """
    from petitio.core.tasks_worker import DEFAULT_CLAIM_SIZE, Worker

    for _ in range(emails):
        signers.sign(*signers.next_post())
    sink = subprocess.Popen(
        [
            *(sys.executable, "-m", "bench.smtp_sink", "--port", "8725"),
            *("--links", str(WORKDIR / "links.txt"), "--stats", str(WORKDIR / "smtp.json")),
        ],
        cwd=ROOT,
    )
    atexit.register(sink.terminate)
    time.sleep(2)  # aiosmtpd listening
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="in-process",
        excluded_queue_names=[],
    )

    def one() -> None:
        if not worker.claimed:
            worker._finish_and_claim(wanted=DEFAULT_CLAIM_SIZE)
            if not worker.claimed:
                raise SystemExit("The email queue ran dry: ask for fewer --requests.")
        worker.run_task(worker.claimed.popleft())

    return one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--kind",
        choices=["sign", "form", "count", "email"],
        default="sign",
        help="signing POSTs, views of the campaign page (the form), live-count requests, "
        "or the worker's confirmation emails",
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument(
        "--gap-ms",
        type=float,
        default=0.0,
        help="sleep this long before each request (not counted), as a server process "
        "waits between requests while others run: the caches' state it works in",
    )
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
    from petitio.core.warm_up import warm_up_paths
    from petitio.wsgi import application  # as the server loads it (WARM_UP_ON_START off)

    paths = list(warm_up_paths())
    page_path = paths[0]
    count_path = next(path for path in paths if path.startswith("/api/"))
    signers = Signers(application, page_path)
    if args.kind == "email":
        one_request = email_sender(signers, emails=args.requests + 50)
    else:
        one_request = request_maker(args.kind, application, signers, page_path, count_path)
    for _ in range(50):  # warm: templates, catalogues, prepared statements
        one_request()

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        profiler.start()
    per_request_ms = []
    system_ms = []
    gap_seconds = args.gap_ms / 1000
    for _ in range(max(1, args.requests // args.batch)):
        # process_time() for the total (finer than os.times()' clock ticks); a
        # sleeping process uses none, bar the kernel's few microseconds to wake it.
        started, started_cpu = os.times(), time.process_time()
        for _ in range(args.batch):
            if gap_seconds:
                time.sleep(gap_seconds)
            one_request()
        ended, used = os.times(), time.process_time() - started_cpu
        per_request_ms.append(used / args.batch * 1000)
        system_ms.append((ended.system - started.system) / args.batch * 1000)
    if profiler is not None:
        profiler.stop()
        Path(args.profile).write_text(profiler.output_html())
        Path(args.profile).with_suffix(".txt").write_text(
            profiler.output_text(unicode=False, color=False, show_all=False)
        )
    gap = f" after {args.gap_ms:g} ms asleep each" if gap_seconds else ""
    print(
        f"{args.db}: {args.requests} requests of kind {args.kind}{gap}, CPU per request "
        f"median {statistics.median(per_request_ms):.3f} ms, of which the kernel's "
        f"{statistics.median(system_ms):.3f} ms "
        f"(batches of {args.batch}: {', '.join(f'{ms:.2f}' for ms in per_request_ms)})"
    )


if __name__ == "__main__":
    main()
