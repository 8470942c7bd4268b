"""Small helpers shared by the browser journeys."""

from __future__ import annotations

import re

UYGHUR_SLUG = "stop-xinjiang-persecution"


def confirm_url_from(message) -> str:
    """The confirmation link in a signing email's plain-text body."""
    match = re.search(r"https?://\S+/signatures/confirm/\S+/", message.body)
    assert match, f"no confirmation link in the email body:\n{message.body}"
    return match.group(0)


def read_count(page) -> int:
    """The signature count shown in the progress block, as an integer."""
    text = page.locator("[data-count]").first.inner_text()
    digits = re.sub(r"\D", "", text)
    assert digits, f"no number in the count element: {text!r}"
    return int(digits)
