"""The petitions in the Wagtail admin: list with live counts, edit, close, export."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import abuse_control, export_signatures
from .models import Petition, Signature


class PetitionViewSet(SnippetViewSet):
    model = Petition
    icon = "doc-full-inverse"
    menu_label = _("Petitions")
    menu_order = 150
    add_to_admin_menu = True
    list_display = [
        "name",
        "slug",
        "status",
        "goal",
        Column("confirmed", label=pgettext_lazy("signature count", "Confirmed")),
        Column("pending", label=pgettext_lazy("signature count", "Pending")),
        Column("flagged", label=pgettext_lazy("signature count", "Flagged")),
        "deadline",
        Column("personal_data_erasure_due", label=_("Personal data erased on")),
    ]
    list_filter = ["status"]
    search_fields = ["name", "slug"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Petition.objects.annotate(
            confirmed=Count(
                "signatures",
                filter=Q(signatures__status=Signature.Status.CONFIRMED, signatures__flags=""),
            ),
            flagged=Count("signatures", filter=~Q(signatures__flags="")),
            pending=Count("signatures", filter=Q(signatures__status=Signature.Status.PENDING)),
        )


register_snippet(PetitionViewSet)


@hooks.register("register_admin_urls")
def register_export_url():
    return [
        path(
            "petitions/<int:petition_id>/export.csv",
            export_signatures,
            name="petitions_export_signatures",
        ),
        path(
            "petitions/<int:petition_id>/abuse-control/",
            abuse_control,
            name="petitions_abuse_control",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def export_button(snippet, user, next_url=None):
    if isinstance(snippet, Petition) and user.has_perm("petitions.export_signatures"):
        yield MenuItem(
            _("Export confirmed signatures (CSV)"),
            reverse("petitions_export_signatures", args=[snippet.pk]),
            icon_name="download",
            priority=90,
        )
    if isinstance(snippet, Petition) and user.has_perm("petitions.change_petition"):
        yield MenuItem(
            _("Abuse control"),
            reverse("petitions_abuse_control", args=[snippet.pk]),
            icon_name="warning",
            priority=91,
        )


class SignaturesInvalidatedFormatter(LogFormatter):
    label = _("Invalidate signatures")

    def format_message(self, log_entry):
        data = log_entry.data
        criteria = ", ".join(
            f"{name}={data[name]}"
            for name in ("ip_hash", "email_domain", "since", "until")
            if data.get(name)
        )
        return ngettext(
            "%(count)d signature invalidated (%(criteria)s)",
            "%(count)d signatures invalidated (%(criteria)s)",
            data.get("count", 0),
        ) % {"count": data.get("count", 0), "criteria": criteria}


@hooks.register("register_log_actions")
def register_petition_log_actions(actions):
    actions.register_action("petitio.signatures_invalidated")(SignaturesInvalidatedFormatter)
