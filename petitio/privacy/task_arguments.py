"""The address an email task carries, erased from the task queue once it is used.

In sealed mode the server cannot read a signer's address back, so the email task
receives it as an argument: the only clear copy on the server. The task erases it
from its own queued row as soon as the message is handed to the mail server; the
privacy sweep erases whatever is left: in tasks that failed, and in tasks queued
longer ago than a link lives (they will never be useful).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResult

# Keyword arguments of email tasks that hold personal data.
PERSONAL_ARGUMENTS = ("recipient_email", "recipient_name")


def _without_personal_arguments(args_kwargs: dict) -> dict:
    kwargs = {
        name: value
        for name, value in args_kwargs.get("kwargs", {}).items()
        if name not in PERSONAL_ARGUMENTS
    }
    return {"args": args_kwargs.get("args", []), "kwargs": kwargs}


def erase_task_arguments(task_result: TaskResult) -> None:
    """Drop the personal arguments stored with one task, if its backend keeps any.

    With the database task backend the row is rewritten; other backends (the
    immediate one of the tests) keep no row, so there is nothing to do.
    """
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend

    from petitio.core.tasks_worker import update_own_row

    if not isinstance(task_backends[task_result.backend], DatabaseBackend):
        return
    # The result carries the arguments as stored (normalised JSON): no need to read
    # the row back. Petitio's worker writes the change with the task's result.
    stored = {"args": task_result.args, "kwargs": task_result.kwargs}
    update_own_row(task_result, args_kwargs=_without_personal_arguments(stored))


def erase_stale_task_arguments(*, older_than: timedelta) -> int:
    """Drop personal arguments from failed tasks, and from tasks queued, finished or
    left running since before `older_than` ago; also empty those rows' tracebacks, which
    may quote an address (a refused recipient). Returns the number of rows rewritten.
    """
    from django.db.models import Q
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - older_than
    rows = (
        DBTaskResult.objects.filter(args_kwargs__kwargs__has_key=PERSONAL_ARGUMENTS[0])
        .filter(Q(status=TaskResultStatus.FAILED) | Q(enqueued_at__lt=cutoff))
        # A task still running may yet use its arguments, unless it started that
        # long ago: its worker died with it (killed between sending and finishing).
        .exclude(status=TaskResultStatus.RUNNING, started_at__gte=cutoff)
        .only("id", "args_kwargs")
    )
    rewritten = 0
    for row in rows.iterator(chunk_size=500):
        DBTaskResult.objects.filter(id=row.id).update(
            args_kwargs=_without_personal_arguments(row.args_kwargs), traceback=""
        )
        rewritten += 1
    return rewritten
