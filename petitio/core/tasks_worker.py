"""The task worker: django-tasks-db's, writing once per task instead of three times.

django-tasks-db's worker claims a task in one transaction, runs it, and marks it
finished in another write; the signing path's email tasks also erase the
signer's address from their own row, a third write. On SQLite every write takes
the machine's write turn (petitio.core.sqlite), and a worker on idle priority
(bin/serve) that is preempted while holding it stalls every signer behind it:
with the worker stopped, signing ran about a third faster in the benchmark. On
PostgreSQL every write is a round trip or more.

This worker finishes a task and claims the next in one transaction, and a task
that changes its own row through update_own_row() (privacy.task_arguments does)
has that change written by the same statement that finishes it.

Contract, as django-tasks-db's Worker (the same command options, signals and
results): a worker runs one task at a time and claims the next only in the
transaction that records the previous one's result; a task's result is written
before the worker stops, however it is asked to (one Ctrl-C waits for it, a
second one ends the task, as before). task_finished is sent once the result is
committed.
"""

from __future__ import annotations

import logging
import random
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from traceback import format_exception
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.db import OperationalError, close_old_connections, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.compat import TaskContext, task_finished, task_started
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger("django_tasks_db")

# The running task's id, and the changes to its own row kept for its finishing write.
_own_row_changes: ContextVar[tuple[str, dict[str, Any]] | None] = ContextVar(
    "petitio_own_row_changes", default=None
)


def update_own_row(task_result: Any, **fields: Any) -> None:
    """Change columns of the running task's own row (DBTaskResult).

    Run by this worker, the change is written with the task's result, in the same
    statement; anywhere else (another worker, a test calling the task), at once.
    """
    pending = _own_row_changes.get()
    if pending is not None and pending[0] == str(task_result.id):
        pending[1].update(fields)
        return
    DBTaskResult.objects.filter(id=task_result.id).update(**fields)


@contextmanager
def _collecting_own_row_changes(task_id: str):
    changes: dict[str, Any] = {}
    token = _own_row_changes.set((task_id, changes))
    try:
        yield changes
    finally:
        _own_row_changes.reset(token)


@dataclass
class _Result:
    """A task's outcome, not yet written."""

    row: DBTaskResult
    return_value: Any = None
    error: BaseException | None = None
    own_row_changes: dict[str, Any] = field(default_factory=dict)

    def write(self) -> None:
        """Mark the row SUCCESSFUL or FAILED, with the task's own changes, in one UPDATE
        (inside the caller's transaction)."""
        if self.error is None and self.return_value is None:
            self._save(TaskResultStatus.SUCCESSFUL)
            return
        if self.error is None:
            try:
                # A return value that cannot be stored fails the task, as in
                # django-tasks-db; a savepoint keeps the transaction usable.
                with transaction.atomic(using=DBTaskResult.objects.db):
                    self._save(TaskResultStatus.SUCCESSFUL, return_value=self.return_value)
                return
            except (TypeError, ValueError) as unstorable:
                self.error = unstorable
        failure = self.error
        assert failure is not None
        self._save(
            TaskResultStatus.FAILED,
            exception_class_path=f"{type(failure).__module__}.{type(failure).__qualname__}",
            traceback="".join(format_exception(failure)),
        )

    def _save(self, status: str, **columns: Any) -> None:
        row = self.row
        values = {
            "status": status,
            "finished_at": timezone.now(),
            "return_value": None,
            "exception_class_path": "",
            "traceback": "",
            **columns,
            **self.own_row_changes,
        }
        for name, value in values.items():
            setattr(row, name, value)
        row.save(update_fields=list(values))


class Worker(db_worker.Worker):
    """django-tasks-db's Worker with run() and run_task() that write once per task."""

    pending: _Result | None = None

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names)
        )
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - spreads workers that start together
        try:
            self._loop()
        finally:
            self._write_pending_result()

    def _loop(self) -> None:
        while self.running:
            close_old_connections()  # dropped or expired connections, after waking up
            task_result, retrieved = self._finish_and_claim()
            if task_result is not None:
                self.run_task(task_result)
            if self.batch and retrieved and task_result is None:
                logger.info(
                    "No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id
                )
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info(
                    "Run maximum tasks (%d) on worker=%s - exiting gracefully.",
                    self._run_tasks,
                    self.worker_id,
                )
                return
            if self.running and task_result is None:
                time.sleep(self.interval)

    def _ready_tasks(self):  # type: ignore[no-untyped-def]  # a DBTaskResultQuerySet
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        return tasks

    def _finish_and_claim(self) -> tuple[DBTaskResult | None, bool]:
        """In one transaction: the previous task's result, and the next task claimed.

        Returns (the claimed row or None, whether the queue was read); a locked
        database (SQLite) leaves both for the next round.
        """
        tasks = self._ready_tasks()
        try:
            with exclusive_transaction(tasks.db):
                if self.pending is not None:
                    self.pending.write()
                task_result = tasks.get_locked() if self.running else None  # stopping: no more
                if task_result is not None:
                    task_result.claim(self.worker_id)
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            return None, False
        self._announce_pending_result()
        return task_result, True

    def _write_pending_result(self) -> None:
        if self.pending is None:
            return
        with transaction.atomic(using=DBTaskResult.objects.db):
            self.pending.write()
        self._announce_pending_result()

    def _announce_pending_result(self) -> None:
        result, self.pending = self.pending, None
        self.running_task = False
        if result is None:
            return
        try:
            sender = type(result.row.task.get_backend())
            task_result = result.row.task_result
        except (ImportError, SuspiciousOperation):
            logger.exception("Task id=%s failed unexpectedly", result.row.id)
            return
        task_finished.send(sender=sender, task_result=task_result)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """Run the task; its result is kept in self.pending, written by the next
        transaction. Until then the worker counts as busy (one Ctrl-C waits)."""
        self.running_task = True
        result = _Result(row=db_task_result)
        try:
            task = db_task_result.task
            task_result = db_task_result.task_result
            task_started.send(sender=type(task.get_backend()), task_result=task_result)
            with _collecting_own_row_changes(str(task_result.id)) as changes:
                if task.takes_context:
                    result.return_value = task.call(
                        TaskContext(task_result=task_result),
                        *task_result.args,
                        **task_result.kwargs,
                    )
                else:
                    result.return_value = task.call(*task_result.args, **task_result.kwargs)
            result.own_row_changes = changes
        except BaseException as error:  # noqa: BLE001 - recorded as the task's failure
            result.error = error  # its own row changes, if any, are not written
        finally:
            self.pending = result
            self._run_tasks += 1
