"""`make bench`: start Petitio as in production, load it over HTTP, check what it stored.

    python -m bench                  # SQLite, local-memory cache
    python -m bench --db postgres    # PostgreSQL + Redis (the local servers)
    python -m bench --scale-out      # two web servers, two workers, one killed mid-run

Steps: a fresh database under var/bench/<db>/ (or a fresh PostgreSQL database
`petitio_bench`), migrated and loaded with the demo content; an SMTP sink; the
task worker(s) and the web server with production settings; then the load
generator (bench/load.py, a process of its own) runs each scenario at a fixed
concurrency for a fixed time. Finally the email queue is drained and
bench/verify.py checks the database against every acknowledgement. One table is
printed, with the machine's core count; the raw results are kept in
var/bench/<db>/results.json.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from .load import TAIL_WINDOW_SECONDS

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH_DATABASE = "petitio_bench"
REDIS_BENCH_URL = "redis://127.0.0.1:6379/14"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- Processes ---------------------------------------------------------------------------


def descendants(pid: int) -> list[int]:
    """pid and every process under it (a server's master and its workers)."""
    found = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in children:
        found.extend(descendants(int(child)))
    return found


def resident_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds_of(pid: int) -> float | None:
    """User + system CPU time the process has used so far; None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Fields after the command name (which may hold spaces), from the 3rd: utime is
    # the 14th field of the line, stime the 15th.
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class ProcessWatch(threading.Thread):
    """Samples named process trees: each process's peak resident memory, and the CPU
    time each tree has used (a process that ends keeps its last reading)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.roots: dict[str, int] = {}
        self.peaks: dict[str, dict[int, int]] = {}
        self.cpu: dict[str, dict[int, float]] = {}
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def watch(self, name: str, pid: int) -> None:
        with self.lock:
            self.roots[name] = pid
            self.peaks.setdefault(name, {})
            self.cpu.setdefault(name, {})

    def sample(self) -> None:
        with self.lock:
            for name, root in list(self.roots.items()):
                for pid in descendants(root):
                    rss = resident_kib(pid)
                    peaks = self.peaks[name]
                    peaks[pid] = max(peaks.get(pid, 0), rss)
                    used = cpu_seconds_of(pid)
                    if used is not None:
                        self.cpu[name][pid] = used

    def run(self) -> None:
        while not self.stopped.wait(0.25):
            self.sample()

    def peak_mib(self, name: str) -> float:
        peaks = self.peaks.get(name) or {0: 0}
        return round(max(peaks.values()) / 1024, 1)

    def cpu_snapshot(self) -> dict[str, float]:
        """CPU seconds used so far by each tree, read now."""
        self.sample()
        with self.lock:
            return {name: sum(self.cpu[name].values()) for name in self.roots}


def production_environment(
    db: str, *, site_url: str, email_url: str, sqlite_path: Path
) -> dict[str, str]:
    """The environment of Petitio in production settings on this machine, with fresh
    secrets: the benchmark's database on `db` ("sqlite" at `sqlite_path`, or the
    local PostgreSQL with Redis)."""
    env = {
        "DJANGO_SETTINGS_MODULE": "petitio.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_HASH_KEY": secrets.token_urlsafe(32),
        "PERSONAL_DATA_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": site_url,
        "EMAIL_URL": email_url,
        # The load arrives as through one reverse proxy: X-Forwarded-For/-Proto.
        "TRUSTED_PROXY_COUNT": "1",
    }
    if db == "postgres":
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{POSTGRES_BENCH_DATABASE}"
        env["REDIS_URL"] = REDIS_BENCH_URL
    else:
        env["DATABASE_URL"] = f"sqlite:///{sqlite_path}"
    return env


class Deployment:
    """The production processes of one benchmark run, and their environment."""

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self.args = args
        self.workdir = workdir
        self.web_ports = [free_port() for _ in range(args.web_servers)]
        self.smtp_port = free_port()
        self.processes: dict[str, subprocess.Popen] = {}
        self.monitor = ProcessWatch()
        self.env = self.environment()

    def environment(self) -> dict[str, str]:
        env = {
            **os.environ,
            **production_environment(
                self.args.db,
                site_url=f"http://127.0.0.1:{self.web_ports[0]}",
                email_url=f"smtp://127.0.0.1:{self.smtp_port}",
                sqlite_path=self.workdir / "petitio.sqlite3",
            ),
            "PYTHONUNBUFFERED": "1",
        }
        if self.args.db == "sqlite":
            env.pop("REDIS_URL", None)
        return env

    def log(self, name: str):
        return (self.workdir / f"{name}.log").open("ab")

    def manage(self, *arguments: str) -> None:
        subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=self.log("setup"),
            stderr=subprocess.STDOUT,
        )

    def module(self, module: str, *arguments: str, check: bool = True) -> str:
        done = subprocess.run(
            [PYTHON, "-m", module, *arguments],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=self.log("setup"),
            check=check,
        )
        return done.stdout.decode()

    def start(self, name: str, command: list[str], extra_env: dict[str, str] | None = None) -> None:
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            stdout=self.log(name),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.monitor.watch(name, self.processes[name].pid)

    def web_command(self, port: int) -> list[str]:
        """The production web server: see the README's deployment section."""
        bin_dir = Path(PYTHON).parent
        if self.args.server == "granian":
            return [
                str(bin_dir / "granian"),
                "--interface",
                "wsgi",
                "petitio.wsgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(self.args.web_processes),
                "--blocking-threads",
                str(self.args.web_threads),
                "--backlog",
                "4096",
                "--log-level",
                "warning",
            ]
        return [
            str(bin_dir / "gunicorn"),
            "petitio.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(self.args.web_processes),
            "--threads",
            str(self.args.web_threads),
            "--worker-class",
            self.args.worker_class,
            "--backlog",
            "4096",
            "--keep-alive",
            "30",
        ]

    def start_all(self) -> None:
        self.monitor.start()
        links = self.workdir / "links.txt"
        self.start(
            "smtp",
            [
                PYTHON,
                "-m",
                "bench.smtp_sink",
                "--port",
                str(self.smtp_port),
                "--links",
                str(links),
                "--stats",
                str(self.workdir / "smtp.json"),
            ],
        )
        for number in range(1, self.args.task_workers + 1):
            self.start(
                f"worker{number}",
                [
                    # As in bin/serve: on a shared machine signing comes first.
                    *background_priority(),
                    PYTHON,
                    "manage.py",
                    "db_worker",
                    "--queue-name",
                    "*",
                    "--no-reload",
                    "--interval",
                    "0.1",
                    "--no-startup-delay",
                    "--yield-when-busy",
                    str(self.args.yield_when_busy),
                ],
                # As bin/serve starts its worker.
                extra_env={"DATABASE_ASYNCHRONOUS_COMMIT": "1"},
            )
        for number, port in enumerate(self.web_ports, start=1):
            self.start(f"web{number}", self.web_command(port))
        for port in self.web_ports:
            wait_for_http(port)

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)
        self.monitor.stopped.set()


