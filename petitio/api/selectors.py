"""What the public API shows of petitions: published pages, confirmed counts.

The listing is cached for settings.SIGNATURE_COUNT_CACHE_SECONDS, so the count it
shows lags the rows by at most that much and a surge of readers costs one query.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from petitio.petitions.models import Petition, PetitionPage

PUBLIC_STATUSES = (Petition.Status.OPEN, Petition.Status.CLOSED, Petition.Status.DELIVERED)


def _published_petitions(language: str) -> list[dict]:
    pages = (
        PetitionPage.objects.live()
        .filter(petition__status__in=PUBLIC_STATUSES)
        .select_related("petition", "locale")
        .order_by("-first_published_at")
    )
    chosen: dict[int, PetitionPage] = {}
    for page in pages:
        current = chosen.get(page.petition_id)
        # Prefer the page in the requested language, else the first one published.
        if current is None or (
            page.locale.language_code == language and current.locale.language_code != language
        ):
            chosen[page.petition_id] = page
    results = []
    for page in chosen.values():
        petition = page.petition
        results.append(
            {
                "slug": petition.slug,
                "title": page.title,
                "url": f"{settings.SITE_URL}{page.url}",
                "language": page.locale.language_code,
                "status": petition.status,
                "goal": petition.goal,
                "signature_count": petition.signature_count,
                "paper_signature_count": petition.paper_count,
                "deadline": petition.deadline,
            }
        )
    return results


def published_petitions(language: str) -> list[dict]:
    """Every published petition, titled in `language` where a page exists in it."""
    return cache.get_or_set(
        f"petitio:api:petitions:{language}",
        lambda: _published_petitions(language),
        timeout=settings.SIGNATURE_COUNT_CACHE_SECONDS,
    )
