"""Sealing and encrypting personal data: the only place that touches libsodium.

Two ways to protect a record (a small dict of strings, e.g. names and address):

- sealed: a libsodium sealed box to the organisation's public key. Anyone holding
  the public key can seal; only the private key, which never reaches the server,
  opens it. A stolen database or a compromised web server reveals no one.
- encrypted: an authenticated secret box under a key the server holds (from the
  environment), for what the server itself must read back: the admin's views and
  exports in standard mode, and the contacts it writes to (school group
  coordinators).

A protected record is one ASCII string that says how it was protected:
`sealed:v1:<key id>:<base64>` or `encrypted:v1:<base64>`. The key id is the first
8 hex digits of BLAKE2b of the public key, so a record tells which key pair it
was sealed to.

This module imports nothing from Django: `petitio decrypt` runs it on a staff
member's own machine.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox

SEALED_PREFIX = "sealed:v1:"
ENCRYPTED_PREFIX = "encrypted:v1:"


class UnreadableRecord(Exception):
    """The record is malformed, was protected under another key, or was altered."""


@dataclass(frozen=True)
class KeyPair:
    public_key: str  # base64
    private_key: str  # base64

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)


def generate_key_pair() -> KeyPair:
    private = PrivateKey.generate()
    return KeyPair(
        public_key=base64.b64encode(bytes(private.public_key)).decode("ascii"),
        private_key=base64.b64encode(bytes(private)).decode("ascii"),
    )


def key_id(public_key_b64: str) -> str:
    """A short, stable name for a public key, written into every record sealed to it."""
    raw = base64.b64decode(public_key_b64)
    return hashlib.blake2b(raw, digest_size=4).hexdigest()


def public_key_of(private_key_b64: str) -> str:
    private = PrivateKey(base64.b64decode(private_key_b64.strip()))
    return base64.b64encode(bytes(private.public_key)).decode("ascii")


def _serialise(record: dict[str, str]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _deserialise(plaintext: bytes) -> dict[str, str]:
    record = json.loads(plaintext.decode("utf-8"))
    if not isinstance(record, dict):
        raise UnreadableRecord("not a record")
    return record


def seal(record: dict[str, str], *, public_key_b64: str) -> str:
    box = SealedBox(PublicKey(base64.b64decode(public_key_b64)))
    ciphertext = box.encrypt(_serialise(record))
    return f"{SEALED_PREFIX}{key_id(public_key_b64)}:{base64.b64encode(ciphertext).decode()}"


def unseal(token: str, *, private_key_b64: str) -> dict[str, str]:
    """Open a sealed record. Raises UnreadableRecord (wrong key, altered, malformed)."""
    if not token.startswith(SEALED_PREFIX):
        raise UnreadableRecord("not a sealed record")
    record_key_id, _, payload = token[len(SEALED_PREFIX) :].partition(":")
    private = PrivateKey(base64.b64decode(private_key_b64.strip()))
    if record_key_id != key_id(base64.b64encode(bytes(private.public_key)).decode()):
        raise UnreadableRecord(f"sealed to another key ({record_key_id})")
    try:
        return _deserialise(SealedBox(private).decrypt(base64.b64decode(payload, validate=True)))
    except (CryptoError, ValueError) as error:
        raise UnreadableRecord("altered or malformed") from error


def encrypt(record: dict[str, str], *, key: bytes) -> str:
    ciphertext = SecretBox(key).encrypt(_serialise(record))
    return ENCRYPTED_PREFIX + base64.b64encode(bytes(ciphertext)).decode("ascii")


def decrypt(token: str, *, key: bytes) -> dict[str, str]:
    """Open an encrypted record. Raises UnreadableRecord (wrong key, altered, malformed)."""
    if not token.startswith(ENCRYPTED_PREFIX):
        raise UnreadableRecord("not an encrypted record")
    try:
        plaintext = SecretBox(key).decrypt(
            base64.b64decode(token[len(ENCRYPTED_PREFIX) :], validate=True)
        )
    except (CryptoError, ValueError) as error:
        raise UnreadableRecord("altered or malformed") from error
    return _deserialise(plaintext)


def derive_secret_box_key(secret: str) -> bytes:
    """A 32-byte SecretBox key from a configured secret of any length (BLAKE2b, personalised)."""
    return hashlib.blake2b(
        secret.encode("utf-8"), digest_size=SecretBox.KEY_SIZE, person=b"petitio-pdata"
    ).digest()
