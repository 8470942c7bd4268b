"""The consent wordings people agree to, and the record of which one each saw.

The wording shown on a form and the wording recorded come from the same lazy
string here, so they cannot drift apart. Changing a wording (here or in a
catalogue) records a new ConsentText at its first use; raise the version when
the meaning changes.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import ConsentText

Purpose = ConsentText.Purpose

WORDINGS = {
    Purpose.SIGNING: (
        "2026-11-v1",
        _(
            "By signing, you agree that we record your signature to count it and hand the "
            "petition over to its addressee. We never give your contact details to the "
            "addressee."
        ),
    ),
    Purpose.NEWSLETTER: (
        "2026-11-v1",
        _("Yes, keep me informed about this campaign and others by email (optional)."),
    ),
    Purpose.GROUP_MEMBERSHIP: (
        "2026-11-v1",
        _(
            "We keep your first name and email address to confirm that you joined and to "
            "tell your group's coordinator. You can leave and erase them at any time."
        ),
    ),
}

# (purpose, language) -> id. A wording's text in a language is fixed for the life of
# a process (its catalogues are read once), so it is translated and hashed once,
# not for every signature.
_ids: dict[tuple[str, str], int] = {}


def wording(purpose: str) -> str:
    return str(WORDINGS[Purpose(purpose)][1])


def consent_text_id(purpose: str, language: str) -> int:
    """The id of the ConsentText for `purpose` as worded in `language`.

    One query the first time a process uses a wording in a language (found by the
    hash of its text, recorded if new), none afterwards.
    """
    known = _ids.get((purpose, language))
    if known is not None:
        return known
    version, lazy_text = WORDINGS[Purpose(purpose)]
    with translation.override(language):
        text = str(lazy_text)
    text_hash = ConsentText.hash_of(purpose=purpose, version=version, language=language, text=text)
    consent_text, _created = ConsentText.objects.get_or_create(
        text_hash=text_hash,
        defaults={"purpose": purpose, "version": version, "language": language, "text": text},
    )
    _ids[(purpose, language)] = consent_text.pk
    return consent_text.pk


def forget_cached_ids() -> None:
    """For tests, whose database rows vanish between tests while the process lives on."""
    _ids.clear()
