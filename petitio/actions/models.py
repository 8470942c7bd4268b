"""The list of all actions a supporter can take ("Toutes les actions")."""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

ACTIONS_PER_PAGE = 12


class ActionIndexPage(Page):
    """Every live action below it: open ones first, then closed and delivered ones.

    Visitors filter by theme (`?theme=<slug>`) and status (`?status=open|closed|
    delivered`); the list is paginated (`?page=`). Today every action is a petition;
    a new kind of action is a new page type added to `subpage_types` and to
    `filtered_actions`.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["petitions.PetitionPage"]
    template = "actions/action_index_page.html"

    class Meta:
        verbose_name = _("action index page")

    def filtered_actions(self, *, theme: str, status: str):
        from petitio.petitions.models import Petition, PetitionPage

        actions = (
            PetitionPage.objects.live()
            .child_of(self)
            .select_related("petition", "image")
            .prefetch_related("themes")
        )
        if status in Petition.Status.values and status != Petition.Status.DRAFT:
            actions = actions.filter(petition__status=status)
        if theme:
            actions = actions.filter(themes__slug=theme).distinct()
        return actions.annotate(
            open_first=Case(
                When(petition__status=Petition.Status.OPEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("open_first", "-first_published_at")

    def themes_in_use(self):
        """The themes of this index's actions, named in this page's language."""
        from petitio.content.models import Theme
        from petitio.petitions.models import PetitionPage

        slugs = (
            PetitionPage.objects.live()
            .child_of(self)
            .values_list("themes__slug", flat=True)
            .exclude(themes__slug=None)
            .distinct()
        )
        return Theme.objects.filter(slug__in=list(slugs), locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from petitio.petitions.models import Petition

        context = super().get_context(request, *args, **kwargs)
        theme = request.GET.get("theme", "")[:80]
        status = request.GET.get("status", "")[:16]
        paginator = Paginator(self.filtered_actions(theme=theme, status=status), ACTIONS_PER_PAGE)
        actions: PaginatorPage = paginator.get_page(request.GET.get("page"))
        context.update(
            actions=actions,
            themes=self.themes_in_use(),
            statuses=[
                (value, label)
                for value, label in Petition.Status.choices
                if value != Petition.Status.DRAFT
            ],
            selected_theme=theme,
            selected_status=status,
            is_filtered=bool(theme or status),
        )
        return context
