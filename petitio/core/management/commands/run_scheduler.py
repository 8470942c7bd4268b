"""The one-machine scheduler: runs periodic jobs every minute until stopped.

Wagtail's `publish_scheduled` (pages and revisions scheduled for publishing or
unpublishing) every minute, abuse alerts and the requeueing of tasks whose worker
died every five minutes, and the privacy sweep (retention, expiring IP hashes)
every hour. On many machines run exactly one
scheduler, or call these commands from cron instead.
"""

import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

# (command, seconds between runs)
PERIODIC_COMMANDS = (
    ("publish_scheduled", 60),
    ("send_abuse_alerts", 300),
    ("requeue_stalled_tasks", 300),
    ("privacy_sweep", 3600),
)


class Command(BaseCommand):
    help = "Run periodic jobs (scheduled publishing) every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true", help="Run each job once and exit.")

    def handle(self, *args, interval, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        next_run = {name: 0.0 for name, _every in PERIODIC_COMMANDS}
        while self.running:
            for name, every in PERIODIC_COMMANDS:
                if time.monotonic() < next_run[name] and not once:
                    continue
                next_run[name] = time.monotonic() + every
                try:
                    call_command(name, verbosity=0)
                except Exception as error:  # noqa: BLE001 - keep the loop alive, report it
                    self.stderr.write(f"{name} failed: {error!r}")
            if once:
                return
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                time.sleep(0.5)

    def stop(self, *args):
        self.running = False
