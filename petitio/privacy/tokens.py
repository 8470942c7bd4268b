"""The link of the "my data" page: it must name an address without showing it.

The token is the address's digest and the time of issue, encrypted and
authenticated with the server's key (libsodium secret box), then URL-safe base64:
nothing in the URL, the browser history or a log says whose data it opens. It
expires after MY_DATA_LINK_MAX_AGE.
"""

from __future__ import annotations

import base64
import json
import time
from datetime import timedelta

from nacl.exceptions import CryptoError
from nacl.secret import SecretBox

from .personal_data import server_key

MY_DATA_LINK_MAX_AGE = timedelta(hours=24)
PURPOSE = "my-data"


class LinkInvalid(Exception):
    pass


class LinkExpired(Exception):
    pass


def make_my_data_token(digest: str) -> str:
    payload = json.dumps({"p": PURPOSE, "d": digest, "t": int(time.time())}).encode()
    sealed = SecretBox(server_key()).encrypt(payload)
    return base64.urlsafe_b64encode(bytes(sealed)).decode("ascii").rstrip("=")


def read_my_data_token(token: str) -> str:
    """The digest in a token. Raises LinkInvalid (tampered, cut) or LinkExpired."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = json.loads(SecretBox(server_key()).decrypt(raw))
        if payload["p"] != PURPOSE:
            raise LinkInvalid
        digest, issued = str(payload["d"]), int(payload["t"])
    except (CryptoError, ValueError, KeyError, TypeError) as error:
        raise LinkInvalid from error
    if time.time() - issued > MY_DATA_LINK_MAX_AGE.total_seconds():
        raise LinkExpired
    return digest
