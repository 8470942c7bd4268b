"""The petition's edit form in the admin."""

from __future__ import annotations

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm


class PetitionAdminForm(WagtailAdminModelForm):
    """Records when staff close or deliver a petition: the retention period of its
    signers' personal data starts then (Petition.personal_data_erasure_due)."""

    def save(self, commit=True):
        petition = self.instance
        finished = petition.status in (petition.Status.CLOSED, petition.Status.DELIVERED)
        if finished and petition.closed_at is None:
            petition.closed_at = timezone.now()
        elif not finished:
            petition.closed_at = None
        return super().save(commit=commit)
