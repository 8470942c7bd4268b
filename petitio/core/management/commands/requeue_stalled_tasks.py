"""Hand back to the queue the tasks whose worker died while it held them.

A worker claims tasks in batches (petitio.core.tasks_worker); killed before it
records them, it leaves them RUNNING. A task running for longer than
settings.TASK_STALLED_AFTER_SECONDS is taken for one of those and made READY
again. `make run` runs this every five minutes through run_scheduler; on many
machines, run it from one scheduler or from cron. Safe to run twice.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from petitio.core.tasks_worker import requeue_stalled_tasks


class Command(BaseCommand):
    help = "Requeue tasks left running by a worker that died."

    def handle(self, *args, **options):
        count = requeue_stalled_tasks(
            running_longer_than=timedelta(seconds=settings.TASK_STALLED_AFTER_SECONDS)
        )
        self.stdout.write(f"Requeued {count} stalled task(s).")
