"""Fixtures for the school-group tests: groups in each state, ready to join or report."""

from __future__ import annotations

import pytest

from petitio.core.emails import email_digest
from petitio.groups.models import Province, SchoolGroup, SchoolGroupIndexPage
from petitio.privacy.personal_data import encrypt_for_server

COORDINATOR_EMAIL = "sophie.lambert@example.org"


def make_group(*, status=SchoolGroup.Status.APPROVED, language="fr", **fields) -> SchoolGroup:
    email = fields.pop("coordinator_email", COORDINATOR_EMAIL)
    values = {
        "school_name": "Athénée des Tilleuls",
        "street_address": "Rue des Tilleuls 12",
        "postcode": "1050",
        "municipality": "Ixelles",
        "province": Province.BRUSSELS,
        "description": "Un groupe de rhétos.",
        **fields,
    }
    contact = {
        "first_name": values.pop("coordinator_first_name", "Sophie"),
        "last_name": values.pop("coordinator_last_name", "Lambert"),
        "email": email,
    }
    return SchoolGroup.objects.create(
        status=status,
        language=language,
        coordinator_contact=encrypt_for_server(contact),
        coordinator_email_digest=email_digest(email),
        **values,
    )


@pytest.fixture
def approved_group(db) -> SchoolGroup:
    return make_group()


@pytest.fixture
def pending_group(db) -> SchoolGroup:
    return make_group(status=SchoolGroup.Status.PENDING, school_name="École des Coquelicots")


@pytest.fixture
def directory(home_page) -> SchoolGroupIndexPage:
    page = SchoolGroupIndexPage(title="Groupes-écoles", slug="groupes-ecoles", intro="Rejoins-nous")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def registration_data() -> dict[str, str]:
    return {
        "school_name": "Lycée des Quatre Vents",
        "street_address": "Chaussée de Mons 240",
        "postcode": "7000",
        "municipality": "Mons",
        "province": Province.HAINAUT,
        "language": "fr",
        "description": "Nous défendons la liberté d’expression.",
        "coordinator_first_name": "Nathalie",
        "coordinator_last_name": "Dupont",
        "coordinator_email": "nathalie.dupont@example.org",
    }
