"""School groups in the Wagtail admin: a "School groups" menu with the groups
(moderation, members, CSV export) and the paper signature reports (approve, reject).

Status changes happen only through the moderation views, which call the services:
the edit forms show the status read-only, and nobody adds a group or a report by
hand (groups come from the public registration, reports from coordinators).
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import PaperSignatureReport, SchoolGroup
from .selectors import groups_with_member_counts


class WithoutActionsPolicy(ModelPermissionPolicy):
    """Django's model permissions, minus the generic admin actions named in `denied`.

    "view" is also granted to whoever may change, so moderators see the listing.
    """

    def __init__(self, model, *, denied: frozenset[str]):
        super().__init__(model)
        self.denied = denied

    def user_has_permission(self, user, action):
        if action in self.denied:
            return False
        if action == "view" and super().user_has_permission(user, "change"):
            return True
        return super().user_has_permission(user, action)


register_permission_policy(
    SchoolGroup, WithoutActionsPolicy(SchoolGroup, denied=frozenset({"add"}))
)
register_permission_policy(
    PaperSignatureReport,
    WithoutActionsPolicy(PaperSignatureReport, denied=frozenset({"add", "change", "delete"})),
)


class SchoolGroupViewSet(SnippetViewSet):
    model = SchoolGroup
    icon = "group"
    menu_label = _("Groups")
    list_display = [
        "school_name",
        "municipality",
        "province",
        "status",
        Column("confirmed_members", label=pgettext_lazy("member count", "Members")),
        Column("pending_members", label=pgettext_lazy("member count", "Pending")),
        "created_at",
    ]
    list_filter = ["status", "province", "language"]
    search_fields = ["school_name", "municipality", "postcode"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return groups_with_member_counts()


class PaperSignatureReportViewSet(SnippetViewSet):
    model = PaperSignatureReport
    icon = "form"
    menu_label = _("Paper signatures")
    list_display = ["group", "petition", "count", "status", "created_at", "decided_at"]
    list_filter = ["status", "petition"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return PaperSignatureReport.objects.select_related("group", "petition")


class SchoolGroupsMenu(SnippetViewSetGroup):
    items = (SchoolGroupViewSet, PaperSignatureReportViewSet)
    menu_label = _("School groups")
    menu_icon = "group"
    menu_order = 160


register_snippet(SchoolGroupsMenu)


@hooks.register("register_admin_urls")
def register_group_admin_urls():
    return [
        path(
            "school-groups/<int:group_id>/approve/",
            admin_views.ApproveGroupView.as_view(),
            name="groups_approve",
        ),
        path(
            "school-groups/<int:group_id>/reject/",
            admin_views.RejectGroupView.as_view(),
            name="groups_reject",
        ),
        path(
            "school-groups/<int:group_id>/members/",
            admin_views.GroupMembersView.as_view(),
            name="groups_members",
        ),
        path(
            "school-groups/<int:group_id>/members.csv",
            admin_views.export_members,
            name="groups_export_members",
        ),
        path(
            "school-groups/paper-reports/<int:report_id>/approve/",
            admin_views.ReportDecisionView.as_view(approve=True),
            name="groups_approve_report",
        ),
        path(
            "school-groups/paper-reports/<int:report_id>/reject/",
            admin_views.ReportDecisionView.as_view(approve=False),
            name="groups_reject_report",
        ),
    ]


APPROVABLE = {SchoolGroup.Status.PENDING, SchoolGroup.Status.REJECTED, SchoolGroup.Status.INACTIVE}
REJECTABLE = {SchoolGroup.Status.PENDING, SchoolGroup.Status.APPROVED, SchoolGroup.Status.INACTIVE}


@hooks.register("register_snippet_listing_buttons")
def school_group_buttons(snippet, user, next_url=None):
    if isinstance(snippet, SchoolGroup):
        if user.has_perm("groups.change_schoolgroup"):
            if snippet.status in APPROVABLE:
                yield MenuItem(
                    _("Approve"),
                    reverse("groups_approve", args=[snippet.pk]),
                    icon_name="tick",
                    priority=10,
                )
            if snippet.status in REJECTABLE:
                yield MenuItem(
                    _("Reject"),
                    reverse("groups_reject", args=[snippet.pk]),
                    icon_name="cross",
                    priority=11,
                )
        if user.has_perm("groups.export_members"):
            yield MenuItem(
                _("Members"),
                reverse("groups_members", args=[snippet.pk]),
                icon_name="group",
                priority=80,
            )
            yield MenuItem(
                _("Export members (CSV)"),
                reverse("groups_export_members", args=[snippet.pk]),
                icon_name="download",
                priority=90,
            )
    elif isinstance(snippet, PaperSignatureReport):
        pending = snippet.status == PaperSignatureReport.Status.PENDING
        if pending and user.has_perm("groups.change_papersignaturereport"):
            yield MenuItem(
                _("Approve"),
                reverse("groups_approve_report", args=[snippet.pk]),
                icon_name="tick",
                priority=10,
            )
            yield MenuItem(
                _("Reject"),
                reverse("groups_reject_report", args=[snippet.pk]),
                icon_name="cross",
                priority=11,
            )
