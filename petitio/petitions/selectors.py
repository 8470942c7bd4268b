"""Reads about petitions and signatures that are more than a one-line query."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from time import monotonic

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncHour
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from petitio.core.page_cache import remember

from .models import Petition, PetitionPage, Signature

# The personal columns come from each signature's protected record.
PERSONAL_COLUMNS = ("first_name", "last_name", "email", "postcode")
EXPORT_COLUMNS = (
    "public_id",
    *PERSONAL_COLUMNS,
    "country",
    "newsletter_opt_in",
    "locale",
    "consent_text__version",
    "consent_text__text_hash",
    "created_at",
    "confirmed_at",
)


@dataclass(frozen=True)
class SigningTarget:
    """What the signing view needs of a petition page, without loading the page."""

    page_id: int  # the live page in the active language if there is one, else the page
    petition: Petition


def signing_target(page_id: int) -> SigningTarget | None:
    """The petition a live page belongs to, with the page to continue on; None if the
    page is not live. The petition is read fresh (status, limits); which page leads
    where is cached for settings.PUBLIC_PAGE_CACHE_SECONDS, like the page itself.

    The hot path of signing: two small queries on a cache miss, one on a hit, where
    loading the Wagtail page would cost several milliseconds.
    """
    language = get_language()

    def page_and_petition_ids() -> tuple[int, int] | None:
        live = PetitionPage.objects.live()
        row = live.filter(pk=page_id).values_list("petition_id", "translation_key").first()
        if row is None:
            return None
        petition_id, translation_key = row
        localized = (
            live.filter(translation_key=translation_key, locale__language_code=language)
            .values_list("pk", flat=True)
            .first()
        )
        return (localized or page_id, petition_id)

    ids = remember(f"petitio:signing-target:{page_id}:{language}", page_and_petition_ids)
    if ids is None:
        return None
    petition = petition_for_signing(ids[1])
    return SigningTarget(page_id=ids[0], petition=petition) if petition else None


# petition id -> (monotonic time it was read, the petition as read then)
_petitions_read: dict[int, tuple[float, Petition]] = {}


def petition_for_signing(petition_id: int) -> Petition | None:
    """The petition as the signing path sees it: read at most
    settings.PETITION_STATE_CACHE_SECONDS ago by this process.

    Its status, deadline and limits decide whether and how a signature is taken;
    a petition closed by staff refuses signatures at most that long after. Each
    caller gets its own copy. The count is not taken from here.
    """
    seconds = settings.PETITION_STATE_CACHE_SECONDS
    now = monotonic()
    kept = _petitions_read.get(petition_id)
    if kept is None or now - kept[0] >= seconds:
        petition = Petition.objects.filter(pk=petition_id).first()
        if petition is None:
            _petitions_read.pop(petition_id, None)
            return None
        kept = (now, petition)
        if seconds > 0:
            _petitions_read[petition_id] = kept
    return copy.copy(kept[1])


def petition_page_id_in(petition_id: int, language: str) -> int | None:
    """The id of the live page of a petition in `language`, else in any language
    (as emails.petition_page_in, without loading pages); cached like signing_target."""

    def page_id() -> int | None:
        rows = PetitionPage.objects.live().filter(petition_id=petition_id).order_by("pk")
        ids = dict(rows.values_list("locale__language_code", "pk"))
        return ids.get(language) or next(iter(ids.values()), None)

    return remember(f"petitio:petition-page-id:{petition_id}:{language}", page_id)


def counted_signatures_for_export(*, petition_id: int) -> Iterator[dict]:
    """Every counted signature of a petition (confirmed, not flagged, not erased) as a
    dict of the clear EXPORT_COLUMNS plus `personal_data`, oldest first.

    Streams from the database in chunks, so memory stays flat at any size. The
    newsletter column is true only while the consent is not withdrawn.
    """
    clear_columns = [name for name in EXPORT_COLUMNS if name not in PERSONAL_COLUMNS]
    rows = (
        Signature.objects.filter(
            petition_id=petition_id,
            status=Signature.Status.CONFIRMED,
            flags="",
            erased_at__isnull=True,
        )
        .order_by("pk")
        .values(*clear_columns, "personal_data", "newsletter_withdrawn_at")
        .iterator(chunk_size=2000)
    )
    for row in rows:
        row["newsletter_opt_in"] = row["newsletter_opt_in"] and not row.pop(
            "newsletter_withdrawn_at"
        )
        yield row


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


@dataclass(frozen=True)
class TrendRow:
    key: object  # an IP hash, a domain, or an hour
    total: int
    flagged: int


def abuse_trends(*, petition_id: int, hours: int = 24, limit: int = 10) -> dict[str, list]:
    """What staff look at to spot a campaign of fakes: over the last `hours`, the
    busiest IP hashes and email domains (with how many of theirs are flagged), and
    signatures per hour. IP hashes are salted per day: they group one day's
    requests, and tell nobody the address."""
    since = timezone.now() - timedelta(hours=hours)
    recent = Signature.objects.filter(petition_id=petition_id, created_at__gte=since)
    flagged = Count("pk", filter=~Q(flags=""))

    def top(field: str) -> list[TrendRow]:
        rows = (
            recent.exclude(**{field: ""})
            .values(field)
            .annotate(total=Count("pk"), flagged=flagged)
            .order_by("-total")[:limit]
        )
        return [TrendRow(row[field], row["total"], row["flagged"]) for row in rows]

    per_hour = (
        recent.annotate(hour=TruncHour("created_at"))
        .values("hour")
        .annotate(total=Count("pk"), flagged=flagged)
        .order_by("hour")
    )
    return {
        "ip_hashes": top("ip_hash"),
        "domains": top("email_domain"),
        "hours": [TrendRow(row["hour"], row["total"], row["flagged"]) for row in per_hour],
    }
