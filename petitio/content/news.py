"""News: one index of articles per language, its Atom and RSS feeds, and the articles.

An article may point to the action it is about (`related_action`); the article then
ends with a call to sign while that petition accepts signatures, and the campaign
page lists its latest articles (`latest_news_for_action`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, time

from django import forms
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import body_blocks

NEWS_PER_PAGE = 10
FEED_LENGTH = 20
THEME_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def absolute_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's URL with scheme and host, as links in feeds need them."""
    url = page.get_url(request=request) or ""
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


def themes_in_locale(themes: Iterable, locale_id: int) -> list:
    """`themes` named in the language of `locale_id`, one per slug, in the given order.

    Pages may point to themes of another language (a translated page keeps its
    source's themes); the slug is shared by every translation, so we swap each theme
    for its translation when there is one, in a single query.
    """
    from .models import Theme

    by_slug = {theme.slug: theme for theme in themes}
    translated = {
        theme.slug: theme
        for theme in Theme.objects.filter(slug__in=list(by_slug), locale_id=locale_id)
    }
    return [translated.get(slug, theme) for slug, theme in by_slug.items()]


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of one language: newest first, paginated, filtered by theme (`?theme=`).

    Routes: `feed/atom/` and `feed/rss/` serve the latest articles as feeds.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.NewsPage"]
    max_count_per_parent = 1
    template = "content/news_index_page.html"

    class Meta:
        verbose_name = _("news index page")

    def articles(self, *, theme: str = ""):
        """Live articles below this index, newest first (ties: latest published first)."""
        articles = NewsPage.objects.live().child_of(self)
        if theme:
            articles = articles.filter(themes__slug=theme).distinct()
        return articles.order_by("-date", "-first_published_at", "-pk")

    def themes_in_use(self) -> list:
        """The themes of this index's live articles, named in this page's language."""
        from .models import Theme

        slugs = (
            NewsPage.objects.live()
            .child_of(self)
            .exclude(themes__slug=None)
            .values_list("themes__slug", flat=True)
            .distinct()
        )
        themes = themes_in_locale(Theme.objects.filter(slug__in=list(slugs)), self.locale_id)
        return sorted(themes, key=lambda theme: theme.name.casefold())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        theme = request.GET.get("theme", "")
        # Anything but a slug matches no theme; checked here so that odd input (a NUL
        # byte, a very long string) never reaches the database.
        if theme and not THEME_SLUG.fullmatch(theme):
            theme = "-"
        queryset = self.articles(theme=theme).select_related("image").prefetch_related("themes")
        articles = Paginator(queryset, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        items = list(articles.object_list)
        all_themes = {theme.slug: theme for item in items for theme in item.themes.all()}
        localized = {t.slug: t for t in themes_in_locale(all_themes.values(), self.locale_id)}
        for item in items:
            item.localized_themes = [localized[t.slug] for t in item.themes.all()]
        context.update(
            articles=articles,
            news_items=items,
            themes=self.themes_in_use(),
            selected_theme=theme,
            news_index=self,
        )
        return context

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request: HttpRequest) -> HttpResponse:
        return NewsFeed(self, feed_type=Atom1Feed)(request)

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request: HttpRequest) -> HttpResponse:
        return NewsFeed(self, feed_type=Rss201rev2Feed)(request)


class NewsPage(Page):
    """One news article in one language."""

    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("Shown on the article; sets the order.")
    )
    lead = models.TextField(_("lead"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))
    themes = ParentalManyToManyField("content.Theme", blank=True, verbose_name=_("themes"))
    related_action = models.ForeignKey(
        "petitions.PetitionPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("related action"),
        help_text=_(
            "The campaign this article is about: the article ends with a call to sign while "
            "the petition is open, and the campaign page lists the article."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("lead")], heading=_("Summary")),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_action"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["content.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "content/news_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def localized_related_action(self):
        """The related petition page in this article's language (or as set, when it has no
        translation there), or None when there is none or it is not live."""
        action = self.related_action
        if action is None:
            return None
        action = (action.get_translation_or_none(self.locale) or action).specific
        return action if action.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        action = self.localized_related_action()
        context.update(
            news_index=self.get_parent().specific,
            localized_themes=themes_in_locale(self.themes.all(), self.locale_id),
            related_action=action,
            related_petition=action.petition if action else None,
        )
        return context


def latest_news_for_action(page: Page, limit: int = 3) -> list[NewsPage]:
    """The newest live articles in `page`'s language whose related action is `page` or
    any of its translations."""
    return list(
        NewsPage.objects.live()
        .filter(locale_id=page.locale_id, related_action__translation_key=page.translation_key)
        .order_by("-date", "-first_published_at", "-pk")[:limit]
    )


class NewsFeed(Feed):
    """The latest articles of one news index, as Atom or RSS 2.0, in its language."""

    def __init__(self, news_index: NewsIndexPage, *, feed_type: type[SyndicationFeed]) -> None:
        super().__init__()
        self.news_index = news_index
        self.feed_type = feed_type
        self.language = news_index.locale.language_code
        self.request: HttpRequest | None = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        from .models import OrganisationSettings

        organisation = OrganisationSettings.for_request(self.request).name
        return f"{self.news_index.title} · {organisation}"

    def link(self) -> str:
        return absolute_url(self.news_index, self.request)

    def feed_url(self) -> str:
        route = "atom_feed" if self.feed_type is Atom1Feed else "rss_feed"
        return self.link() + self.news_index.reverse_subpage(route).lstrip("/")

    def description(self) -> str:
        return self.news_index.intro or gettext("The latest news")

    def subtitle(self) -> str:
        return self.description()

    def items(self):
        return self.news_index.articles().prefetch_related("themes")[:FEED_LENGTH]

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.lead

    def item_link(self, item: NewsPage) -> str:
        return absolute_url(item, self.request)

    def item_pubdate(self, item: NewsPage) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time(12)))

    def item_updateddate(self, item: NewsPage) -> datetime | None:
        return item.last_published_at

    def item_categories(self, item: NewsPage) -> list[str]:
        return [theme.name for theme in themes_in_locale(item.themes.all(), item.locale_id)]
