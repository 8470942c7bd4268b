"""Simultaneous signatures from one address: the unique constraint keeps one."""

import threading

import pytest
from django.db import connection

from petitio.petitions import services
from petitio.petitions.models import Signature
from petitio.petitions.services import SignatureDetails, SigningOutcome

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_racing_signatures_from_one_address_store_exactly_one(petition):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("an in-memory SQLite database is not shared between threads")
    workers = 6
    barrier = threading.Barrier(workers)
    outcomes: list[SigningOutcome] = []
    errors: list[BaseException] = []

    def sign(index: int) -> None:
        try:
            barrier.wait()
            outcomes.append(
                services.sign_petition(
                    petition=petition,
                    details=SignatureDetails(
                        first_name="Claire",
                        last_name="Dubois",
                        email=f"Claire.Dubois+{index}@example.org",
                        country="BE",
                    ),
                    locale="fr",
                )
            )
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(index,)) for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Signature.objects.count() == 1
    assert sorted(outcomes).count(SigningOutcome.NEW) == 1