def background_priority() -> list[str]:
    """The command prefix bin/serve puts before the task worker: nice 19, and
    SCHED_IDLE where chrt can set it (it runs on CPU time nothing else wants)."""
    if shutil.which("chrt"):
        # A container may refuse SCHED_IDLE.
        tried = subprocess.run(["chrt", "--idle", "0", "true"], check=False, capture_output=True)
        if tried.returncode == 0:
            return ["nice", "-n", "19", "chrt", "--idle", "0"]
    return ["nice", "-n", "19"]


def wait_for_http(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/petitions",
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.0.0.1"},
    )
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - local
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The web server on port {port} did not answer within {timeout:.0f} s.")


# --- Databases ---------------------------------------------------------------------------


def fresh_postgres_and_redis() -> None:
    import psycopg
    import redis

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {POSTGRES_BENCH_DATABASE}")
    redis.Redis.from_url(REDIS_BENCH_URL).flushdb()


# --- The run -----------------------------------------------------------------------------


def run_scenario(
    deployment: Deployment,
    plan_path: Path,
    scenario: str,
    seconds: float,
    *,
    kill_at: float | None = None,
) -> dict:
    """Run one scenario in the load generator's own process; return its result.

    With kill_at, the second web server is killed with SIGKILL (master and
    workers at once, as a crashed machine) that many seconds into the run.
    """
    args = deployment.args
    out = deployment.workdir / f"load-{scenario}.json"
    arriving = f", {args.sign_rate:g} signers arriving per s" if scenario == "sign" else ""
    if scenario == "sign" and not args.sign_rate:
        arriving = f", {args.visitors} signers in turn"
    say(f"{scenario}: at most {args.concurrency} in flight for {seconds:.0f} s{arriving}")
    command = [
        *(PYTHON, "-m", "bench.load", "--scenario", scenario, "--plan", str(plan_path)),
        *("--ports", ",".join(map(str, deployment.web_ports))),
        *("--duration", str(seconds), "--concurrency", str(args.concurrency)),
        *("--visitors", str(args.visitors), "--arrival-rate", str(args.sign_rate)),
        *("--out", str(out)),
    ]
    cpu_before = deployment.monitor.cpu_snapshot()
    load = subprocess.Popen(command, cwd=ROOT)
    if kill_at is not None:
        time.sleep(kill_at)
        say("SIGKILL to web2, master and workers")
        deployment.stop("web2", signal.SIGKILL)
        # The load balancer drops it: later scenarios only know the survivor.
        deployment.web_ports = deployment.web_ports[:1]
    if load.wait() != 0:
        raise SystemExit(f"The load generator failed in scenario {scenario}.")
    cpu_after = deployment.monitor.cpu_snapshot()
    result = json.loads(out.read_text())
    result["cpu_seconds"] = {
        **{name: round(cpu_after[name] - cpu_before.get(name, 0), 1) for name in cpu_after},
        "load": result.pop("load_cpu_seconds"),
    }
    return result


