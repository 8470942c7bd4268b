"""Signed, single-purpose links for signature emails.

A token carries a signature's public id, signed with HMAC-SHA256 under
SECRET_KEY and a salt naming its purpose, so a "confirm" token can never serve as
a "not me" token. Tokens expire after settings.SIGNATURE_LINK_MAX_AGE_SECONDS.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from django.conf import settings
from django.core import signing


class LinkPurpose(StrEnum):
    CONFIRM = "confirm"
    WITHDRAW = "withdraw"


class LinkExpired(Exception):
    """The link was genuine but is older than the allowed age."""


class LinkInvalid(Exception):
    """The link was not made by this site for this purpose (tampered or truncated)."""


def _salt(purpose: LinkPurpose) -> str:
    return f"petitio.petitions.signature-link.{purpose}"


def make_signature_token(public_id: uuid.UUID, purpose: LinkPurpose) -> str:
    return signing.dumps(public_id.hex, salt=_salt(purpose))


def read_signature_token(token: str, purpose: LinkPurpose) -> uuid.UUID:
    """The public id in `token`, or LinkExpired / LinkInvalid."""
    try:
        value = signing.loads(
            token, salt=_salt(purpose), max_age=settings.SIGNATURE_LINK_MAX_AGE_SECONDS
        )
        return uuid.UUID(hex=value)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise LinkInvalid from error
