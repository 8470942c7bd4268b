"""Erase what the retention rules say is due (see petitio.privacy.retention).

`make run` runs it every hour through run_scheduler; on many machines, run it
from one scheduler or from cron. Safe to run twice.
"""

from dataclasses import asdict

from django.core.management.base import BaseCommand

from petitio.privacy.retention import run_privacy_sweep


class Command(BaseCommand):
    help = "Erase expired personal data, unconfirmed sign-ups and IP hashes."

    def handle(self, *args, **options):
        report = run_privacy_sweep()
        summary = ", ".join(f"{name}={count}" for name, count in asdict(report).items())
        self.stdout.write(f"Privacy sweep: {summary}")
