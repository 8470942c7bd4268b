"""Signed, single-purpose, expiring links for school-group emails.

A token carries the public id of a membership or a group, signed with HMAC-SHA256
under SECRET_KEY and a salt naming its purpose, so a link made for one purpose
(joining a group) can never serve another (reporting paper signatures). Each
purpose has its own maximum age.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from django.core import signing

# Shared with the petitions' links, so views refuse bad links the same way everywhere.
from petitio.petitions.tokens import LinkExpired, LinkInvalid

DAY = 24 * 3600

__all__ = ["LinkExpired", "LinkInvalid", "LinkPurpose", "make_token", "read_token"]


class LinkPurpose(StrEnum):
    JOIN = "join"  # confirm a membership
    REGISTER = "register"  # confirm a new group's coordinator address
    PAPER_REPORT = "paper-report"  # report paper signatures for a group

    @property
    def max_age(self) -> int:
        return 30 * DAY if self is LinkPurpose.PAPER_REPORT else 7 * DAY

    @property
    def days(self) -> int:
        return self.max_age // DAY


def _salt(purpose: LinkPurpose) -> str:
    return f"petitio.groups.link.{purpose}"


def make_token(public_id: uuid.UUID, purpose: LinkPurpose) -> str:
    return signing.dumps(public_id.hex, salt=_salt(purpose))


def read_token(token: str, purpose: LinkPurpose) -> uuid.UUID:
    """The public id in `token`, or LinkExpired / LinkInvalid."""
    try:
        value = signing.loads(token, salt=_salt(purpose), max_age=purpose.max_age)
        return uuid.UUID(hex=value)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError, TypeError, AttributeError) as error:
        raise LinkInvalid from error
