"""Reads about school groups that are more than a one-line query."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Q, QuerySet

from petitio.petitions.models import Petition, PetitionPage

from .models import GroupMembership, Province, SchoolGroup

SEARCH_MAX_LENGTH = 100
# The directory shows these fields and nothing else: no contact, no address.
PUBLIC_FIELDS = (
    "pk",
    "school_name",
    "municipality",
    "postcode",
    "province",
    "language",
    "description",
)


def clean_search_query(value: str) -> str:
    """A visitor's search, bounded, printable, with whitespace collapsed."""
    printable = "".join(character for character in value[:1000] if character.isprintable())
    return " ".join(printable.split())[:SEARCH_MAX_LENGTH]


def approved_groups(*, query: str = "") -> QuerySet[SchoolGroup]:
    """Approved groups, public fields only, matching `query` by school name or postcode."""
    groups = SchoolGroup.objects.filter(status=SchoolGroup.Status.APPROVED)
    if query:
        groups = groups.filter(
            Q(school_name__icontains=query)
            | Q(municipality__icontains=query)
            | Q(postcode__startswith=query)
        )
    return groups.only(*PUBLIC_FIELDS).order_by("school_name", "pk")


def approved_groups_by_province(*, query: str = "") -> list[tuple[str, list[SchoolGroup]]]:
    """(province label, its approved groups) in the provinces' usual order, empty ones left out."""
    by_province: dict[str, list[SchoolGroup]] = {value: [] for value in Province.values}
    for group in approved_groups(query=query):
        by_province.setdefault(group.province, []).append(group)
    labels = dict(Province.choices)
    return [
        (str(labels.get(value, value)), groups) for value, groups in by_province.items() if groups
    ]


def groups_with_member_counts() -> QuerySet[SchoolGroup]:
    """Every group with its confirmed and pending member counts, for staff."""
    return SchoolGroup.objects.annotate(
        confirmed_members=Count(
            "memberships", filter=Q(memberships__status=GroupMembership.Status.CONFIRMED)
        ),
        pending_members=Count(
            "memberships", filter=Q(memberships__status=GroupMembership.Status.PENDING)
        ),
    )


# The personal columns come from each membership's protected record.
MEMBER_PERSONAL_COLUMNS = ("first_name", "email")
MEMBER_EXPORT_COLUMNS = (
    "public_id",
    "first_name",
    "role",
    "email",
    "status",
    "locale",
    "created_at",
    "confirmed_at",
)


def members_for_export(*, group_id: int) -> Iterator[dict]:
    """A group's members as dicts of the clear MEMBER_EXPORT_COLUMNS plus
    `personal_data`, oldest first, streamed."""
    clear = [name for name in MEMBER_EXPORT_COLUMNS if name not in MEMBER_PERSONAL_COLUMNS]
    return (
        GroupMembership.objects.filter(group_id=group_id)
        .order_by("pk")
        .values(*clear, "personal_data")
        .iterator(chunk_size=2000)
    )


def open_petition_pages(*, language: str) -> list[PetitionPage]:
    """One live page per open petition, in `language` where it exists, else any language."""
    pages = (
        PetitionPage.objects.live()
        .filter(petition__status=Petition.Status.OPEN)
        .select_related("petition", "locale")
        .order_by("title")
    )
    chosen: dict[int, PetitionPage] = {}
    for page in pages:
        if not page.petition.accepts_signatures():
            continue
        current = chosen.get(page.petition_id)
        if current is None or (
            page.locale.language_code == language and current.locale.language_code != language
        ):
            chosen[page.petition_id] = page
    return sorted(chosen.values(), key=lambda page: page.title.casefold())
