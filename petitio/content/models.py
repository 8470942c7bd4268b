"""The site's own pages (home, standard pages) and the organisation's identity."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import register_snippet

from .blocks import body_blocks


@register_snippet
class Theme(TranslatableMixin, models.Model):
    """A theme actions and news are filed under (e.g. China, refugees, freedom of speech).

    Translatable: each language has its own name; the slug stays the same across
    translations, so filters (`?theme=china`) work in every language.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="theme_slug_unique_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class HomePage(Page):
    """The entry page of a language: an introduction and the open campaigns."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    featured_heading = models.CharField(_("featured heading"), max_length=120, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured_heading")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "content/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from petitio.petitions.models import Petition, PetitionPage

        context = super().get_context(request, *args, **kwargs)
        context["open_petitions"] = (
            PetitionPage.objects.live()
            .filter(locale_id=self.locale_id, petition__status=Petition.Status.OPEN)
            .select_related("petition", "image")
            .order_by("-first_published_at")
        )
        return context


class StandardPage(Page):
    """A page of text: the privacy charter, the credits, any other fixed page."""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    template = "content/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the site: shown in every page footer, never hard-coded in templates."""

    name = models.CharField(_("organisation name"), max_length=200, default="Petitio")
    registration_number = models.CharField(_("registration number"), max_length=64, blank=True)
    address = models.CharField(_("postal address"), max_length=300, blank=True)
    privacy_email = models.EmailField(_("privacy contact email"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy charter page"),
    )
    mastodon_url = models.URLField(_("Mastodon profile"), blank=True)
    bluesky_url = models.URLField(_("Bluesky profile"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    credits_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("credits page"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("registration_number"), FieldPanel("address")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_email"), FieldPanel("privacy_page"), FieldPanel("credits_page")],
            heading=_("Legal pages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    def social_links(self) -> list[tuple[str, str]]:
        """(network name, URL) for every profile that is set, for the footer."""
        links = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
        ]
        return [(network, url) for network, url in links if url]

    class Meta:
        verbose_name = _("organisation")


from .news import NewsIndexPage, NewsPage  # noqa: E402, F401
