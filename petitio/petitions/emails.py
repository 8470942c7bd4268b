"""The emails of the signing path, rendered in the signer's language."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import forbid_multi_line_headers
from django.db import connections, router
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from petitio.core.page_cache import remember

from .models import PetitionPage, Signature
from .tokens import LinkPurpose, make_signature_token


@dataclass(frozen=True)
class Recipient:
    """Who an email goes to: handed to the task by the signing request, never read
    back from the database (where it may be sealed)."""

    email: str
    first_name: str


class EmailKind(StrEnum):
    CONFIRM = "confirm"
    ALREADY_SIGNED = "already_signed"


@lru_cache(maxsize=256)
def _subject_header(subject: str, encoding: str) -> str:
    return forbid_multi_line_headers("Subject", subject, encoding)[1]


class SigningEmail(EmailMultiAlternatives):
    """An email whose Subject header is encoded once per subject, not per message.

    A surge's confirmation emails share a handful of subjects (one per petition,
    kind and language), and encoding a non-ASCII subject (RFC 2047, in Python's
    email package) was an eighth of the worker's CPU per email (cProfile). The
    header is the one Django's message() would set, in the same place.
    """

    def message(self):  # type: ignore[no-untyped-def]  # as Django's
        subject, self.subject = self.subject, ""
        try:
            message = super().message()
        finally:
            self.subject = subject
        encoding = self.encoding or settings.DEFAULT_CHARSET
        message.replace_header("Subject", _subject_header(str(subject), encoding))
        return message


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def petition_page_in(petition_id: int, language: str) -> PetitionPage | None:
    """The live page of a petition in `language`, else in any language."""
    pages = PetitionPage.objects.live().filter(petition_id=petition_id).select_related("locale")
    fallback = None
    for page in pages:
        if page.locale.language_code == language:
            return page
        fallback = fallback or page
    return fallback


def petition_link_in(petition_id: int, language: str) -> tuple[str, str] | None:
    """The title and URL path of the petition's live page in `language` (else in any
    language), or None. Cached for settings.PUBLIC_PAGE_CACHE_SECONDS: a worker
    sending a surge's emails would otherwise load the pages for every message."""

    def title_and_path() -> tuple[str, str] | None:
        page = petition_page_in(petition_id, language)
        return (page.title, page.url or "") if page else None

    return remember(f"petitio:petition-link:{petition_id}:{language}", title_and_path)


@dataclass(frozen=True)
class SignatureForEmail:
    """What a signing-path email needs of its signature (never the signer's data)."""

    public_id: uuid.UUID
    petition_id: int
    petition_name: str


# Database alias -> the SQL of the lookup by public id, compiled by the ORM once.
_lookup_by_public_id: dict[str, str | None] = {}


def signature_for_email(*, public_id: str = "", pk: int | None = None) -> SignatureForEmail | None:
    """The signature an email task is about, by public id (or by primary key, in tasks
    queued by earlier versions); None if it is gone (withdrawn, erased).

    The lookup by public id runs for every email a worker sends: its SQL is compiled
    by the ORM once per database and then only executed, since compiling it was a
    quarter of the worker's CPU per email (py-spy on `manage.py db_worker`).
    """
    if not public_id:
        by_pk = Signature.objects.filter(pk=pk)
        row = by_pk.values_list("public_id", "petition_id", "petition__name").first()
        return SignatureForEmail(*row) if row else None
    wanted = uuid.UUID(public_id)
    using = router.db_for_read(Signature)
    connection = connections[using]
    parameter = Signature._meta.get_field("public_id").get_db_prep_value(wanted, connection)
    if using not in _lookup_by_public_id:
        query = (
            Signature.objects.using(using)
            .filter(public_id=wanted)
            .values_list("petition_id", "petition__name")
            .query
        )
        sql, compiled_parameters = query.get_compiler(using).as_sql()
        # Reusable only if this call's value is its one parameter; else compiled each time.
        _lookup_by_public_id[using] = sql if list(compiled_parameters) == [parameter] else None
    sql = _lookup_by_public_id[using]
    if sql is None:
        by_public_id = Signature.objects.filter(public_id=wanted)
        found = by_public_id.values_list("petition_id", "petition__name").first()
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, [parameter])
            found = cursor.fetchone()
    return SignatureForEmail(wanted, *found) if found else None


def send_signature_email(
    *, signature: SignatureForEmail | None, locale: str, kind: EmailKind, recipient: Recipient
) -> None:
    """Render and send one signing-path email about `signature` (see
    signature_for_email); do nothing if it is gone (None)."""
    if signature is None:
        return
    language = locale if locale in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        title, path = petition_link_in(signature.petition_id, language) or ("", "")
        context = {
            "first_name": recipient.first_name,
            "petition_title": title or signature.petition_name,
            "petition_url": absolute_url(path) if path else settings.SITE_URL,
            "confirm_url": absolute_url(
                reverse(
                    "petitions:confirm",
                    args=[make_signature_token(signature.public_id, LinkPurpose.CONFIRM)],
                )
            ),
            "withdraw_url": absolute_url(
                reverse(
                    "petitions:withdraw",
                    args=[make_signature_token(signature.public_id, LinkPurpose.WITHDRAW)],
                )
            ),
            "link_days": settings.SIGNATURE_LINK_MAX_AGE_SECONDS // 86400,
        }
        subject = render_to_string(f"petitions/emails/{kind}_subject.txt", context)
        text = render_to_string(f"petitions/emails/{kind}.txt", context)
        html = render_to_string(f"petitions/emails/{kind}.html", context)
    message = SigningEmail(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
