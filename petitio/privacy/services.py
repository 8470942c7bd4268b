"""The supporter's rights: see what the site holds about an address, withdraw
newsletter consent, erase everything. Found by the address's keyed digest, the
only way the site can find anyone (names and addresses may be sealed).

Erasure keeps counts: confirmed signatures are reduced to petition, status,
country and day, exactly as retention does; everything else is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation

from petitio.groups.models import GroupMembership, SchoolGroup
from petitio.petitions.emails import petition_page_in
from petitio.petitions.models import Signature

from .personal_data import reveal_record
from .retention import erase_signatures


@dataclass
class HeldSignature:
    signature: Signature
    petition_title: str
    details: dict[str, str] | None  # None when sealed


@dataclass
class HeldData:
    """What the site holds about one address, for the "my data" page."""

    signatures: list[HeldSignature] = field(default_factory=list)
    memberships: list[GroupMembership] = field(default_factory=list)
    coordinated_groups: list[SchoolGroup] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.signatures or self.memberships or self.coordinated_groups)

    @property
    def newsletter_consents(self) -> list[Signature]:
        return [
            held.signature
            for held in self.signatures
            if held.signature.newsletter_opt_in and not held.signature.newsletter_withdrawn_at
        ]


def data_held_for(*, digest: str) -> HeldData:
    """Every row tied to the address whose digest is `digest`, signatures with their
    details where the server may read them (standard mode)."""
    language = translation.get_language()
    signatures = []
    for signature in (
        Signature.objects.filter(email_digest=digest, erased_at__isnull=True)
        .select_related("petition", "consent_text", "newsletter_consent_text")
        .order_by("-created_at")
    ):
        page = petition_page_in(signature.petition_id, language)
        signatures.append(
            HeldSignature(
                signature=signature,
                petition_title=page.title if page else signature.petition.name,
                details=reveal_record(signature.personal_data),
            )
        )
    memberships = list(GroupMembership.objects.filter(email_digest=digest).select_related("group"))
    groups = list(SchoolGroup.objects.filter(coordinator_email_digest=digest))
    return HeldData(signatures=signatures, memberships=memberships, coordinated_groups=groups)


def withdraw_newsletter_consent(*, digest: str) -> int:
    """Withdraw every newsletter consent given from this address; return how many."""
    return Signature.objects.filter(
        email_digest=digest, newsletter_opt_in=True, newsletter_withdrawn_at__isnull=True
    ).update(newsletter_opt_in=False, newsletter_withdrawn_at=timezone.now())


def erase_everything(*, digest: str) -> None:
    """Erase all personal data tied to this address, keeping the counts.

    Pending signatures (never counted) and group memberships are deleted;
    confirmed and other signatures are reduced to what counts need; groups this
    address coordinates lose their coordinator's contact (staff see it as erased).
    """
    now = timezone.now()
    with transaction.atomic():
        Signature.objects.filter(email_digest=digest, status=Signature.Status.PENDING).delete()
        erase_signatures(Signature.objects.filter(email_digest=digest), now=now)
        GroupMembership.objects.filter(email_digest=digest).delete()
        SchoolGroup.objects.filter(coordinator_email_digest=digest).update(
            coordinator_contact="", coordinator_email_digest="", updated_at=now
        )
