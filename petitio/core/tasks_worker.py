"""The task worker: django-tasks-db's, claiming and finishing tasks in batches.

django-tasks-db's worker writes three times per task: it claims it, records its
result, and (for Petitio's email tasks) the task erases the signer's address
from its own row. On SQLite every write takes the machine's write turn
(petitio.core.sqlite), and a worker on idle priority (bin/serve) that is
preempted while holding it stalls every signer behind it: with the worker
stopped, signing ran about a third faster in the benchmark. On PostgreSQL every
write is a round trip or more, and those writes were a third of the worker's
CPU per email (py-spy on `manage.py db_worker`).

This worker claims up to `claim_size` ready tasks in one transaction, runs them
one after another, and records their results in the transaction that claims the
next batch: two statements per batch instead of three writes per task. A task
that changes its own row through update_own_row() (privacy.task_arguments does)
has that change written by the statement that records its result.

Contract, as django-tasks-db's Worker (the same command options, signals and
results), with these differences:

- a task's result is written with the next claim, or before the worker stops,
  however it is asked to (one Ctrl-C lets the running task finish, a second one
  ends it); task_finished is sent once the result is committed;
- tasks claimed but not started when the worker stops are handed back (READY)
  in its last transaction;
- a worker that dies (SIGKILL, a lost machine) leaves its claimed tasks RUNNING:
  requeue_stalled_tasks(), run by the scheduler, hands them back once they have
  been running longer than settings.TASK_STALLED_AFTER_SECONDS. A task that had
  done its work when its worker died then runs again: at least once, never lost.
  (django-tasks-db leaves such a task RUNNING for ever.)

Sharing a machine with the web server (bin/serve), a worker can give way to a
surge (`yield_when_busy`): while other processes keep more than that share of the
machine's CPUs busy, it claims nothing (its finished results are still written),
for at most `longest_yield` seconds at a time; then one batch, and it looks again.
Having given way, it claims again only once the machine has stayed under that share
for `calm_seconds`: a surge's load, read every tenth of a second, dips under it now
and then (in the benchmark's signing surge the worker claimed again after 0.1 to
0.7 s, time after time), and each batch claimed in a dip takes CPU from signers.
Signers are answered first, and their emails follow when the surge eases.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections import defaultdict, deque
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from traceback import format_exception
from typing import Any, cast

from django.core.exceptions import SuspiciousOperation
from django.db import OperationalError, close_old_connections, connections, transaction
from django.db.models import Field, JSONField
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.compat import TaskContext, task_finished, task_started
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from petitio.core.machine_load import OthersLoad

logger = logging.getLogger("django_tasks_db")

# Tasks claimed per transaction. Small enough that a task waits at most one batch
# behind its neighbours (a batch of emails takes about a tenth of a second), large
# enough that the claim's write is shared by many tasks.
DEFAULT_CLAIM_SIZE = 25
# Giving way to a surge, a worker claims one batch at least this often (seconds).
DEFAULT_LONGEST_YIELD = 30.0
# ... and claims again once the machine has been less busy for this long (seconds).
DEFAULT_CALM_SECONDS = 1.0

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


def requeue_stalled_tasks(*, running_longer_than: timedelta) -> int:
    """Hand back (READY) the tasks left RUNNING since before `running_longer_than`
    ago: their worker died with them. Returns how many; they keep the dead worker's
    id in worker_ids, and run again."""
    cutoff = timezone.now() - running_longer_than
    stalled = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    requeued = stalled.update(status=TaskResultStatus.READY, started_at=None)
    if requeued:
        logger.warning("Requeued %d task(s) left running since before %s", requeued, cutoff)
    return requeued


def _update_rows(rows: Iterable[tuple[DBTaskResult, dict[str, Any]]]) -> None:
    """Write each task row's own new values: one prepared UPDATE per set of columns,
    executed for all its rows at once (in the caller's transaction).

    The values go through their fields' get_db_prep_save(), as in save()."""
    by_columns: dict[tuple[str, ...], list[tuple[DBTaskResult, dict[str, Any]]]] = defaultdict(list)
    for row, values in rows:
        by_columns[tuple(values)].append((row, values))
    if not by_columns:
        return
    meta = DBTaskResult._meta
    key = meta.pk
    assert key is not None
    connection = connections[DBTaskResult.objects.db]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for names, group in by_columns.items():
            fields = [cast(Field, meta.get_field(name)) for name in names]
            assignments = ", ".join(f"{quote(_column(field))} = %s" for field in fields)
            cursor.executemany(
                f"UPDATE {quote(meta.db_table)} SET {assignments} "  # noqa: S608 - the model's names
                f"WHERE {quote(_column(key))} = %s",
                [
                    [field.get_db_prep_save(values[field.name], connection) for field in fields]
                    + [key.get_db_prep_value(row.pk, connection)]
                    for row, values in group
                ],
            )


def _column(field: Field) -> str:
    assert field.column is not None  # a concrete field of the task model
    return field.column


def _storable(return_value: Any) -> None:
    """Raise TypeError or ValueError if the return value cannot be stored as JSON
    (checked before the batch's write, which it would otherwise fail)."""
    encoder = cast(JSONField, DBTaskResult._meta.get_field("return_value")).encoder
    json.dumps(return_value, cls=encoder, allow_nan=False)


@dataclass
class _Result:
    """A task's outcome, not yet written."""

    row: DBTaskResult
    started_at: datetime
    return_value: Any = None
    error: BaseException | None = None
    own_row_changes: dict[str, Any] = field(default_factory=dict)

    def values(self) -> dict[str, Any]:
        """The row's finishing columns, also set on `row` (for task_finished)."""
        values: dict[str, Any] = {
            "status": TaskResultStatus.SUCCESSFUL,
            "started_at": self.started_at,
            "finished_at": timezone.now(),
            "return_value": self.return_value,
            "exception_class_path": "",
            "traceback": "",
        }
        if self.error is not None:
            failure = self.error
            values |= {
                "status": TaskResultStatus.FAILED,
                "return_value": None,
                "exception_class_path": f"{type(failure).__module__}.{type(failure).__qualname__}",
                "traceback": "".join(format_exception(failure)),
            }
        else:
            values |= self.own_row_changes  # a failed task's own changes are not written
        for name, value in values.items():
            setattr(self.row, name, value)
        return values


class Worker(db_worker.Worker):
    """django-tasks-db's Worker, claiming up to `claim_size` tasks per transaction and
    recording their results with the next claim (see the module's docstring)."""

    def __init__(
        self,
        *,
        claim_size: int = DEFAULT_CLAIM_SIZE,
        yield_when_busy: float = 0.0,
        longest_yield: float = DEFAULT_LONGEST_YIELD,
        calm_seconds: float = DEFAULT_CALM_SECONDS,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.claim_size = max(1, claim_size)
        self.claimed: deque[DBTaskResult] = deque()  # claimed, not started
        self.finished: list[_Result] = []  # run, result not yet written
        self.yield_when_busy = yield_when_busy
        self.longest_yield = longest_yield
        self.others_load = OthersLoad() if yield_when_busy > 0 else None
        self.calm_seconds = calm_seconds
        self.giving_way_since: float | None = None
        self.calm_since: float | None = None  # giving way, the machine less busy since

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names)
        )
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - spreads workers that start together
        try:
            self._loop()
        finally:
            self._hand_over()

    def _loop(self) -> None:
        while self.running:
            close_old_connections()  # dropped or expired connections, after waking up
            if self._giving_way():
                if self.finished:
                    self._finish_and_claim(wanted=0)
                time.sleep(max(self.interval, 0.1))  # also the window of the next reading
                continue
            retrieved = self._finish_and_claim(wanted=self._wanted())
            ran = self._run_claimed()
            if self.batch and retrieved and not ran:
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
            if self.running and not ran:
                time.sleep(self.interval)

    def _ready_tasks(self):  # type: ignore[no-untyped-def]  # a DBTaskResultQuerySet
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        return tasks

    def _wanted(self) -> int:
        if not self.running:
            return 0
        if self.max_tasks is None:
            return self.claim_size
        return max(0, min(self.claim_size, self.max_tasks - self._run_tasks - len(self.claimed)))

    def _giving_way(self) -> bool:
        """Whether to leave the queue alone for now (see the module's docstring)."""
        if self.others_load is None:
            return False
        share = self.others_load.busy_share()
        now = time.monotonic()
        if share < self.yield_when_busy:
            if self.giving_way_since is None:
                return False
            if self.calm_since is None:
                self.calm_since = now
            if now - self.calm_since >= self.calm_seconds:
                logger.info(
                    "Machine less busy: claiming again after %.1f s", now - self.giving_way_since
                )
                self.giving_way_since = self.calm_since = None
                return False
        else:
            self.calm_since = None
        if self.giving_way_since is None:
            logger.info("Machine busy (%.0f%% of its CPUs): giving way", share * 100)
            self.giving_way_since = now
        if now - self.giving_way_since >= self.longest_yield:
            self.giving_way_since = now  # one batch now, then give way again
            return False
        return True

    def _finish_and_claim(self, *, wanted: int) -> bool:
        """In one transaction: the finished tasks' results, and up to `wanted` tasks
        claimed.

        Returns whether the queue was read; a locked database (SQLite) leaves both
        for the next round.
        """
        tasks = self._ready_tasks()
        try:
            with exclusive_transaction(tasks.db):
                _update_rows((result.row, result.values()) for result in self.finished)
                claimed = self._claim(tasks, wanted) if wanted else []
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            return False
        self._announce_finished()
        self.claimed.extend(claimed)
        return True

    def _claim(self, tasks, wanted: int) -> list[DBTaskResult]:  # type: ignore[no-untyped-def]
        rows = list(tasks.select_for_update(skip_locked=True)[:wanted])
        now = timezone.now()
        _update_rows(
            (
                row,
                {
                    "status": TaskResultStatus.RUNNING,
                    "started_at": now,
                    "worker_ids": [*row.worker_ids, self.worker_id],
                },
            )
            for row in rows
        )
        for row in rows:
            row.status, row.started_at = TaskResultStatus.RUNNING, now
            row.worker_ids = [*row.worker_ids, self.worker_id]
        return rows

    def _run_claimed(self) -> int:
        ran = 0
        while self.claimed and self.running:
            self.run_task(self.claimed.popleft())
            ran += 1
        return ran

    def _hand_over(self) -> None:
        """Before stopping: write the finished tasks' results, and hand back the tasks
        claimed but not started, in one transaction."""
        if not self.finished and not self.claimed:
            return
        unstarted = (
            (
                row,
                {
                    "status": TaskResultStatus.READY,
                    "started_at": None,
                    "worker_ids": row.worker_ids[:-1],
                },
            )
            for row in self.claimed
        )
        with transaction.atomic(using=DBTaskResult.objects.db):
            _update_rows((result.row, result.values()) for result in self.finished)
            _update_rows(unstarted)
        self.claimed.clear()
        self._announce_finished()

    def _announce_finished(self) -> None:
        finished, self.finished = self.finished, []
        for result in finished:
            try:
                sender = type(result.row.task.get_backend())
                task_result = result.row.task_result
            except (ImportError, SuspiciousOperation):
                logger.exception("Task id=%s failed unexpectedly", result.row.id)
                continue
            task_finished.send(sender=sender, task_result=task_result)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """Run the task; its result is kept in self.finished, written by the next
        transaction."""
        self.running_task = True
        result = _Result(row=db_task_result, started_at=timezone.now())
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
            _storable(result.return_value)  # else the task fails, as in django-tasks-db
            result.own_row_changes = changes
        except BaseException as error:  # noqa: BLE001 - recorded as the task's failure
            result.error = error
        finally:
            self.finished.append(result)
            self._run_tasks += 1
            self.running_task = False
