"""News: the index (order, pagination, theme filter, empty state), its feeds, the
article's call to action, the latest news on a campaign page and the demo news.

Assertions avoid the interface's words (the catalogues translate them) and look at
structure and data instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from petitio.conftest import make_petition_page
from petitio.content.demo import build_demo_site, translate
from petitio.content.demo_news import build_demo_news
from petitio.content.models import Theme
from petitio.content.news import FEED_LENGTH, NEWS_PER_PAGE, NewsIndexPage, NewsPage
from petitio.petitions.models import Petition, PetitionPage

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    index = NewsIndexPage(title="Toutes les infos", slug="infos")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def china(locales) -> Theme:
    return Theme.objects.create(name="Chine", slug="china", locale=locales["fr"])


def make_article(index: Page, title: str, *, days_ago: int = 0, themes=(), **fields) -> NewsPage:
    article = NewsPage(
        title=title,
        slug=re.sub(r"\W+", "-", title.lower()).strip("-"),
        lead=fields.pop("lead", f"Résumé de « {title} »."),
        date=timezone.localdate() - timedelta(days=days_ago),
        **fields,
    )
    article.themes.set(list(themes))
    index.add_child(instance=article)
    article.save_revision().publish()
    return article


def titles(response) -> list[str]:
    return [article.title for article in response.context["articles"].object_list]


def dutch_news(home_page, news_index) -> NewsIndexPage:
    """The Dutch translation of the home page and of the news index."""
    translate(home_page, "nl", title="Startpagina")
    translated = translate(news_index, "nl", title="Alle nieuws", slug="nieuws")
    return NewsIndexPage.objects.get(pk=translated.pk)  # with its new URL


# The index


def test_news_index_lists_live_articles_newest_first(client, news_index):
    make_article(news_index, "Ancienne", days_ago=30)
    make_article(news_index, "Récente", days_ago=1)
    make_article(news_index, "Moyenne", days_ago=10)
    make_article(news_index, "Brouillon", days_ago=0).unpublish()
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Récente", "Moyenne", "Ancienne"]


def test_each_listed_article_shows_its_date_lead_and_themes_with_a_link(client, news_index, china):
    article = make_article(news_index, "Sur la Chine", themes=[china], lead="Un résumé clair.")
    article.date = date(2025, 3, 7)
    article.save_revision().publish()
    html = client.get(news_index.url).content.decode()
    assert f'<a href="{article.url}">Sur la Chine</a>' in html
    assert '<time datetime="2025-03-07">7 mars 2025</time>' in html  # French date format
    assert "Un résumé clair." in html
    assert f'<a href="{news_index.url}?theme=china">Chine</a>' in html


def test_news_index_shows_ten_articles_a_page_with_an_accessible_page_list(client, news_index):
    for number in range(NEWS_PER_PAGE + 2):
        make_article(news_index, f"Article {number:02d}", days_ago=number)
    first = client.get(news_index.url)
    assert len(titles(first)) == NEWS_PER_PAGE
    second = client.get(news_index.url, {"page": 2})
    assert titles(second) == ["Article 10", "Article 11"]
    html = second.content.decode()
    assert re.search(r'<nav class="pagination" aria-label="[^"]+">', html)
    assert '<a aria-current="page" href="?page=2">2</a>' in html


@pytest.mark.parametrize(
    ("value", "expected_page"),
    [("abc", 1), ("", 1), ("1.5", 1), ("\x00", 1), ("99", 2), ("0", 2), ("-3", 2), ("9" * 40, 2)],
)
def test_bad_page_values_show_the_first_or_last_page_never_an_error(
    client, news_index, value, expected_page
):
    for number in range(NEWS_PER_PAGE + 1):
        make_article(news_index, f"Article {number:02d}", days_ago=number)
    response = client.get(news_index.url, {"page": value})
    assert response.status_code == 200
    assert response.context["articles"].number == expected_page


def test_theme_filter_keeps_only_that_themes_articles_and_marks_it_current(
    client, news_index, china, locales
):
    refugees = Theme.objects.create(name="Réfugiés", slug="refugees", locale=locales["fr"])
    make_article(news_index, "Sur la Chine", themes=[china], days_ago=2)
    make_article(news_index, "Sur l’exil", themes=[refugees, china], days_ago=1)
    make_article(news_index, "Sans thème")
    response = client.get(news_index.url, {"theme": "refugees"})
    assert titles(response) == ["Sur l’exil"]
    assert titles(client.get(news_index.url, {"theme": "china"})) == ["Sur l’exil", "Sur la Chine"]
    html = response.content.decode()
    nav = re.search(r'<nav class="news-themes".*?</nav>', html, re.S).group(0)
    assert f'<a href="{news_index.url}?theme=refugees" aria-current="true">Réfugiés</a>' in nav
    assert f'<a href="{news_index.url}?theme=china">Chine</a>' in nav
    assert nav.count("aria-current") == 1


def test_theme_filter_keeps_the_theme_across_pages(client, news_index, china):
    for number in range(NEWS_PER_PAGE + 1):
        make_article(news_index, f"Article {number:02d}", days_ago=number, themes=[china])
    html = client.get(news_index.url, {"theme": "china"}).content.decode()
    assert 'href="?theme=china&amp;page=2"' in html


def test_themes_are_listed_in_the_language_of_the_index(client, home_page, news_index, china):
    nl_index = dutch_news(home_page, news_index)
    nl_china = china.copy_for_translation(nl_index.locale)
    nl_china.name = "China (nl)"
    nl_china.save()
    article = make_article(news_index, "Sur la Chine", themes=[china])
    translate(article, "nl", title="Over China")
    html = client.get(nl_index.url).content.decode()
    assert ">China (nl)</a>" in html
    assert ">Chine</a>" not in html


@pytest.mark.parametrize("theme", ["nope", "\x00", "x" * 5000, "<script>"])
def test_unknown_or_odd_themes_give_the_empty_state_never_an_error(
    client, news_index, china, theme
):
    make_article(news_index, "Sur la Chine", themes=[china])
    response = client.get(news_index.url, {"theme": theme})
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(response) == []
    assert '<div class="notice" role="status">' in html
    assert f'<a href="{news_index.url}">' in html  # the way back to all news


def test_an_index_without_articles_says_so_clearly(client, news_index):
    response = client.get(news_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="notice" role="status">' in html
    assert 'class="news-list"' not in html
    assert 'class="pagination"' not in html


def test_staff_can_write_an_article_and_a_home_page_holds_one_news_index(
    admin_client, home_page, news_index, china
):
    response = admin_client.get(f"/admin/pages/add/content/newspage/{news_index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("date", "lead", "image", "themes", "related_action"):
        assert f'name="{field}' in html
    assert not NewsIndexPage.can_create_at(home_page)
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]


# Feeds


def test_index_and_articles_announce_both_feeds_in_the_head(client, news_index):
    article = make_article(news_index, "Une nouvelle")
    for url in (news_index.url, article.url):
        head = client.get(url).content.decode().split("</head>")[0]
        assert re.search(
            rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
            rf'href="{news_index.url}feed/atom/">',
            head,
        )
        assert 'type="application/rss+xml" title="' in head
        assert f'href="{news_index.url}feed/rss/">' in head


def test_atom_feed_lists_the_newest_articles_with_absolute_links(client, news_index, china):
    make_article(news_index, "Plus ancienne", days_ago=3, themes=[china])
    newest = make_article(news_index, "La plus récente", days_ago=1)
    response = client.get(f"{news_index.url}feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "La plus récente",
        "Plus ancienne",
    ]
    assert entries[0].find(f"{ATOM}link").get("href") == f"http://testserver{newest.url}"
    assert entries[0].findtext(f"{ATOM}summary") == newest.lead
    assert entries[1].find(f"{ATOM}category").get("term") == "Chine"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        f"http://testserver{news_index.url}feed/atom/"
    )


def test_rss_feed_is_rss_2_with_absolute_links(client, news_index):
    article = make_article(news_index, "Une nouvelle")
    response = client.get(f"{news_index.url}feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    rss = ET.fromstring(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("language") == "fr"
    assert channel.findtext("link") == f"http://testserver{news_index.url}"
    item = channel.find("item")
    assert item.findtext("title") == "Une nouvelle"
    assert item.findtext("link") == f"http://testserver{article.url}"
    assert item.findtext("description") == article.lead


def test_each_languages_feed_holds_only_that_languages_articles(client, home_page, news_index):
    nl_index = dutch_news(home_page, news_index)
    article = make_article(news_index, "En français")
    translate(article, "nl", title="In het Nederlands")
    make_article(news_index, "Seulement en français")
    fr_feed = ET.fromstring(client.get(f"{news_index.url}feed/atom/").content)
    nl_response = client.get(f"{nl_index.url}feed/atom/")
    nl_feed = ET.fromstring(nl_response.content)
    assert [e.findtext(f"{ATOM}title") for e in fr_feed.findall(f"{ATOM}entry")] == [
        "Seulement en français",
        "En français",
    ]
    assert [e.findtext(f"{ATOM}title") for e in nl_feed.findall(f"{ATOM}entry")] == [
        "In het Nederlands"
    ]
    assert nl_feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert nl_index.url.startswith("/nl/")


def test_feeds_hold_the_twenty_newest_articles(client, news_index):
    for number in range(FEED_LENGTH + 2):
        make_article(news_index, f"Article {number:02d}", days_ago=number)
    feed = ET.fromstring(client.get(f"{news_index.url}feed/rss/").content)
    items = feed.findall("channel/item")
    assert len(items) == FEED_LENGTH
    assert items[-1].findtext("title") == f"Article {FEED_LENGTH - 1:02d}"


# The article and its call to action


def test_article_shows_its_date_themes_and_body(client, news_index, china):
    article = make_article(news_index, "Une nouvelle", themes=[china])
    article.date = date(2025, 8, 31)
    article.body = [("heading", "Un intertitre"), ("paragraph", "<p>Le texte.</p>")]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "<h1>Une nouvelle</h1>" in html
    assert '<time datetime="2025-08-31">31 août 2025</time>' in html
    assert ">Chine</a>" in html
    assert "<h2>Un intertitre</h2>" in html and "Le texte." in html
    assert f'<a href="{news_index.url}">' in html


def test_article_ends_with_a_call_to_sign_while_its_petition_is_open(client, news_index):
    action = make_petition_page(news_index.get_parent(), slug="open-one", title="Libérez-les")
    article = make_article(news_index, "Une nouvelle", related_action=action)
    html = client.get(article.url).content.decode()
    cta = re.search(r'<section class="news-cta".*?</section>', html, re.S).group(0)
    assert f'<a class="button news-cta__link" href="{action.url}">' in cta
    assert "Libérez-les" in cta
    assert '<progress class="progress__bar"' in cta


@pytest.mark.parametrize("how", ["closed", "delivered", "deadline passed"])
def test_article_links_to_a_finished_petition_without_a_call_to_sign(client, news_index, how):
    action = make_petition_page(news_index.get_parent(), slug="finished", title="Terminée")
    if how == "deadline passed":
        Petition.objects.filter(pk=action.petition_id).update(
            deadline=timezone.now() - timedelta(days=1)
        )
    else:
        Petition.objects.filter(pk=action.petition_id).update(status=how)
    article = make_article(news_index, "Une nouvelle", related_action=action)
    html = client.get(article.url).content.decode()
    assert 'class="news-cta news-cta--closed"' in html
    assert f'<a href="{action.url}">Terminée</a>' in html
    assert "news-cta__link" not in html and "<progress" not in html


def test_article_without_related_action_or_with_an_unpublished_one_has_no_box(client, news_index):
    plain = make_article(news_index, "Sans action")
    action = make_petition_page(news_index.get_parent(), slug="draft-one")
    action.unpublish()
    hidden = make_article(news_index, "Action retirée", related_action=action)
    for article in (plain, hidden):
        assert "news-cta" not in client.get(article.url).content.decode()


def test_call_to_sign_leads_to_the_petition_in_the_articles_language(client, home_page, news_index):
    dutch_news(home_page, news_index)
    action = make_petition_page(home_page, slug="open-one", title="Libérez-les")
    nl_action = translate(action, "nl", title="Laat ze vrij")
    article = make_article(news_index, "Une nouvelle", related_action=action)
    nl_article = translate(article, "nl", title="Een bericht")
    assert nl_article.related_action_id == action.pk  # still the French page
    html = client.get(nl_article.url).content.decode()
    assert f'<a class="button news-cta__link" href="{nl_action.url}">' in html
    assert "Laat ze vrij" in html


# The campaign page's latest news


def test_petition_page_lists_its_three_latest_news_in_its_language(client, home_page, news_index):
    action = make_petition_page(home_page, slug="open-one")
    other = make_petition_page(home_page, slug="other-one")
    for number in range(4):
        make_article(news_index, f"Nouvelle {number}", days_ago=number, related_action=action)
    make_article(news_index, "Autre campagne", related_action=other)
    make_article(news_index, "Brouillon", related_action=action).unpublish()
    response = client.get(action.url)
    assert [article.title for article in response.context["related_news"]] == [
        "Nouvelle 0",
        "Nouvelle 1",
        "Nouvelle 2",
    ]
    html = response.content.decode()
    section = re.search(r'<section class="related-news".*?</section>', html, re.S).group(0)
    assert "Autre campagne" not in section and "Nouvelle 3" not in section
    assert 'aria-labelledby="related-news-heading"' in section


def test_news_related_to_any_translation_of_a_campaign_appear_on_each_of_its_pages(
    client, home_page, news_index
):
    nl_index = dutch_news(home_page, news_index)
    action = make_petition_page(home_page, slug="open-one")
    nl_action = translate(action, "nl", title="Petitie")
    make_article(news_index, "Nouvelle en français", related_action=action)
    make_article(nl_index, "Nieuws in het Nederlands", related_action=nl_action)
    assert [a.title for a in client.get(action.url).context["related_news"]] == [
        "Nouvelle en français"
    ]
    assert [a.title for a in client.get(nl_action.url).context["related_news"]] == [
        "Nieuws in het Nederlands"
    ]


def test_petition_page_without_news_has_no_news_section(client, petition_page):
    response = client.get(petition_page.url)
    assert response.context["related_news"] == []
    assert "related-news" not in response.content.decode()


# The demo


def test_demo_news_is_built_once_with_six_articles_in_three_languages(db, client):
    assert build_demo_site() is True
    build_demo_news()  # True, unless build_demo_site already built the news
    assert build_demo_news() is False
    assert NewsIndexPage.objects.live().count() == 3
    for language, slug in (("fr", "infos"), ("nl", "nieuws"), ("en", "news")):
        index = NewsIndexPage.objects.get(locale__language_code=language)
        assert index.slug == slug and index.url == f"/{language}/{slug}/"
        articles = NewsPage.objects.live().child_of(index)
        assert articles.count() == 6
        assert all(article.themes.exists() for article in articles)
        # Themes are named in the article's language.
        assert {t.locale.language_code for a in articles for t in a.themes.all()} == {language}
        response = client.get(index.url)
        assert response.status_code == 200
        assert len(response.context["articles"].object_list) == 6
    uyghur = PetitionPage.objects.get(slug="stop-xinjiang-persecution", locale__language_code="en")
    assert NewsPage.objects.filter(related_action=uyghur).count() >= 1
    assert client.get(uyghur.url).context["related_news"]
    translation_keys = {page.translation_key for page in NewsPage.objects.all()}
    assert len(translation_keys) == 6
