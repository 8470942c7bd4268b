"""Django's SMTP backend, keeping one connection per thread open from message to message.

Django opens a connection, says EHLO, sends one message and quits, for every
email. A task worker sending a surge's confirmation emails spent about a third of
its time doing that. Here each thread keeps its connection and reuses it:

- after MAX_MESSAGES_PER_CONNECTION messages it is closed and a new one opened
  (mail servers may limit messages per session);
- before a connection idle for IDLE_CHECK_SECONDS or more is used, it is asked
  NOOP and replaced if it does not answer (servers drop idle clients), so a
  message is not handed to a connection already known to be gone;
- when sending fails, the connection is dropped and the error raised, exactly as
  with Django's backend (the task then fails and shows in the admin).

Selected by settings when EMAIL_URL is an SMTP URL.
"""

from __future__ import annotations

import smtplib
import threading
import time
from collections.abc import Sequence

from django.core.mail.backends import smtp
from django.core.mail.message import EmailMessage

MAX_MESSAGES_PER_CONNECTION = 500
IDLE_CHECK_SECONDS = 5.0

_kept = threading.local()


def _drop_kept_connection() -> None:
    connection = getattr(_kept, "connection", None)
    _kept.connection = None
    if connection is not None:
        try:
            connection.quit()
        except (smtplib.SMTPException, OSError):
            connection.close()


def _usable(connection: smtplib.SMTP) -> bool:
    if getattr(_kept, "sent", 0) >= MAX_MESSAGES_PER_CONNECTION:
        return False
    if time.monotonic() - getattr(_kept, "last_used", 0.0) < IDLE_CHECK_SECONDS:
        return True
    try:
        return connection.noop()[0] == 250
    except (smtplib.SMTPException, OSError):
        return False


class KeptOpenEmailBackend(smtp.EmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if not email_messages:
            return 0
        connection = getattr(_kept, "connection", None)
        if connection is not None and not _usable(connection):
            _drop_kept_connection()
            connection = None
        if connection is None:
            self.connection = None
            self.open()  # raises (unless fail_silently) when the server is unreachable
            if self.connection is None:
                return 0
            _kept.connection, _kept.sent = self.connection, 0
        else:
            self.connection = connection  # Django's send_messages then leaves it open
        try:
            sent = super().send_messages(email_messages)
        except BaseException:
            _drop_kept_connection()
            raise
        finally:
            self.connection = None  # the thread keeps it, not this backend object
        _kept.sent += len(email_messages)
        _kept.last_used = time.monotonic()
        return sent

    def close(self) -> None:
        """Closing a backend object leaves the thread's kept connection open."""
        self.connection = None
