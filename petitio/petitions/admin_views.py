"""Staff views of petitions that the snippet viewset does not provide."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .exports import counted_signatures_csv
from .models import Petition


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
