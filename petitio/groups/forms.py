"""The public forms of school groups: every field bounded, every error clear and translated."""

from __future__ import annotations

import unicodedata

from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from petitio.petitions.forms import BIDI_CONTROLS, FORBIDDEN_CATEGORIES, name_field

from .models import (
    DESCRIPTION_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    PAPER_COUNT_MAX,
    SCHOOL_NAME_MAX_LENGTH,
    GroupLanguage,
    GroupMembership,
    Province,
    SchoolGroup,
)
from .selectors import open_petition_pages

AGE_OF_CONSENT = 13
INVALID_EMAIL = _("Please enter a valid email address, such as name@example.org.")


def validate_text(value: str) -> None:
    """No control characters (newlines and tabs aside) and no bidirectional overrides."""
    for character in value:
        if character in "\n\r\t":
            continue
        if unicodedata.category(character) in FORBIDDEN_CATEGORIES or character in BIDI_CONTROLS:
            raise forms.ValidationError(
                _("Please remove invisible or control characters from this text."),
                code="control_characters",
            )


def validate_single_line(value: str) -> None:
    if any(character in value for character in "\n\r\t"):
        raise forms.ValidationError(_("Please keep this on one line."), code="multiline")
    validate_text(value)


def email_field(*, help_text: StrOrPromise = "") -> forms.CharField:
    return forms.CharField(
        label=_("Email address"),
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": _("Please enter your email address."),
            "max_length": _("This email address is too long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


def clean_email_value(value: str) -> str:
    if any(unicodedata.category(c) in FORBIDDEN_CATEGORIES for c in value):
        raise forms.ValidationError(INVALID_EMAIL, code="invalid")
    EmailValidator(message=INVALID_EMAIL)(value)
    return value


def text_field(
    *,
    label: str,
    max_length: int,
    required: str | None = None,
    single_line: bool = True,
    autocomplete: str = "",
    help_text: str = "",
) -> forms.CharField:
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required is not None,
        help_text=help_text,
        validators=[validate_single_line if single_line else validate_text],
        error_messages={
            "required": required or "",
            "max_length": _("Please keep this to at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs=attrs)
        if single_line
        else forms.Textarea(attrs={"rows": 4, "maxlength": max_length}),
    )


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: SchoolGroup) -> str:
        return f"{obj.school_name} ({obj.municipality})"


def group_field() -> GroupChoiceField:
    return GroupChoiceField(
        label=_("School group"),
        queryset=SchoolGroup.objects.filter(status=SchoolGroup.Status.APPROVED).order_by(
            "school_name", "pk"
        ),
        empty_label=_("Choose…"),
        error_messages={
            "required": _("Please choose a school group."),
            "invalid_choice": _("Please choose a school group from the list."),
        },
    )


class AgeQuestionForm(forms.Form):
    """Step 1 of joining: which group, and are you 13 or older? No personal data."""

    OLDER = "13-or-older"
    YOUNGER = "under-13"

    group = group_field()
    age = forms.ChoiceField(
        label=_("Are you 13 or older?"),
        choices=[(OLDER, _("Yes, I am 13 or older")), (YOUNGER, _("No, I am under 13"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please tell us whether you are 13 or older."),
            "invalid_choice": _("Please choose one of the answers."),
        },
    )


class JoinForm(forms.Form):
    """Step 2 of joining, for people aged 13 or more: first name, address, role."""

    group = group_field()
    # Carries the answer of step 1; anything else than "13 or older" is refused.
    age = forms.CharField(widget=forms.HiddenInput, max_length=16)
    first_name = name_field(
        label=_("First name"),
        required=_("Please enter your first name."),
        too_long=_("Please keep your first name to at most %(limit_value)d characters."),
        autocomplete="given-name",
    )
    email = email_field(help_text=_("We will send you a link to confirm that you join."))
    role = forms.ChoiceField(
        label=_("I am"),
        choices=GroupMembership.Role.choices,
        widget=forms.RadioSelect,
        initial=GroupMembership.Role.PUPIL,
        error_messages={
            "required": _("Please tell us whether you are a pupil or a teacher."),
            "invalid_choice": _("Please choose one of the answers."),
        },
    )

    def clean_age(self) -> str:
        if self.cleaned_data["age"] != AgeQuestionForm.OLDER:
            raise forms.ValidationError(
                _("Only people aged 13 or older can join with this form."), code="age"
            )
        return AgeQuestionForm.OLDER

    def clean_email(self) -> str:
        return clean_email_value(self.cleaned_data["email"])


class GroupRegistrationForm(forms.Form):
    """A teacher registers a new school group and becomes its coordinator."""

    school_name = text_field(
        label=_("School name"),
        max_length=SCHOOL_NAME_MAX_LENGTH,
        required=_("Please enter the name of the school."),
        autocomplete="organization",
    )
    street_address = text_field(
        label=_("School street address"),
        max_length=200,
        required=_("Please enter the school's street and number."),
        autocomplete="street-address",
        help_text=_("Not published: only our team sees it."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=4,
        min_length=4,
        error_messages={
            "required": _("Please enter the postcode."),
            "max_length": _("A Belgian postcode has four digits, such as 1000."),
            "min_length": _("A Belgian postcode has four digits, such as 1000."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    municipality = text_field(
        label=_("Municipality"),
        max_length=100,
        required=_("Please enter the municipality."),
        autocomplete="address-level2",
    )
    province = forms.ChoiceField(
        label=_("Province"),
        choices=[("", _("Choose…")), *Province.choices],
        error_messages={
            "required": _("Please choose the province."),
            "invalid_choice": _("Please choose a province from the list."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the group"),
        choices=GroupLanguage.choices,
        error_messages={
            "required": _("Please choose the group's language."),
            "invalid_choice": _("Please choose a language from the list."),
        },
    )
    description = text_field(
        label=_("Short description (optional)"),
        max_length=DESCRIPTION_MAX_LENGTH,
        single_line=False,
        help_text=_("Published in the directory. At most 1000 characters."),
    )
    coordinator_first_name = name_field(
        label=_("Your first name"),
        required=_("Please enter your first name."),
        too_long=_("Please keep your first name to at most %(limit_value)d characters."),
        autocomplete="given-name",
    )
    coordinator_last_name = name_field(
        label=_("Your last name"),
        required=_("Please enter your last name."),
        too_long=_("Please keep your last name to at most %(limit_value)d characters."),
        autocomplete="family-name",
    )
    coordinator_email = email_field(
        help_text=_(
            "Not published. We send the confirmation link, new members and the "
            "paper-signature link to this address."
        )
    )

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip()
        if not (len(value) == 4 and value.isascii() and value.isdigit() and value[0] != "0"):
            raise forms.ValidationError(
                _("A Belgian postcode has four digits, such as 1000."), code="invalid"
            )
        return value

    def clean_coordinator_email(self) -> str:
        return clean_email_value(self.cleaned_data["coordinator_email"])


class ReportLinkRequestForm(forms.Form):
    """A coordinator asks for their group's paper-report link again."""

    email = email_field(help_text=_("The address you registered your group with."))

    def clean_email(self) -> str:
        return clean_email_value(self.cleaned_data["email"])


class PaperReportForm(forms.Form):
    """A coordinator reports paper signatures for one open petition."""

    petition = forms.TypedChoiceField(
        label=_("Petition"),
        coerce=int,
        error_messages={
            "required": _("Please choose a petition."),
            "invalid_choice": _("Please choose a petition from the list."),
        },
    )
    count = forms.IntegerField(
        label=_("Number of signatures"),
        min_value=1,
        max_value=PAPER_COUNT_MAX,
        error_messages={
            "required": _("Please enter the number of signatures."),
            "invalid": _("Please enter a whole number, such as 42."),
            "min_value": _("Please enter at least %(limit_value)s signature."),
            "max_value": _("Please enter at most %(limit_value)s signatures."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    note = text_field(
        label=_("Note for our team (optional)"),
        max_length=NOTE_MAX_LENGTH,
        single_line=False,
        help_text=_("For example where and when you collected them. At most 1000 characters."),
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = {page.petition_id: page for page in open_petition_pages(language=language)}
        self.fields["petition"].choices = [
            ("", _("Choose…")),
            *((petition_id, page.title) for petition_id, page in self.pages.items()),
        ]
