"""The load generator: simulated visitors driving a running Petitio over HTTP.

Run by `python -m bench` in a process of its own; usable alone too:

    python -m bench.load --ports 8700 --plan var/bench/plan.json --scenario sign \
        --duration 60 --concurrency 64 --out result.json

A scenario keeps up to `concurrency` requests in flight for `duration` seconds,
on as many keep-alive connections, and records every answer:

- sign: fresh visitors (own address, own IP behind the proxy), each of whom GETs
  the campaign page, reads the form as a browser would, takes the few seconds a
  person needs to type, then POSTs a distinct signature through that same form.
  A 303 to the "check your inbox" page is an acknowledgement; its address is
  written to the result so the checker can look for it in the database. With
  `--arrival-rate N` visitors arrive N per second (at random moments, as people
  do) for the whole duration, however slowly the server answers, and each signs
  once: the rate a campaign brings, and the wait it gets (an open loop). With
  `--arrival-rate 0`, `--visitors` people sign one after another as fast as the
  server lets them: its peak, where the waits measure mostly the queue.
- confirm: opens confirmation links taken from the emails the worker sent to the
  SMTP sink, GETs the page with the button, then POSTs it as the button does.
- page: campaign page views, in the three languages.
- count: the live-count requests the page's script makes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from .http import Connection, ProtocolError, Response

ISSUED_FIELD = re.compile(rb'name="issued" value="([^"]*)"')
FORM_ACTION = re.compile(rb'class="signing-form" method="post" action="([^"]+)"')
FIRST_NAMES = ["Aysel", "Nur", "Zoë", "Gülnar", "Mehmet", "Anouk", "Jan", "Fatima", "Élodie"]
LAST_NAMES = ["Peeters", "Janssens", "Dubois", "Yılmaz", "Abdulla", "Van den Berg", "Leclercq"]


# The tail is also reported per window of this many seconds (by when each answer
# came): a p99 missed in one window of six is a stall, in every window a lack of
# capacity.
TAIL_WINDOW_SECONDS = 10


def percentile_ms(ordered: list[float], p: float) -> float | None:
    """The p-th fraction of sorted latencies (seconds), in milliseconds."""
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1)


@dataclass
class KindStats:
    """Answers to one kind of request: how many, how fast, what went wrong."""

    started: float  # time.monotonic() when the scenario started
    latencies: list[float] = field(default_factory=list)  # seconds, successes only
    answered: list[float] = field(default_factory=list)  # seconds after `started`, the same
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)

    def ok(self, seconds: float) -> None:
        self.latencies.append(seconds)
        self.answered.append(time.monotonic() - self.started)

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(what[:300])

    def summary(self, duration: float) -> dict:
        ordered = sorted(self.latencies)
        return {
            "ok": len(ordered),
            "per_second": round(len(ordered) / duration, 1),
            "p50_ms": percentile_ms(ordered, 0.50),
            "p95_ms": percentile_ms(ordered, 0.95),
            "p99_ms": percentile_ms(ordered, 0.99),
            "p99_ms_by_window": self.p99_by_window(),
            "errors": self.errors,
            "error_samples": self.error_samples,
        }

    def p99_by_window(self) -> list[float | None]:
        """The p99 of the answers that came in each TAIL_WINDOW_SECONDS, in order."""
        windows: list[list[float]] = []
        for latency, answered in zip(self.latencies, self.answered, strict=True):
            index = int(answered // TAIL_WINDOW_SECONDS)
            windows.extend([] for _ in range(index + 1 - len(windows)))
            windows[index].append(latency)
        return [percentile_ms(sorted(window), 0.99) for window in windows]


class Visitors:
    """Shared state of one scenario run: the plan, the clock, the statistics."""

    def __init__(self, plan: dict, ports: list[int], duration: float, think_seconds: float) -> None:
        self.plan = plan
        self.ports = ports
        self.connections = 0
        self.dead_ports: set[int] = set()
        self.started = time.monotonic()
        self.deadline = self.started + duration
        self.think_seconds = think_seconds
        self.stats: dict[str, KindStats] = {}
        self.acknowledged: list[str] = []
        self.confirmed: list[str] = []
        self.serial = 0
        self.run_id = f"{int(time.time()):x}"
        self.links: list[str] = []
        self.pool: asyncio.Queue[Connection] = asyncio.Queue()

    def connect(self) -> Connection:
        """A connection to the next live web server in turn, as a load balancer would."""
        live = [port for port in self.ports if port not in self.dead_ports] or self.ports
        self.connections += 1
        return Connection("127.0.0.1", live[self.connections % len(live)])

    def open_pool(self, size: int) -> None:
        for _ in range(size):
            self.pool.put_nowait(self.connect())

    async def close_pool(self) -> None:
        while not self.pool.empty():
            await self.pool.get_nowait().close()

    async def request(self, method: str, path: str, **options) -> Response:
        """One request on a pooled connection: at most `concurrency` in flight."""
        connection = await self.pool.get()
        try:
            return await connection.request(method, path, **options)
        except (OSError, asyncio.IncompleteReadError, ProtocolError):
            # The request counts as an error; like a load balancer, stop sending to a
            # server that refuses connections, and give this slot a new connection.
            await connection.close()
            if await refuses_connections(connection.port):
                self.dead_ports.add(connection.port)
            connection = self.connect()
            raise
        finally:
            self.pool.put_nowait(connection)

    def kind(self, name: str) -> KindStats:
        if name not in self.stats:
            self.stats[name] = KindStats(started=self.started)
        return self.stats[name]

    def headers(self, ip: str) -> dict[str, str]:
        # As the reverse proxy in front of production would pass them on.
        return {
            "X-Forwarded-For": ip,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "fr-BE,fr;q=0.9,nl;q=0.7,en;q=0.5",
            "User-Agent": "petitio-bench",
        }

    def new_visitor_ip(self) -> str:
        # Distinct addresses, as real supporters have: one per visitor.
        return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


async def refuses_connections(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return True
    writer.close()
    return False


async def timed(
    stats: KindStats,
    call: Awaitable[Response],
    expect: Callable[[Response], str | None],
) -> Response | None:
    """Await a request; record its latency if `expect` finds nothing wrong with it."""
    started = time.perf_counter()
    try:
        response = await call
    except Exception as error:  # noqa: BLE001 - every failure is a measured error
        stats.error(f"{type(error).__name__}: {error}")
        return None
    problem = expect(response)
    if problem:
        stats.error(problem)
        return None
    stats.ok(time.perf_counter() - started)
    return response


def status_is(*statuses: int) -> Callable[[Response], str | None]:
    def check(response: Response) -> str | None:
        if response.status in statuses:
            return None
        return f"HTTP {response.status}: {response.body[:200]!r}"

    return check


async def view_page(visitors: Visitors) -> None:
    path = random.choice(visitors.plan["page_paths"])
    headers = visitors.headers(visitors.new_visitor_ip())
    await timed(
        visitors.kind("page"), visitors.request("GET", path, headers=headers), status_is(200)
    )


async def request_count(visitors: Visitors) -> None:
    path = random.choice(visitors.plan["count_paths"])
    headers = visitors.headers(visitors.new_visitor_ip())
    await timed(
        visitors.kind("count"), visitors.request("GET", path, headers=headers), status_is(200)
    )


async def open_form(visitors: Visitors, ip: str) -> dict | None:
    """A new visitor reads the campaign page: the form they will fill, or None."""
    path = random.choice(visitors.plan["page_paths"])
    response = await timed(
        visitors.kind("sign_form"),
        visitors.request("GET", path, headers=visitors.headers(ip)),
        status_is(200),
    )
    if response is None:
        return None
    issued = ISSUED_FIELD.search(response.body)
    action = FORM_ACTION.search(response.body)
    if not (issued and action):
        visitors.kind("sign_form").error("no signing form on the page")
        return None
    visitors.serial += 1
    return {
        "action": action.group(1).decode(),
        "fields": {
            "first_name": random.choice(FIRST_NAMES),
            "last_name": random.choice(LAST_NAMES),
            "email": f"bench-{visitors.run_id}-{visitors.serial}@example.org",
            "country": "BE",
            "postcode": str(random.randrange(1000, 9999)),
            "issued": issued.group(1).decode(),
            "website": "",
            "proof": "",
        },
    }


async def send_form(visitors: Visitors, ip: str, form: dict) -> None:
    body = urllib.parse.urlencode(form["fields"]).encode()
    headers = visitors.headers(ip)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    response = await timed(
        visitors.kind("sign"),
        visitors.request("POST", form["action"], headers=headers, body=body),
        status_is(303),
    )
    if response is not None:
        visitors.acknowledged.append(form["fields"]["email"])


async def signing_visitor(visitors: Visitors) -> None:
    """One person after another: read the page, type, sign; until the time is up."""
    # Arrivals spread over the first typing time, not all in the same instant.
    await asyncio.sleep(random.uniform(0, visitors.think_seconds))
    while time.monotonic() < visitors.deadline:
        ip = visitors.new_visitor_ip()
        form = await open_form(visitors, ip)
        if form is None:
            continue
        await asyncio.sleep(visitors.think_seconds * random.uniform(1.0, 1.3))
        if time.monotonic() >= visitors.deadline:
            return
        await send_form(visitors, ip, form)


async def signing_once(visitors: Visitors) -> None:
    """One person arrives, reads the page, types and signs, however long it takes."""
    ip = visitors.new_visitor_ip()
    form = await open_form(visitors, ip)
    if form is None:
        return
    await asyncio.sleep(visitors.think_seconds * random.uniform(1.0, 1.3))
    await send_form(visitors, ip, form)


async def arriving_visitors(visitors: Visitors, per_second: float) -> None:
    """New visitors arrive `per_second` on average (Poisson arrivals) until the time
    is up, whether or not the server keeps up; wait until all who came have signed."""
    signing: set[asyncio.Task] = set()
    arrival = time.monotonic()
    while True:
        arrival += random.expovariate(per_second)
        if arrival >= visitors.deadline:
            break
        await asyncio.sleep(max(0.0, arrival - time.monotonic()))
        task = asyncio.create_task(signing_once(visitors))
        signing.add(task)
        task.add_done_callback(signing.discard)
    await asyncio.gather(*signing)


async def confirming_visitor(visitors: Visitors) -> None:
    while time.monotonic() < visitors.deadline and visitors.links:
        path = visitors.links.pop()
        headers = visitors.headers(visitors.new_visitor_ip())
        shown = await timed(
            visitors.kind("confirm_page"),
            visitors.request("GET", path, headers=headers),
            status_is(200),
        )
        if shown is None:
            continue
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        done = await timed(
            visitors.kind("confirm"),
            visitors.request("POST", path, headers=headers, body=b""),
            status_is(303),
        )
        if done is not None:
            visitors.confirmed.append(path)


async def looping_visitor(visitors: Visitors, step) -> None:
    while time.monotonic() < visitors.deadline:
        await step(visitors)


async def run(args: argparse.Namespace) -> dict:
    plan = json.loads(Path(args.plan).read_text())
    ports = [int(port) for port in args.ports.split(",")]
    visitors = Visitors(plan, ports, args.duration, args.think_seconds)
    visitors.open_pool(args.concurrency)
    people = args.concurrency
    # Rates are per second of this window; an open loop's last visitors sign after it.
    window = args.duration
    if args.scenario == "sign" and args.arrival_rate > 0:
        make = lambda: arriving_visitors(visitors, args.arrival_rate)  # noqa: E731
        people = 1
    elif args.scenario == "sign":
        make = lambda: signing_visitor(visitors)  # noqa: E731
        people = args.visitors
    elif args.scenario == "confirm":
        links = Path(plan["links_file"]).read_text().split()
        random.shuffle(links)
        visitors.links = links
        make = lambda: confirming_visitor(visitors)  # noqa: E731
    elif args.scenario == "page":
        make = lambda: looping_visitor(visitors, view_page)  # noqa: E731
    elif args.scenario == "count":
        make = lambda: looping_visitor(visitors, request_count)  # noqa: E731
    else:
        raise SystemExit(f"unknown scenario {args.scenario}")
    started = time.monotonic()
    cpu_started = time.process_time()
    await asyncio.gather(*(make() for _ in range(people)))
    elapsed = time.monotonic() - started
    if not (args.scenario == "sign" and args.arrival_rate > 0):
        window = elapsed
    await visitors.close_pool()
    return {
        "scenario": args.scenario,
        "concurrency": args.concurrency,
        "duration": round(elapsed, 2),
        "load_cpu_seconds": round(time.process_time() - cpu_started, 1),
        "arrival_rate": args.arrival_rate if args.scenario == "sign" else None,
        "kinds": {name: stats.summary(window) for name, stats in visitors.stats.items()},
        "acknowledged": visitors.acknowledged,
        "confirmed": visitors.confirmed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", required=True, help="the web servers, comma-separated")
    parser.add_argument("--plan", required=True)
    parser.add_argument("--scenario", required=True, choices=["sign", "confirm", "page", "count"])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight")
    parser.add_argument(
        "--arrival-rate",
        type=float,
        default=0,
        help="sign: new visitors per second, each signing once (0: --visitors sign in turn)",
    )
    parser.add_argument(
        "--visitors",
        type=int,
        default=4000,
        help="sign with --arrival-rate 0: people signing at once, most of them typing",
    )
    parser.add_argument(
        "--think-seconds",
        type=float,
        default=3.5,
        help="how long a visitor takes to fill the form (the server flags under 3 s)",
    )
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    result = asyncio.run(run(args))
    Path(args.out).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