def default_web_processes(db: str) -> int:
    """Single-threaded web processes per server, as the README's deployment sets them.

    On PostgreSQL, one per core: at 500 signers a second on two cores, four
    processes took 1.83 ms of CPU per request against 1.15 ms for two (p99 8.5 s
    against 0.48 s), each web process having a PostgreSQL backend of its own to
    wake for every query. On SQLite, whose queries run inside the web process and
    whose writers take turns, two per core did better (1.38 against 1.61 ms).

    Each web server gets as many as a machine of its own would: in the scale-out
    run, the one left after the other is killed has the machine to itself.
    """
    per_core = 1 if db == "postgres" else 2
    return per_core * (os.cpu_count() or 1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Petitio's load benchmark.")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sign-seconds", type=float, default=60)
    parser.add_argument("--seconds", type=float, default=20, help="for the other scenarios")
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight")
    parser.add_argument(
        "--sign-rate",
        type=float,
        default=500,
        help="new signers arriving per second, each signing once; 0: the peak, with --visitors",
    )
    parser.add_argument(
        "--visitors",
        type=int,
        default=4000,
        help="with --sign-rate 0: people signing one after another, as fast as served",
    )
    parser.add_argument("--web-servers", type=int, default=1)
    parser.add_argument("--server", choices=["granian", "gunicorn"], default="granian")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn's")
    parser.add_argument(
        "--web-processes",
        type=int,
        default=None,
        help="per web server; by default as the README's deployment: one per core on "
        "PostgreSQL, two per core on SQLite",
    )
    parser.add_argument("--web-threads", type=int, default=1)
    parser.add_argument("--task-workers", type=int, default=1)
    parser.add_argument(
        "--yield-when-busy",
        type=float,
        default=0.5,
        help="the workers' --yield-when-busy (as bin/serve's); 0: never give way",
    )
    parser.add_argument(
        "--scenarios", default="sign,confirm,page,count", help="comma-separated, in order"
    )
    parser.add_argument(
        "--email-backlog",
        type=int,
        default=0,
        help="queue this many confirmation emails before the load starts",
    )
    parser.add_argument(
        "--scale-out",
        action="store_true",
        help="PostgreSQL + Redis, two web servers and two workers; web2 killed mid-signing",
    )
    args = parser.parse_args()
    if args.scale_out:
        args.db, args.web_servers, args.task_workers = "postgres", 2, 2
    if args.web_processes is None:
        args.web_processes = default_web_processes(args.db)

    workdir = ROOT / "var" / "bench" / ("scale-out" if args.scale_out else args.db)
    workdir.mkdir(parents=True, exist_ok=True)
    # Two benchmarks at once would measure each other: the second one stops here.
    lock = (workdir.parent / ".lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SystemExit("Another benchmark is running on this machine.") from None
    for old in workdir.iterdir():
        old.unlink()
    deployment = Deployment(args, workdir)
    say(f"preparing a fresh {args.db} database in production settings")
    if args.db == "postgres":
        fresh_postgres_and_redis()
    deployment.manage("migrate", "--noinput")
    deployment.manage("collectstatic", "--noinput")
    plan_path = workdir / "plan.json"
    deployment.module("bench.prepare", "--out", str(plan_path))
    plan = json.loads(plan_path.read_text())
    plan["links_file"] = str(workdir / "links.txt")
    plan_path.write_text(json.dumps(plan))

    results: dict = {
        "db": args.db,
        "cores": os.cpu_count(),
        "sign_seconds": args.sign_seconds,
        "web": f"{args.web_servers} {args.server} server(s) x {args.web_processes} process(es)",
        "scenarios": {},
    }
    acknowledged: list[str] = []
    confirmed = 0
    drain_timeout = str(max(300, args.email_backlog / 50))
    backlog_file = workdir / "backlog.txt"
    if args.email_backlog:
        say(f"queueing a backlog of {args.email_backlog} confirmation emails")
        queued = deployment.module(
            "bench.backlog",
            "--petition",
            plan["petition"],
            "--count",
            str(args.email_backlog),
            "--out",
            str(backlog_file),
        )
        say(queued.strip())
    try:
        deployment.start_all()
        say("servers up: " + ", ".join(deployment.processes))
        for scenario in args.scenarios.split(","):
            seconds = args.sign_seconds if scenario == "sign" else args.seconds
            if scenario == "confirm":
                # Confirmations follow the emails: wait for the sign-ups' to be sent.
                drained = json.loads(
                    deployment.module("bench.verify", "--wait-drained", drain_timeout)
                )
                if drained["drained"]:
                    say(f"email queue drained in {drained['seconds']} s")
                else:
                    left, waited = drained["left"], drained["seconds"]
                    say(f"email queue not drained after {waited} s: {left} left")
                results["email_drain_after_signing"] = drained
            kill_at = seconds / 2 if args.scale_out and scenario == "sign" else None
            result = run_scenario(deployment, plan_path, scenario, seconds, kill_at=kill_at)
            acknowledged.extend(result.pop("acknowledged"))
            confirmed += len(result.pop("confirmed"))
            results["scenarios"][scenario] = result
        drained = json.loads(deployment.module("bench.verify", "--wait-drained", drain_timeout))
        results["email_drain_final"] = drained
    finally:
        for name in list(deployment.processes):
            if name.startswith("web") or name.startswith("worker"):
                deployment.stop(name)
        deployment.stop("smtp")
        deployment.stop_all()
    results["memory_mib"] = {
        name: deployment.monitor.peak_mib(name) for name in deployment.processes
    }
    (workdir / "acknowledged.txt").write_text("\n".join(acknowledged))
    verify_args = [
        *("--petition", plan["petition"]),
        *("--acknowledged", str(workdir / "acknowledged.txt")),
        *("--confirmed", str(confirmed)),
        *("--smtp-stats", str(workdir / "smtp.json")),
    ]
    if args.email_backlog:
        verify_args += ["--also-emailed", str(backlog_file)]
    report = json.loads(deployment.module("bench.verify", *verify_args, check=False))
    results["checks"] = report
    results["email"] = email_rate(workdir / "smtp.json")
    (workdir / "results.json").write_text(json.dumps(results, indent=2))
    print_table(results)
    sys.exit(1 if report["failures"] else 0)


# The worker's sending rate is read over its busiest window of this many seconds:
# giving way to a surge (--yield-when-busy), it sends little while the load runs.
EMAIL_RATE_WINDOW = 10


def email_rate(stats_path: Path) -> dict:
    stats = json.loads(stats_path.read_text())
    span = (stats["last"] or 0) - (stats["first"] or 0)
    per_second = {int(second): count for second, count in stats.get("per_second", {}).items()}
    busiest = max(
        (
            sum(per_second.get(second + offset, 0) for offset in range(EMAIL_RATE_WINDOW))
            for second in per_second
        ),
        default=0,
    )
    return {
        "received": stats["received"],
        "per_second": round(stats["received"] / span, 1) if span > 0 else None,
        "busiest_window_per_second": round(busiest / EMAIL_RATE_WINDOW, 1),
    }


def print_table(results: dict) -> None:
    rows = [("kind", "per s", "p50 ms", "p95 ms", "p99 ms", "ok", "errors")]
    for scenario in results["scenarios"].values():
        for kind, figures in scenario["kinds"].items():
            rows.append(
                (
                    kind,
                    figures["per_second"],
                    figures["p50_ms"],
                    figures["p95_ms"],
                    figures["p99_ms"],
                    figures["ok"],
                    figures["errors"],
                )
            )
    print()
    print(
        f"Petitio load benchmark: {results['db']}, {results['cores']} cores "
        f"({platform.processor() or platform.machine()}), load generator on the same machine; "
        f"{results['web']}"
    )
    signing = results["scenarios"].get("sign")
    if signing and signing.get("arrival_rate"):
        print(
            f"sign: {signing['arrival_rate']:g} new signers arriving per second for "
            f"{results['sign_seconds']:g} s (an open loop: the waits are what each signer waited)"
        )
    elif signing:
        print("sign: the peak (signers one after another as fast as served; waits are queueing)")
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=True)))
    if signing and (windows := signing["kinds"].get("sign", {}).get("p99_ms_by_window")):
        print(
            f"sign p99 ms in each {TAIL_WINDOW_SECONDS} s, by when answered: "
            + ", ".join("-" if p99 is None else f"{p99:g}" for p99 in windows)
        )
    print(f"CPU seconds used in each scenario ({results['cores']} cores):")
    for name, scenario in results["scenarios"].items():
        cpu = scenario["cpu_seconds"]
        requests = sum(figures["ok"] + figures["errors"] for figures in scenario["kinds"].values())
        web = sum(seconds for process, seconds in cpu.items() if process.startswith("web"))
        per_request = f"{1000 * web / requests:.2f}" if requests else "-"
        used = ", ".join(f"{process} {seconds}" for process, seconds in cpu.items())
        print(f"  {name}, {scenario['duration']} s: {used}; web {per_request} ms per request")
    email = results["email"]
    print(
        f"emails sent: {email['received']} ({email['per_second']} per s from first to last, "
        f"{email['busiest_window_per_second']} per s over the busiest {EMAIL_RATE_WINDOW} s)"
    )
    final_drain = results.get("email_drain_final")
    if final_drain and not final_drain["drained"]:
        # Then the check below counts the unsent emails' addresses as not emailed
        # once: say that they were still waiting, not lost.
        print(
            f"email queue not drained {final_drain['seconds']} s after the load: "
            f"{final_drain['left']} emails still queued"
        )
    print(
        "peak resident memory (MiB): "
        + ", ".join(f"{name} {mib}" for name, mib in results["memory_mib"].items())
    )
    checks = results["checks"]
    print(
        f"checks: {checks['acknowledged']} acknowledged, {checks['found']} found, "
        f"{checks['missing']} missing, {checks['duplicated']} twice, "
        f"{checks['without_email_task']} without email; count stored {checks['stored_count']}"
        f" = rebuilt {checks['rebuilt_count']}; emailed twice: "
        f"{checks.get('addresses_emailed_twice', 0)}; rows never acknowledged (cut off "
        f"mid-request): {checks['unacknowledged_rows']}"
    )
    for failure in checks["failures"]:
        print(f"FAILED: {failure}")
    if not checks["failures"]:
        print("all checks passed")


if __name__ == "__main__":
    main()
