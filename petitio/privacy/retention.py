"""Retention: what the privacy sweep erases, and when.

- Unconfirmed signatures and school-group sign-ups: deleted 7 days after they
  were made (their confirmation links have expired by then).
- Signers' personal data of a closed or delivered petition: erased once the
  petition's retention period has passed (Petition.personal_data_erasure_due).
  The rows stay, reduced to petition, status, country and day, so counts (in
  total, by country and by day) stay right and rebuildable.
- IP hashes: cleared from signatures after 24 hours; the salts that made them are
  deleted the next day, so no stored hash can be linked to an address again.
- Addresses in the task queue: erased from failed tasks and from tasks older
  than a link's lifetime (petitio.privacy.task_arguments); on SQLite the
  write-ahead log, which still holds earlier versions of rows, is truncated.

Every function is safe to run twice, and runs in bounded batches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from .models import HashSalt
from .task_arguments import erase_stale_task_arguments

UNCONFIRMED_LIFETIME = timedelta(days=7)
IP_HASH_LIFETIME = timedelta(hours=24)


@dataclass
class SweepReport:
    unconfirmed_signatures_deleted: int = 0
    unconfirmed_memberships_deleted: int = 0
    signatures_erased: int = 0
    ip_hashes_cleared: int = 0
    salts_deleted: int = 0
    task_rows_cleaned: int = 0


def start_of_day(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    local = timezone.localtime(moment)
    return timezone.make_aware(datetime.combine(local.date(), time.min))


def erase_signatures(queryset, *, now: datetime) -> int:
    """Reduce signatures to what counts need (petition, status, country, day) and
    return how many. Counts do not change: rows and statuses stay."""
    erased = 0
    for signature in queryset.filter(erased_at__isnull=True).iterator(chunk_size=500):
        signature.email_digest = None
        signature.personal_data = ""
        signature.email_domain = ""
        signature.ip_hash = ""
        signature.utm_source = signature.utm_medium = signature.utm_campaign = ""
        signature.newsletter_opt_in = False
        signature.created_at = start_of_day(signature.created_at)
        signature.confirmed_at = start_of_day(signature.confirmed_at)
        signature.erased_at = now
        signature.save(
            update_fields=[
                "email_digest",
                "personal_data",
                "email_domain",
                "ip_hash",
                "utm_source",
                "utm_medium",
                "utm_campaign",
                "newsletter_opt_in",
                "created_at",
                "confirmed_at",
                "erased_at",
            ]
        )
        erased += 1
    return erased


def petitions_due_for_erasure(now: datetime):
    """Finished petitions whose retention period has passed and that still hold data."""
    from petitio.petitions.models import Petition

    candidates = Petition.objects.filter(
        Q(status__in=[Petition.Status.CLOSED, Petition.Status.DELIVERED]) | Q(deadline__lte=now),
        signatures__erased_at__isnull=True,
    ).distinct()
    return [petition for petition in candidates if petition.personal_data_erasure_due() <= now]


def run_privacy_sweep(*, now: datetime | None = None) -> SweepReport:
    from petitio.groups.models import GroupMembership
    from petitio.petitions.models import Signature

    now = now or timezone.now()
    report = SweepReport()
    with transaction.atomic():
        report.unconfirmed_signatures_deleted, _ = Signature.objects.filter(
            status=Signature.Status.PENDING, created_at__lt=now - UNCONFIRMED_LIFETIME
        ).delete()
        report.unconfirmed_memberships_deleted, _ = GroupMembership.objects.filter(
            status=GroupMembership.Status.PENDING, created_at__lt=now - UNCONFIRMED_LIFETIME
        ).delete()
    for petition in petitions_due_for_erasure(now):
        with transaction.atomic():
            report.signatures_erased += erase_signatures(petition.signatures.all(), now=now)
    report.ip_hashes_cleared = (
        Signature.objects.exclude(ip_hash="")
        .filter(created_at__lt=now - IP_HASH_LIFETIME)
        .update(ip_hash="")
    )
    report.salts_deleted, _ = HashSalt.objects.filter(day__lt=now.date()).delete()
    report.task_rows_cleaned = erase_stale_task_arguments(
        older_than=timedelta(seconds=settings.SIGNATURE_LINK_MAX_AGE_SECONDS)
    )
    truncate_sqlite_wal()
    return report


def truncate_sqlite_wal() -> None:
    """On SQLite, copy the write-ahead log into the database and empty it: the log
    keeps earlier versions of rows (an address since erased from a task) until then."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return  # Inside a transaction (tests) SQLite cannot checkpoint.
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError:
        pass  # Busy readers: the next sweep, an hour later, truncates it.
