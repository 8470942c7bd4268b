"""django-tasks-db's database backend, enqueuing with prepared INSERTs, and the
outbox write of the signing path.

The signing path enqueues one email task per signature, inside the signature's
transaction (the outbox). django-tasks-db builds the task row with
DBTaskResult.objects.create(); this backend builds the same row and inserts it
with petitio.core.prepared_insert, whose statements are compiled once.
insert_with_task() writes a row and its task together, in one statement on
PostgreSQL. Everything else (the worker, results, pruning) is django-tasks-db's own.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Model
from django_tasks.base import Task
from django_tasks.signals import task_enqueued
from django_tasks_db.backend import DatabaseBackend as BaseDatabaseBackend
from django_tasks_db.backend import TaskResult
from django_tasks_db.compat import TaskResultStatus, normalize_json
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import normalize_uuid

from .prepared_insert import insert_one, insert_pair, prepare_insert


class DatabaseBackend(BaseDatabaseBackend):
    def new_task_row(self, task: Any, args: Any, kwargs: Any) -> DBTaskResult:
        """The row enqueue() stores for task(*args, **kwargs), not stored yet (the
        task is not validated here: enqueue() and insert_with_task() do that)."""
        # The same columns as django-tasks-db's _task_to_db_task (0.13).
        return DBTaskResult(
            id=self._get_id(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )

    def _task_to_db_task(self, task: Any, args: Any, kwargs: Any) -> DBTaskResult:
        db_result = self.new_task_row(task, args, kwargs)
        insert_one(db_result)
        return db_result

    def announce(self, db_result: DBTaskResult, task: Task) -> None:
        """What enqueue() does once `task`'s row is stored: the task_enqueued signal.

        It carries the TaskResult that db_result.task_result would give, built from
        the task in hand: task_result imports the task again from its path and
        copies it, which was a twentieth of a signing request's CPU (py-spy).
        """
        task_enqueued.send(
            type(self),
            task_result=TaskResult(
                db_result=db_result,
                # Typed as Django 6's django.tasks Task; on Django 5.2 it is django_tasks' own.
                task=task,  # type: ignore[arg-type]
                id=normalize_uuid(db_result.id),
                status=TaskResultStatus.READY,
                enqueued_at=db_result.enqueued_at,
                started_at=None,
                last_attempted_at=None,
                finished_at=None,
                args=db_result.args_kwargs["args"],
                kwargs=db_result.args_kwargs["kwargs"],
                backend=self.alias,
                errors=[],
                worker_ids=[],
            ),
        )


def insert_with_task(row: Model, task: Task, **kwargs: Any) -> bool:
    """Store `row` unless it breaks a unique constraint and, only if it was stored,
    enqueue task(**kwargs) in the same transaction. Returns whether it was stored.

    The task's arguments must not need the row's database-made values (pass its
    UUID, not its auto-increment key). With the database backend both rows are
    written by prepared statements, in one statement on PostgreSQL
    (prepared_insert.insert_pair); with another backend (the tests' immediate one)
    the row is inserted and the task enqueued the ordinary way.
    """
    backend = task.get_backend()
    if isinstance(backend, DatabaseBackend):
        backend.validate_task(task)
        task_row = backend.new_task_row(task, (), kwargs)
        stored = insert_pair(row, task_row)
        if stored:
            backend.announce(task_row, task)
        return stored
    with transaction.atomic():
        stored = prepare_insert(row, ignore_conflicts=True).execute()
        if stored:
            task.enqueue(**kwargs)
    return stored
