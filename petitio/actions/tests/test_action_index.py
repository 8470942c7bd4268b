"""The list of all actions: open first, filters by theme and status, pagination."""

import pytest

from petitio.actions.models import ACTIONS_PER_PAGE, ActionIndexPage
from petitio.conftest import make_petition_page
from petitio.content.models import Theme
from petitio.petitions.models import Petition


@pytest.fixture
def action_index(home_page):
    index = ActionIndexPage(title="Toutes les actions", slug="actions")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def titles(response) -> list[str]:
    return [page.title for page in response.context["actions"].object_list]


def test_open_actions_come_first_then_finished_ones(client, action_index):
    make_petition_page(action_index, slug="old-open", title="Ancienne ouverte")
    make_petition_page(action_index, slug="closed", title="Close", status=Petition.Status.CLOSED)
    make_petition_page(action_index, slug="new-open", title="Nouvelle ouverte")
    response = client.get(action_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Nouvelle ouverte", "Ancienne ouverte", "Close"]


def test_drafts_and_unpublished_actions_are_not_listed(client, action_index):
    make_petition_page(action_index, slug="visible", title="Visible")
    make_petition_page(action_index, slug="hidden", title="Cachée").unpublish()
    assert titles(client.get(action_index.url)) == ["Visible"]


def test_filter_by_status_and_theme(client, action_index, locales):
    china = Theme.objects.create(name="Chine", slug="china", locale=locales["fr"])
    tagged = make_petition_page(action_index, slug="tagged", title="Sur la Chine")
    tagged.themes.set([china])
    tagged.save_revision().publish()
    make_petition_page(action_index, slug="other", title="Autre")
    make_petition_page(action_index, slug="gone", title="Remise", status=Petition.Status.DELIVERED)
    assert titles(client.get(action_index.url, {"theme": "china"})) == ["Sur la Chine"]
    assert titles(client.get(action_index.url, {"status": "delivered"})) == ["Remise"]
    html = client.get(action_index.url).content.decode()
    assert '<option value="china">Chine</option>' in html


@pytest.mark.parametrize(
    "query", [{"theme": "nope"}, {"status": "bogus"}, {"theme": "x" * 5000}, {"status": "open"}]
)
def test_unknown_filters_give_a_clear_empty_state_never_an_error(client, action_index, query):
    response = client.get(action_index.url, query)
    assert response.status_code == 200
    if query.get("status") == "bogus":
        return  # an unknown status is ignored: everything is listed
    assert "Aucune action ne correspond" in response.content.decode()


def test_pagination_keeps_filters_and_survives_bad_page_numbers(client, action_index):
    for index in range(ACTIONS_PER_PAGE + 2):
        make_petition_page(action_index, slug=f"p{index}", title=f"Pétition {index}")
    first = client.get(action_index.url, {"status": "open"})
    assert len(first.context["actions"].object_list) == ACTIONS_PER_PAGE
    assert "status=open&amp;page=2" in first.content.decode()
    assert len(client.get(action_index.url, {"page": "2"}).context["actions"].object_list) == 2
    for bad in ("abc", "-1", "999", ""):
        assert client.get(action_index.url, {"page": bad}).status_code == 200


def test_empty_index_says_so(client, action_index):
    response = client.get(action_index.url)
    assert response.context["actions"].paginator.count == 0
    assert "Il n’y a aucune action pour le moment" in response.content.decode()
