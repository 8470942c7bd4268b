"""Helpers for tests: the test key pair, and reading back what tests sealed."""

from __future__ import annotations

from . import crypto

# A key pair for tests only (the root conftest installs its public key).
TEST_SEALING_PUBLIC_KEY = "GKOzrrVfuey36SKNpZSyBQuoLVyauO6To2PggitckTg="
TEST_SEALING_PRIVATE_KEY = "j++fSydQdaBYVS0djHLQhkFK525dCDS4vhqnRmu/X+8="  # noqa: S105


def unsealed(stored: str) -> dict[str, str]:
    """The record a test sealed with the test key (or the server encrypted)."""
    if stored.startswith(crypto.SEALED_PREFIX):
        return crypto.unseal(stored, private_key_b64=TEST_SEALING_PRIVATE_KEY)
    from .personal_data import reveal_record

    record = reveal_record(stored)
    assert record is not None, f"unreadable record: {stored[:30]}"
    return record
