from io import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command

from petitio.petitions.models import Petition, PetitionPage


def test_demo_site_is_built_once_in_three_languages(db, client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    assert Petition.objects.count() == 4
    assert set(Petition.objects.values_list("status", flat=True)) == {"open", "closed", "delivered"}
    for petition in Petition.objects.exclude(status="open"):
        assert (
            petition.confirmed_count == petition.signatures.filter(status="confirmed").count() > 0
        )
    uyghur = Petition.objects.get(slug="stop-xinjiang-persecution")
    languages = {page.locale.language_code for page in PetitionPage.objects.filter(petition=uyghur)}
    assert languages == {"fr", "nl", "en"}
    for path in ("/fr/", "/nl/", "/en/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "stop-xinjiang-persecution" in response.content.decode()
    page = PetitionPage.objects.get(petition=uyghur, locale__language_code="nl")
    html = client.get(page.url).content.decode()
    assert '<html lang="nl">' in html
    assert "Privacycharter" in html  # footer link to the Dutch privacy charter


def test_staff_account_is_created_once_and_its_password_printed_once(db):
    first, second = StringIO(), StringIO()
    call_command("ensure_staff_account", stdout=first)
    call_command("ensure_staff_account", stdout=second)
    assert User.objects.filter(is_superuser=True).count() == 1
    assert "password:" in first.getvalue()
    assert "password:" not in second.getvalue()
