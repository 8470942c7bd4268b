"""The local outbox in the admin: every email the site sent, with working links.

Superusers only: the messages hold signers' addresses and their personal links.
"""

from __future__ import annotations

from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import Http404, HttpRequest
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .mail import list_outbox, read_outbox_message

OUTBOX_BREADCRUMBS = [
    {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
    {"url": reverse_lazy("petitio_outbox"), "label": _("Outbox")},
]


class SuperuserOnlyMixin(UserPassesTestMixin):
    raise_exception = True
    request: HttpRequest

    def test_func(self) -> bool:
        return self.request.user.is_superuser


class OutboxIndexView(SuperuserOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/outbox_index.html"
    page_title = _("Outbox")
    header_icon = "mail"
    breadcrumbs_items = OUTBOX_BREADCRUMBS

    def get_context_data(self, **kwargs):
        return super().get_context_data(outbox_messages=list(list_outbox()), **kwargs)


class OutboxMessageView(SuperuserOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/outbox_message.html"
    header_icon = "mail"
    breadcrumbs_items = OUTBOX_BREADCRUMBS

    def dispatch(self, request, *args, **kwargs):
        self.message = read_outbox_message(kwargs["name"])
        if self.message is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return self.message.subject

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.message.subject}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(message=self.message, **kwargs)
