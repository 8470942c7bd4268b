"""Background work of the privacy app."""

from __future__ import annotations

from django_tasks import TaskContext, task

from . import emails
from .task_arguments import erase_task_arguments


@task(takes_context=True)
def send_my_data_link(context: TaskContext, *, locale: str, recipient_email: str) -> None:
    """Email the link to the "my data" page of this address (whether or not we hold
    anything: the page says so), then erase the address from the queue."""
    emails.send_my_data_link(locale=locale, to=recipient_email)
    erase_task_arguments(context.task_result)
