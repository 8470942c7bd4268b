"""A local SMTP server that accepts every message and keeps only what the benchmark needs.

    python -m bench.smtp_sink --port 8725 --links var/bench/links.txt --stats var/bench/smtp.json

For each message it appends the confirmation link (the path, one per line) to the
links file, and counts messages per recipient; on SIGTERM it writes the counts and
the times of the first and last message to the stats file. Nothing else is kept.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import signal
import time
from collections import Counter
from pathlib import Path

from aiosmtpd.controller import Controller

CONFIRM_LINK = re.compile(rb"https?://[^/\s]+(/[a-z]{2}/signatures/confirm/[^/\s]+/)")


class Sink:
    def __init__(self, links_path: Path) -> None:
        self.links = links_path.open("a", buffering=1)
        self.per_recipient: Counter[str] = Counter()
        self.first: float | None = None
        self.last: float | None = None
        self.received = 0
        self.per_second: Counter[int] = Counter()  # messages received in each second

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd API
        now = time.time()
        self.first = self.first or now
        self.last = now
        self.received += 1
        self.per_second[int(now)] += 1
        for recipient in envelope.rcpt_tos:
            self.per_recipient[recipient.lower()] += 1
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode()
        # Quoted-printable may fold a long link: unfold soft line breaks first.
        match = CONFIRM_LINK.search(content.replace(b"=\r\n", b"").replace(b"=\n", b""))
        if match:
            self.links.write(match.group(1).decode().replace("=3D", "=") + "\n")
        return "250 OK"

    def stats(self) -> dict:
        return {
            "received": self.received,
            "first": self.first,
            "last": self.last,
            "per_recipient": dict(self.per_recipient),
            "per_second": dict(self.per_second),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--links", required=True)
    parser.add_argument("--stats", required=True)
    args = parser.parse_args()
    sink = Sink(Path(args.links))
    controller = Controller(sink, hostname="127.0.0.1", port=args.port, ready_timeout=10)
    controller.start()
    stopped = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    try:
        loop.run_until_complete(stopped.wait())
    finally:
        controller.stop()
        Path(args.stats).write_text(json.dumps(sink.stats()))


if __name__ == "__main__":
    main()
