"""State changes of petitions and signatures. Views call these; nothing else writes.

Every function is keyword-only and transactional. The signing path writes one
signature and enqueues one email task in the same transaction: the database task
backend stores the task row inside it (an outbox), so a committed signature always
has its email queued and a rolled-back one never does.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.utils import timezone

from petitio.core.emails import email_digest, normalise_email
from petitio.core.tasks_backend import insert_with_task
from petitio.privacy.consent import Purpose, consent_text_id
from petitio.privacy.personal_data import protect_record

from . import statements
from .models import Petition, Signature, SignatureCountShard
from .tasks import send_already_signed_email, send_confirmation_email


class PetitionClosed(Exception):
    """The petition does not accept signatures or confirmations any more."""


class SignatureNotFound(Exception):
    """No signature matches: it was withdrawn, erased, or never existed."""


class SignatureNotConfirmable(Exception):
    """The signature is neither pending nor confirmed (rejected, fraudulent, invalidated)."""


class SigningOutcome(StrEnum):
    NEW = "new"
    REPEATED = "repeated"


@dataclass(frozen=True, kw_only=True)
class SignatureDetails:
    """What a person typed into the signing form, already validated."""

    first_name: str
    last_name: str
    email: str
    country: str
    postcode: str = ""
    newsletter_opt_in: bool = False
    utm_source: str = ""
    utm_medium: str = ""
    utm_campaign: str = ""

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cls))

    def personal_record(self) -> dict[str, str]:
        """What is protected (sealed or encrypted) rather than stored in clear."""
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "postcode": self.postcode,
        }

    @property
    def email_domain(self) -> str:
        return normalise_email(self.email).rpartition("@")[2]


@dataclass(frozen=True, kw_only=True)
class AbuseSignals:
    """What abuse control learned about the request (see abuse.py)."""

    ip_hash: str = ""
    flags: tuple[str, ...] = ()


def sign_petition(
    *,
    petition: Petition,
    details: SignatureDetails,
    locale: str,
    signals: AbuseSignals | None = None,
) -> SigningOutcome:
    """Record a signature and queue its email, in one transaction.

    A first signature from an address is stored as pending, its personal data
    protected (sealed in sealed mode), and gets a confirmation email. A repeated
    one (same normalised address) changes nothing stored: a pending signature gets
    its confirmation email again, a confirmed one an "you had already signed"
    email. The caller must answer both outcomes identically so that nobody learns
    whether an address has signed. The address travels to the email task only,
    which erases it once sent.

    A signature with abuse flags is stored and emailed like any other, but never
    counted. Raises PetitionClosed if the petition does not accept signatures, and
    privacy.personal_data.SealingKeyMissing if sealed mode has no key yet.
    """
    if not petition.accepts_signatures():
        raise PetitionClosed
    signals = signals or AbuseSignals()
    digest = email_digest(details.email)
    protected = protect_record(details.personal_record())
    consent_id = consent_text_id(Purpose.SIGNING, locale)
    newsletter_consent_id = (
        consent_text_id(Purpose.NEWSLETTER, locale) if details.newsletter_opt_in else None
    )
    recipient: dict[str, Any] = {
        "recipient_email": details.email,
        "recipient_name": details.first_name,
    }
    signature = Signature(
        petition=petition,
        email_digest=digest,
        personal_data=protected,
        email_domain=details.email_domain,
        country=details.country,
        newsletter_opt_in=details.newsletter_opt_in,
        locale=locale,
        consent_text_id=consent_id,
        newsletter_consent_text_id=newsletter_consent_id,
        utm_source=details.utm_source,
        utm_medium=details.utm_medium,
        utm_campaign=details.utm_campaign,
        ip_hash=signals.ip_hash,
        flags=" ".join(signals.flags),
    )
    # The surge path: both rows are built before the write starts, and go in by
    # statements compiled once (in one statement on PostgreSQL). A repeated address
    # conflicts with the unique constraint and stores nothing.
    for _attempt in range(3):
        if insert_with_task(
            signature,
            send_confirmation_email,
            signature=str(signature.public_id),
            locale=locale,
            **recipient,
        ):
            return SigningOutcome.NEW
        with transaction.atomic():
            existing = (
                Signature.objects.filter(petition=petition, email_digest=digest)
                .only("public_id", "status")
                .first()
            )
            if existing is not None:
                email_task = (
                    send_confirmation_email
                    if existing.status == Signature.Status.PENDING
                    else send_already_signed_email
                )
                email_task.enqueue(signature=str(existing.public_id), locale=locale, **recipient)
                return SigningOutcome.REPEATED
        # The earlier signature was withdrawn in between: the address may sign again.
    raise RuntimeError("a signature conflicts with a row that cannot be found")


def locked_signature(public_id: uuid.UUID) -> Signature:
    """The signature with its petition, its row locked until the transaction ends.

    Only the signature row is locked (`of=self`): the petition row is locked later,
    briefly, by the count update. Raises SignatureNotFound.
    """
    signature = (
        Signature.objects.select_for_update(of=("self",))
        .select_related("petition")
        .filter(public_id=public_id)
        .first()
    )
    if signature is None:
        raise SignatureNotFound
    return signature


def confirm_signature(*, public_id: uuid.UUID) -> int:
    """Confirm a pending signature and count it, unless abuse control flagged it;
    return its petition's id. Confirming twice is harmless and counts once.

    Raises SignatureNotFound, SignatureNotConfirmable, or PetitionClosed when the
    petition stopped accepting signatures before the confirmation.
    """
    with transaction.atomic():
        # The usual case, a pending signature of an open petition, in one statement
        # built once (see statements.py); anything else is read and explained below.
        confirmed = statements.confirm_if_pending(public_id, timezone.now())
        if confirmed is not None:
            petition_id, counted = confirmed
            if counted:
                change_count(petition_id=petition_id, by=1)
            return petition_id
        signature = locked_signature(public_id)
        if signature.status == Signature.Status.CONFIRMED:
            return signature.petition_id
        if signature.status != Signature.Status.PENDING:
            raise SignatureNotConfirmable
        if not signature.petition.accepts_signatures():
            raise PetitionClosed
        # Pending and open now, though not a moment ago: the petition reopened or
        # its deadline moved in between.
        signature.status = Signature.Status.CONFIRMED
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["status", "confirmed_at"])
        if signature.is_counted:
            change_count(petition_id=signature.petition_id, by=1)
    return signature.petition_id


def withdraw_signature(*, public_id: uuid.UUID) -> Petition:
    """Delete a signature at the request of the address's owner ("this was not me").

    The row and its personal data are deleted, so the address can sign again
    later. A confirmed signature is uncounted in the same transaction. Returns the
    petition it belonged to. Raises SignatureNotFound if it is already gone.
    """
    with transaction.atomic():
        signature = locked_signature(public_id)
        petition = signature.petition
        was_counted = signature.is_counted
        signature.delete()
        if was_counted:
            change_count(petition_id=petition.pk, by=-1)
    return petition


# How many rows a petition's count is spread over (see SignatureCountShard).
COUNT_SHARDS = 16


def change_count(*, petition_id: int, by: int) -> None:
    """Add `by` to a petition's confirmed count, in the caller's transaction.

    Writes one shard picked at random, so concurrent confirmations rarely wait for
    each other's row lock; the shards are created on first use.
    """
    shard = random.randrange(COUNT_SHARDS)
    if not statements.add_to_shard(petition_id=petition_id, shard=shard, by=by):
        create_count_shards(petition_id)
        statements.add_to_shard(petition_id=petition_id, shard=shard, by=by)


def create_count_shards(petition_id: int) -> None:
    SignatureCountShard.objects.bulk_create(
        [SignatureCountShard(petition_id=petition_id, shard=n) for n in range(COUNT_SHARDS)],
        ignore_conflicts=True,
    )


def rebuild_signature_count(*, petition_id: int) -> int:
    """Recompute a petition's confirmed count from its signature rows; return it.

    Locks the petition row and every shard first, then counts, then folds the
    shards into the base: a confirmation running meanwhile waits for its shard's
    lock, and its change lands on the rebuilt value, so the count cannot drift.
    """
    with transaction.atomic():
        Petition.objects.select_for_update().filter(pk=petition_id).values_list("pk").first()
        create_count_shards(petition_id)
        list(
            SignatureCountShard.objects.select_for_update()
            .filter(petition_id=petition_id)
            .values_list("pk", flat=True)
        )
        count = Signature.objects.filter(
            petition_id=petition_id, status=Signature.Status.CONFIRMED, flags=""
        ).count()
        Petition.objects.filter(pk=petition_id).update(confirmed_base=count)
        SignatureCountShard.objects.filter(petition_id=petition_id).update(delta=0)
    return count


class NoCriterion(Exception):
    """A bulk invalidation needs at least one criterion: it never takes a whole petition."""


def invalidate_signatures(
    *,
    petition: Petition,
    user,
    ip_hash: str = "",
    email_domain: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
) -> int:
    """Set aside, in one go, the pending and confirmed signatures of `petition` that
    match every criterion given; recount; record who did it in the audit log.

    Returns how many were invalidated. Invalidated signatures stay (for the record,
    until retention erases them) but never count, and cannot be confirmed. Raises
    NoCriterion when no criterion is given.
    """
    from wagtail.log_actions import log

    if not (ip_hash or email_domain or since or until):
        raise NoCriterion
    matching = Signature.objects.filter(
        petition=petition, status__in=[Signature.Status.PENDING, Signature.Status.CONFIRMED]
    )
    if ip_hash:
        matching = matching.filter(ip_hash=ip_hash)
    if email_domain:
        matching = matching.filter(email_domain=email_domain.strip().lower())
    if since:
        matching = matching.filter(created_at__gte=since)
    if until:
        matching = matching.filter(created_at__lt=until)
    with transaction.atomic():
        Petition.objects.select_for_update().filter(pk=petition.pk).values_list("pk").first()
        count = matching.update(status=Signature.Status.INVALIDATED)
        rebuild_signature_count(petition_id=petition.pk)
        log(
            instance=petition,
            action="petitio.signatures_invalidated",
            user=user,
            data={
                "count": count,
                "ip_hash": ip_hash,
                "email_domain": email_domain,
                "since": since.isoformat() if since else "",
                "until": until.isoformat() if until else "",
            },
        )
    return count
