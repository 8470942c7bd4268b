"""The one-machine scheduler: runs periodic jobs every minute until stopped.

Today that is Wagtail's `publish_scheduled` (pages and revisions scheduled for
publishing or unpublishing). On many machines run exactly one scheduler, or call
`manage.py publish_scheduled` from cron instead.
"""

import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

PERIODIC_COMMANDS = ("publish_scheduled",)


class Command(BaseCommand):
    help = "Run periodic jobs (scheduled publishing) every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true", help="Run each job once and exit.")

    def handle(self, *args, interval, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        while self.running:
            for name in PERIODIC_COMMANDS:
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
