from petitio.conftest import make_petition_page
from petitio.petitions.models import Petition


def test_lists_published_petitions_with_their_confirmed_count(client, petition_page):
    Petition.objects.filter(pk=petition_page.petition_id).update(confirmed_base=7)
    response = client.get("/api/v1/petitions?lang=fr")
    assert response.status_code == 200
    [petition] = response.json()
    assert petition["slug"] == "stop-xinjiang-persecution"
    assert petition["title"] == petition_page.title
    assert petition["signature_count"] == 7
    assert petition["status"] == "open"
    assert petition["goal"] == 100
    assert petition["url"].endswith(petition_page.url)
    assert petition["deadline"] is None


def test_title_follows_the_requested_language(client, petition_page, locales):
    english = petition_page.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Free the detainees"
    english.save_revision().publish()
    assert client.get("/api/v1/petitions/stop-xinjiang-persecution?lang=en").json()["title"] == (
        "Free the detainees"
    )
    assert (
        client.get("/api/v1/petitions/stop-xinjiang-persecution", HTTP_ACCEPT_LANGUAGE="en").json()[
            "language"
        ]
        == "en"
    )
    # No Dutch page: the petition is still listed, in the language it has.
    assert client.get("/api/v1/petitions/stop-xinjiang-persecution?lang=nl").status_code == 200


def test_drafts_and_unpublished_pages_are_not_listed(client, home_page):
    make_petition_page(home_page, slug="draft-one", status=Petition.Status.DRAFT)
    unpublished = make_petition_page(home_page, slug="unpublished")
    unpublished.unpublish()
    assert client.get("/api/v1/petitions").json() == []
    assert client.get("/api/v1/petitions/draft-one").status_code == 404


def test_unknown_slug_and_language_are_clear_4xx(client, petition_page):
    assert client.get("/api/v1/petitions/nope").status_code == 404
    response = client.get("/api/v1/petitions?lang=xx")
    assert response.status_code == 400
    assert "Unknown language" in response.json()["detail"]


def test_paper_signatures_add_to_the_count_and_are_shown_apart(client, petition_page):
    Petition.objects.filter(pk=petition_page.petition_id).update(confirmed_base=7, paper_count=3)
    petition = client.get("/api/v1/petitions/stop-xinjiang-persecution").json()
    assert (petition["signature_count"], petition["paper_signature_count"]) == (10, 3)
    html = client.get(petition_page.url).content.decode()
    assert 'value="10"' in html
    assert "dont 3 sur papier" in html
