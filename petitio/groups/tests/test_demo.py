"""The demo school groups: directory pages in three languages, groups to browse."""

from __future__ import annotations

from petitio.groups.demo import build_demo_groups
from petitio.groups.models import SchoolGroup, SchoolGroupIndexPage


def test_demo_builds_the_directory_in_three_languages_and_is_idempotent(client, home_page):
    from petitio.content.demo import translate

    for language in ("nl", "en"):
        translate(home_page, language, title=f"Home {language}")
    assert build_demo_groups() is True
    assert build_demo_groups() is False
    slugs = dict(SchoolGroupIndexPage.objects.values_list("locale__language_code", "slug"))
    assert slugs == {"fr": "groupes-ecoles", "nl": "schoolgroepen", "en": "school-groups"}
    approved = SchoolGroup.objects.filter(status=SchoolGroup.Status.APPROVED)
    assert approved.count() == 8
    assert approved.values("province").distinct().count() >= 5
    assert SchoolGroup.objects.filter(status=SchoolGroup.Status.PENDING).count() == 1
    assert all(
        group.coordinator["email"].endswith("@example.org") for group in SchoolGroup.objects.all()
    )
    page = SchoolGroupIndexPage.objects.get(locale__language_code="fr")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Athénée des Tilleuls" in response.content.decode()


def test_demo_does_nothing_without_a_home_page(db):
    assert build_demo_groups() is False
    assert not SchoolGroup.objects.exists()
