"""The local outbox: every email the site sends, kept as a file a person can open.

Used when EMAIL_URL is not set (`make run`, a laptop). Each message is written
atomically as one `.eml` file in settings.EMAIL_OUTBOX_DIR; staff can read them
in the admin (Settings → Outbox) and follow their links.
"""

from __future__ import annotations

import email
import email.policy
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


def outbox_dir() -> Path:
    return Path(settings.EMAIL_OUTBOX_DIR)


class OutboxEmailBackend(BaseEmailBackend):
    """Write each message to `<outbox>/<UTC timestamp>-<random>.eml`."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        directory = outbox_dir()
        directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
            name = f"{stamp}-{uuid.uuid4().hex[:12]}.eml"
            temporary = directory / f".{name}.tmp"
            temporary.write_bytes(message.message().as_bytes())
            os.replace(temporary, directory / name)
            sent += 1
        return sent


@dataclass(frozen=True)
class OutboxMessage:
    """One message of the local outbox, parsed for display."""

    name: str
    sent_at: datetime
    to: str
    subject: str
    text: str


def _parse(path: Path) -> OutboxMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    return OutboxMessage(
        name=path.name,
        sent_at=datetime.fromtimestamp(path.stat().st_mtime, tz=UTC),
        to=str(message.get("To", "")),
        subject=str(message.get("Subject", "")),
        text=text,
    )


def list_outbox(limit: int = 200) -> Iterator[OutboxMessage]:
    """The newest `limit` messages of the outbox, newest first."""
    directory = outbox_dir()
    if not directory.is_dir():
        return iter(())
    paths = sorted(directory.glob("*.eml"), reverse=True)[:limit]
    return (_parse(path) for path in paths)


def read_outbox_message(name: str) -> OutboxMessage | None:
    """The message stored under `name`, or None if there is no such file."""
    if "/" in name or "\\" in name or not name.endswith(".eml") or name.startswith("."):
        return None
    path = outbox_dir() / name
    if not path.is_file():
        return None
    return _parse(path)
