"""Background work of the signing path. Thin: each task calls into emails.py.

A signer's address reaches the email task as an argument (in sealed mode the
server cannot read it back from the signature) and is erased from the queue as
soon as the message is sent: see petitio.privacy.task_arguments. A task whose
signature has disappeared (withdrawn, erased) sends nothing.

A task names its signature by public id (`signature`), which exists before the
row is inserted, so that the signing path can write the signature and its task in
one statement. Tasks queued by earlier versions name it by primary key
(`signature_id`); both are accepted.
"""

from __future__ import annotations

from django_tasks import TaskContext, task

from petitio.privacy.task_arguments import erase_task_arguments

from . import emails


@task(takes_context=True)
def send_confirmation_email(
    context: TaskContext,
    *,
    locale: str,
    recipient_email: str,
    recipient_name: str,
    signature: str = "",
    signature_id: int | None = None,
) -> None:
    """Email the signer a link to confirm (and one to say "this was not me")."""
    emails.send_signature_email(
        signature=emails.signature_for_email(public_id=signature, pk=signature_id),
        locale=locale,
        kind=emails.EmailKind.CONFIRM,
        recipient=emails.Recipient(email=recipient_email, first_name=recipient_name),
    )
    erase_task_arguments(context.task_result)


@task(takes_context=True)
def send_already_signed_email(
    context: TaskContext,
    *,
    locale: str,
    recipient_email: str,
    recipient_name: str,
    signature: str = "",
    signature_id: int | None = None,
) -> None:
    """Tell the owner of an address that signed already that their signature stands."""
    emails.send_signature_email(
        signature=emails.signature_for_email(public_id=signature, pk=signature_id),
        locale=locale,
        kind=emails.EmailKind.ALREADY_SIGNED,
        recipient=emails.Recipient(email=recipient_email, first_name=recipient_name),
    )
    erase_task_arguments(context.task_result)
