"""Background work of school groups. Thin: each task calls into emails.py.

Tasks take ids and a language code. A member's address cannot be read back in
sealed mode, so their emails get it as arguments, erased from the queue once sent
(petitio.privacy.task_arguments); coordinators' emails read the encrypted contact.
A task whose row has disappeared does nothing, and running one twice only sends
its email twice.
"""

from __future__ import annotations

from django_tasks import TaskContext, task

from petitio.privacy.task_arguments import erase_task_arguments

from . import emails
from .emails import EmailKind


@task(takes_context=True)
def send_membership_confirmation_email(
    context: TaskContext,
    *,
    membership_id: int,
    locale: str,
    recipient_email: str,
    recipient_name: str,
) -> None:
    """Email a new member the link to confirm that they join."""
    emails.send_membership_email(
        membership_id=membership_id,
        kind=EmailKind.JOIN_CONFIRM,
        locale=locale,
        to=recipient_email,
        first_name=recipient_name,
    )
    erase_task_arguments(context.task_result)


@task(takes_context=True)
def send_already_member_email(
    context: TaskContext,
    *,
    membership_id: int,
    locale: str,
    recipient_email: str,
    recipient_name: str,
) -> None:
    """Tell a confirmed member who asked to join again that they are already a member."""
    emails.send_membership_email(
        membership_id=membership_id,
        kind=EmailKind.ALREADY_MEMBER,
        locale=locale,
        to=recipient_email,
        first_name=recipient_name,
    )
    erase_task_arguments(context.task_result)


@task()
def send_new_member_notice(*, membership_id: int) -> None:
    """Tell a group's coordinator that someone joined (first name and role only)."""
    emails.send_new_member_notice(membership_id=membership_id)


@task()
def send_group_confirmation_email(*, group_id: int) -> None:
    """Email a new group's coordinator the link to confirm their address."""
    emails.send_group_email(group_id=group_id, kind=EmailKind.REGISTER_CONFIRM)


@task()
def send_group_approved_email(*, group_id: int) -> None:
    """Tell the coordinator their group is public, with the paper-report link."""
    emails.send_group_email(group_id=group_id, kind=EmailKind.GROUP_APPROVED)


@task()
def send_group_rejected_email(*, group_id: int) -> None:
    """Tell the coordinator their group was not accepted, and why."""
    emails.send_group_email(group_id=group_id, kind=EmailKind.GROUP_REJECTED)


@task()
def send_paper_report_link_email(*, group_id: int) -> None:
    """Send an approved group's coordinator a fresh paper-report link."""
    emails.send_group_email(group_id=group_id, kind=EmailKind.REPORT_LINK)
