"""django-tasks-db's database backend, enqueuing with a prepared INSERT.

The signing path enqueues one email task per signature, inside the signature's
transaction (the outbox). django-tasks-db builds the task row with
DBTaskResult.objects.create(); this backend builds the same row and inserts it
with petitio.core.prepared_insert.insert_one, whose statement is compiled once.
Everything else (the worker, results, pruning) is django-tasks-db's own.
"""

from __future__ import annotations

from typing import Any

from django_tasks_db.backend import DatabaseBackend as BaseDatabaseBackend
from django_tasks_db.compat import normalize_json
from django_tasks_db.models import DBTaskResult

from .prepared_insert import insert_one


class DatabaseBackend(BaseDatabaseBackend):
    def _task_to_db_task(self, task: Any, args: Any, kwargs: Any) -> DBTaskResult:
        # The same columns as django-tasks-db's _task_to_db_task (0.13).
        db_result: DBTaskResult = DBTaskResult(
            id=self._get_id(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )
        insert_one(db_result)
        return db_result
