"""Forms of the "my data" pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from petitio.groups.forms import clean_email_value, email_field


class MyDataRequestForm(forms.Form):
    email = email_field(help_text=_("We will email this address a link to its data."))

    def clean_email(self) -> str:
        return clean_email_value(self.cleaned_data["email"])


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase everything. I understand this cannot be undone."),
        error_messages={"required": _("Please tick the box to confirm the erasure.")},
    )
