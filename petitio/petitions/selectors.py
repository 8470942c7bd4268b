"""Reads about petitions and signatures that are more than a one-line query."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Q
from wagtail.models import Page

from .models import Petition, PetitionPage, Signature


def signature_counts_by_status(*, petition_ids: list[int]) -> dict[int, dict[str, int]]:
    """Pending and confirmed counts per petition id, for staff views."""
    rows = (
        Signature.objects.filter(petition_id__in=petition_ids)
        .values("petition_id")
        .annotate(
            pending=Count("pk", filter=Q(status=Signature.Status.PENDING)),
            confirmed=Count("pk", filter=Q(status=Signature.Status.CONFIRMED)),
        )
    )
    return {
        row["petition_id"]: {"pending": row["pending"], "confirmed": row["confirmed"]}
        for row in rows
    }


EXPORT_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "country",
    "postcode",
    "newsletter_opt_in",
    "locale",
    "consent_version",
    "created_at",
    "confirmed_at",
)


def confirmed_signatures_for_export(*, petition_id: int) -> Iterator[tuple]:
    """Every confirmed signature of a petition as a tuple of EXPORT_FIELDS, oldest first.

    Streams from the database in chunks, so memory stays flat at any size.
    """
    return (
        Signature.objects.filter(petition_id=petition_id, status=Signature.Status.CONFIRMED)
        .order_by("pk")
        .values_list(*EXPORT_FIELDS)
        .iterator(chunk_size=2000)
    )


def next_action_for(page: PetitionPage) -> Page | None:
    """The action to suggest after signing `page`: the chosen one, else another open petition.

    Returns a live page in the same language, or None.
    """
    if page.next_action_id:
        chosen = Page.objects.live().filter(pk=page.next_action_id).first()
        if chosen is not None:
            return chosen.specific.localized
    return (
        PetitionPage.objects.live()
        .filter(locale_id=page.locale_id, petition__status=Petition.Status.OPEN)
        .exclude(petition_id=page.petition_id)
        .order_by("-first_published_at")
        .first()
    )
