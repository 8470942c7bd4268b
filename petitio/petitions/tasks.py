"""Background work of the signing path. Thin: each task calls into emails.py.

Tasks take ids, never personal data, so the task table holds nothing sensitive.
A task whose signature has disappeared (withdrawn, erased) does nothing.
"""

from __future__ import annotations

from django_tasks import task

from . import emails


@task()
def send_confirmation_email(*, signature_id: int, locale: str) -> None:
    """Email the signer a link to confirm (and one to say "this was not me")."""
    emails.send_signature_email(
        signature_id=signature_id, locale=locale, kind=emails.EmailKind.CONFIRM
    )


@task()
def send_already_signed_email(*, signature_id: int, locale: str) -> None:
    """Tell the owner of an address that signed already that their signature stands."""
    emails.send_signature_email(
        signature_id=signature_id, locale=locale, kind=emails.EmailKind.ALREADY_SIGNED
    )
