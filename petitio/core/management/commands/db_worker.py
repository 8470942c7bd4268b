"""`manage.py db_worker`: django-tasks-db's command, running Petitio's worker.

The same options and behaviour as django-tasks-db's db_worker, plus --claim-size
and --yield-when-busy with --longest-yield;
the worker is petitio.core.tasks_worker.Worker, which claims and finishes tasks in
batches (see there). This app comes before django_tasks_db in INSTALLED_APPS, so
this command is the one run.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from petitio.core.tasks_worker import DEFAULT_CLAIM_SIZE, DEFAULT_LONGEST_YIELD, Worker


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def _share(value: str) -> float:
    number = float(value)
    if not 0 <= number <= 1:
        raise ValueError(value)
    return number


class Command(db_worker.Command):
    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--claim-size",
            type=_positive,
            default=DEFAULT_CLAIM_SIZE,
            help=f"Tasks claimed per transaction (default {DEFAULT_CLAIM_SIZE}).",
        )
        parser.add_argument(
            "--yield-when-busy",
            type=_share,
            default=0.0,
            metavar="SHARE",
            help="For a worker sharing its machine with web servers: claim nothing while "
            "other processes keep more than this share (0 to 1) of the CPUs busy. "
            "Default 0: never give way.",
        )
        parser.add_argument(
            "--longest-yield",
            type=float,
            default=DEFAULT_LONGEST_YIELD,
            metavar="SECONDS",
            help="Giving way, claim one batch at least this often "
            f"(default {DEFAULT_LONGEST_YIELD:g}).",
        )

    def handle(  # type: ignore[override]  # the base's keyword arguments, as parsed
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        claim_size: int,
        yield_when_busy: float,
        longest_yield: float,
        **options: Any,
    ) -> None:
        # As django-tasks-db's handle() (0.13), with Petitio's Worker.
        self.configure_logging(verbosity)
        if reload and batch:
            db_worker.logger.warning(
                "Warning: --reload and --batch cannot be specified together. Disabling autoreload."
            )
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
            claim_size=claim_size,
            yield_when_busy=yield_when_busy,
            longest_yield=longest_yield,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the reloaded child
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
