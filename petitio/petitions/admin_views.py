"""Staff views of petitions that the snippet viewset does not provide."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .exports import counted_signatures_csv
from .models import Petition
from .selectors import abuse_trends


@permission_required("petitions.export_signatures", raise_exception=True)
def export_signatures(request: HttpRequest, petition_id: int) -> StreamingHttpResponse:
    """Stream the counted signatures of one petition as CSV (sealed records stay sealed)."""
    petition = get_object_or_404(Petition, pk=petition_id)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(
        counted_signatures_csv(petition_id=petition.pk), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{petition.slug}-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response


class InvalidationForm(forms.Form):
    """Which signatures to set aside: every criterion given must match."""

    ip_hash = forms.CharField(label=_("IP hash"), max_length=64, required=False)
    email_domain = forms.CharField(label=_("Email domain"), max_length=255, required=False)
    since = forms.DateTimeField(
        label=_("Signed from"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    until = forms.DateTimeField(
        label=_("Signed before"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("ip_hash", "email_domain", "since", "until")):
            raise forms.ValidationError(
                _("Choose at least one criterion: an IP hash, a domain or a time window.")
            )
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] >= cleaned["until"]:
            raise forms.ValidationError(_("The start of the window must come before its end."))
        return cleaned


@permission_required("petitions.change_petition", raise_exception=True)
def abuse_control(request: HttpRequest, petition_id: int) -> HttpResponse:
    """Trends of the last 24 hours, and bulk invalidation (logged in the audit log)."""
    petition = get_object_or_404(Petition, pk=petition_id)
    form = InvalidationForm(request.POST) if request.method == "POST" else InvalidationForm()
    if request.method == "POST" and form.is_valid():
        count = services.invalidate_signatures(
            petition=petition, user=request.user, **form.cleaned_data
        )
        messages.success(
            request,
            ngettext(
                "%(count)d signature set aside; the count is updated.",
                "%(count)d signatures set aside; the count is updated.",
                count,
            )
            % {"count": count},
        )
        return redirect("petitions_abuse_control", petition_id=petition.pk)
    return TemplateResponse(
        request,
        "petitions/admin/abuse_control.html",
        {
            "petition": petition,
            "trends": abuse_trends(petition_id=petition.pk),
            "form": form,
            "page_title": _("Abuse control"),
            "header_title": petition.name,
        },
        status=400 if form.errors else 200,
    )
