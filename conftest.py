"""Fixtures every test gets, whether in petitio/ or tests/.

Petitio seals personal data by default, and refuses to store any without a
sealing key. So every test that touches the database gets the test key pair
below, and the in-process caches of privacy settings and consent texts are reset
between tests (their rows vanish with each test's transaction).
"""

from __future__ import annotations

import pytest

from petitio.privacy.testing import TEST_SEALING_PUBLIC_KEY

DATABASE_FIXTURES = ("db", "transactional_db", "live_server", "django_db_reset_sequences")


def _forget_privacy_caches() -> None:
    from petitio.privacy.consent import forget_cached_ids
    from petitio.privacy.ip_hashing import forget_cached_salts
    from petitio.privacy.personal_data import forget_cached_protection

    forget_cached_protection()
    forget_cached_ids()
    forget_cached_salts()


@pytest.fixture(autouse=True)
def _sealing_key(request):
    """In a test that uses the database, install the test sealing key."""
    _forget_privacy_caches()
    marker = request.node.get_closest_marker("django_db")
    uses_database = marker is not None or any(
        name in request.fixturenames for name in DATABASE_FIXTURES
    )
    if uses_database:
        transactional = bool(marker and marker.kwargs.get("transaction")) or any(
            name in request.fixturenames for name in ("transactional_db", "live_server")
        )
        request.getfixturevalue("transactional_db" if transactional else "db")
        from petitio.privacy.models import PrivacySettings

        privacy = PrivacySettings.load()
        privacy.sealing_public_key = TEST_SEALING_PUBLIC_KEY
        privacy.save()
    yield
    _forget_privacy_caches()
