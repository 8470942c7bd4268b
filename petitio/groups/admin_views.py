"""Staff views of school groups that the snippet viewsets do not provide:
moderation (approve, reject with a reason), members and their export, and the
decisions on paper signature reports. Each view checks its own permission.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, HttpRequest, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .exports import members_csv
from .forms import validate_text
from .models import DESCRIPTION_MAX_LENGTH, GroupMembership, PaperSignatureReport, SchoolGroup

GROUPS_INDEX = reverse_lazy("wagtailsnippets_groups_schoolgroup:list")
REPORTS_INDEX = reverse_lazy("wagtailsnippets_groups_papersignaturereport:list")


class StaffView(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    raise_exception = True
    header_icon = "group"
    index_url = GROUPS_INDEX
    index_label = gettext_lazy("School groups")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": self.index_url, "label": self.index_label},
            {"url": "", "label": self.get_page_title()},
        ]


class GroupStaffView(StaffView):
    def dispatch(self, request, *args, **kwargs):
        self.group = get_object_or_404(SchoolGroup, pk=kwargs["group_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.group)

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, **kwargs)


class ApproveGroupView(GroupStaffView, TemplateView):
    permission_required = "groups.change_schoolgroup"
    template_name = "groups/admin/confirm.html"
    page_title = gettext_lazy("Approve the group")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=_(
                "Approve this group? It appears in the public directory at once, and its "
                "coordinator receives an email with the link to report paper signatures."
            ),
            button=_("Approve"),
            cancel_url=self.index_url,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            services.approve_group(group_id=self.group.pk)
        except services.GroupEmailNotConfirmed:
            messages.error(request, _("The coordinator has not confirmed their address yet."))
        except services.GroupNotFound as error:
            raise Http404 from error
        else:
            messages.success(request, _("Group '%(group)s' approved.") % {"group": self.group})
        return HttpResponseRedirect(self.index_url)


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, sent to the coordinator"),
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[validate_text],
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RejectGroupView(GroupStaffView, FormView):
    permission_required = "groups.change_schoolgroup"
    template_name = "groups/admin/reject.html"
    page_title = gettext_lazy("Reject the group")
    form_class = RejectionForm

    def form_valid(self, form):
        try:
            services.reject_group(group_id=self.group.pk, reason=form.cleaned_data["reason"])
        except services.GroupEmailNotConfirmed:
            messages.error(self.request, _("The coordinator has not confirmed their address yet."))
        except services.GroupNotFound as error:
            raise Http404 from error
        else:
            messages.success(self.request, _("Group '%(group)s' rejected.") % {"group": self.group})
        return HttpResponseRedirect(self.index_url)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class GroupMembersView(GroupStaffView, TemplateView):
    permission_required = "groups.export_members"
    template_name = "groups/admin/members.html"
    page_title = gettext_lazy("Members")

    def get_context_data(self, **kwargs):
        members = GroupMembership.objects.filter(group=self.group).order_by("status", "created_at")
        return super().get_context_data(members=members, **kwargs)


@permission_required("groups.export_members", raise_exception=True)
def export_members(request: HttpRequest, group_id: int) -> StreamingHttpResponse:
    """Stream every member of one group as CSV, formula cells neutralised."""
    group = get_object_or_404(SchoolGroup, pk=group_id)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(
        members_csv(group_id=group.pk), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="group-{group.pk}-members-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response


class ReportDecisionView(StaffView, TemplateView):
    permission_required = "groups.change_papersignaturereport"
    template_name = "groups/admin/confirm.html"
    index_url = REPORTS_INDEX
    index_label = gettext_lazy("Paper signature reports")
    approve = True

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(
            PaperSignatureReport.objects.select_related("group", "petition"),
            pk=kwargs["report_id"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Approve the report") if self.approve else _("Reject the report")

    def get_page_subtitle(self) -> str:
        return str(self.report)

    def get_context_data(self, **kwargs):
        values = {
            "count": self.report.count,
            "group": self.report.group.school_name,
            "petition": self.report.petition.name,
        }
        if self.approve:
            question = (
                _(
                    "Add %(count)s paper signatures from %(group)s to the petition "
                    "“%(petition)s”? They are counted at once and shown on its pages."
                )
                % values
            )
        else:
            question = (
                _(
                    "Set aside the %(count)s paper signatures reported by %(group)s for "
                    "“%(petition)s”? Nothing is counted."
                )
                % values
            )
        return super().get_context_data(
            question=question,
            note=self.report.note,
            button=_("Approve") if self.approve else _("Reject"),
            cancel_url=self.index_url,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        decide = services.approve_paper_report if self.approve else services.reject_paper_report
        try:
            decide(report_id=self.report.pk, decided_by_id=request.user.pk)
        except services.PaperReportAlreadyDecided:
            messages.error(request, _("This report was already decided the other way."))
        except services.PaperReportNotFound as error:
            raise Http404 from error
        else:
            messages.success(
                request,
                _("Report approved: the signatures are counted.")
                if self.approve
                else _("Report rejected."),
            )
        return HttpResponseRedirect(self.index_url)
