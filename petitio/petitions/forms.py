"""The signing form: every field bounded, every error clear and translated."""

from __future__ import annotations

import functools
import re
import unicodedata

from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_stubs_ext import StrOrPromise

from petitio.privacy import consent

NAME_MAX_LENGTH = 100
# Unicode categories never allowed in a name: control characters, surrogates,
# private use, unassigned. Format characters (Cf) are allowed except the
# bidirectional overrides below, because joiners (ZWJ, ZWNJ) are needed by
# Arabic-script names and emoji.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
POSTCODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,15}$")
UTM_MAX_LENGTH = 100


def validate_name(value: str) -> None:
    for character in value:
        if unicodedata.category(character) in FORBIDDEN_CATEGORIES or character in BIDI_CONTROLS:
            raise forms.ValidationError(
                _("Please remove invisible or control characters from this name."),
                code="control_characters",
            )
    if not any(unicodedata.category(c)[0] in "LM" for c in value):
        raise forms.ValidationError(_("Please enter a name with letters."), code="no_letters")


class SharedField:
    """A form field that every instance of its form uses as it is, uncopied.

    Django deep-copies each field (with its widget, validators, messages and
    choices) into every form instance, so that an instance may change its own
    fields. The signing form never does: its labels and choices are lazy, read in
    the active language when the form is shown or checked. Copying its twelve
    fields was about a tenth of the CPU time of a signature. A form whose
    instances do change a field must not use these classes.
    """

    def __deepcopy__(self, memo: dict) -> SharedField:
        return self


class SharedFields(dict):
    """A form's base_fields when every field is a SharedField: Django's deep copy of
    them for each instance is then a new dict of the same fields, without walking
    each field's copy."""

    def __deepcopy__(self, memo: dict) -> dict:
        return dict(self)


def share_fields(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    """Class decorator: every instance of `form_class` uses its fields uncopied."""
    unshared = [
        name for name, field in form_class.base_fields.items() if not isinstance(field, SharedField)
    ]
    if unshared:
        raise TypeError(f"{form_class.__name__} has fields that are not shared: {unshared}")
    form_class.base_fields = SharedFields(form_class.base_fields)
    return form_class


class SharedCharField(SharedField, forms.CharField):
    pass


class SharedBooleanField(SharedField, forms.BooleanField):
    pass


def name_field(
    *, label: StrOrPromise, required: StrOrPromise, too_long: StrOrPromise, autocomplete: str
) -> forms.CharField:
    return SharedCharField(
        label=label,
        max_length=NAME_MAX_LENGTH,
        validators=[validate_name],
        error_messages={"required": required, "max_length": too_long},
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


_country_choices_by_language: dict[str | None, list[tuple[str, StrOrPromise]]] = {}


def country_choices() -> list[tuple[str, StrOrPromise]]:
    """The country list in the active language and its sort order.

    Built once per language and process: translating and sorting 250 names took
    a few milliseconds of every signature.
    """
    language = get_language()
    choices = _country_choices_by_language.get(language)
    if choices is None:
        choices = [("", _("Choose…")), *((code, name) for code, name in countries)]
        _country_choices_by_language[language] = choices
    return choices


class CountryChoiceField(SharedField, forms.ChoiceField):
    """A country code from the list; checked against a set, not by walking the list."""

    def valid_value(self, value) -> bool:
        return value in country_codes()


@functools.cache
def country_codes() -> frozenset[str]:
    return frozenset(code for code, _name in countries)


@share_fields
class SignatureForm(forms.Form):
    """The signing form. Its fields are shared by all its instances (SharedField):
    nothing here may change a field per instance."""

    first_name = name_field(
        label=_("First name"),
        required=_("Please enter your first name."),
        too_long=_("Please keep your first name to at most %(limit_value)d characters."),
        autocomplete="given-name",
    )
    last_name = name_field(
        label=_("Last name"),
        required=_("Please enter your last name."),
        too_long=_("Please keep your last name to at most %(limit_value)d characters."),
        autocomplete="family-name",
    )
    email = SharedCharField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We will send you a link to confirm your signature."),
        error_messages={
            "required": _("Please enter your email address."),
            "max_length": _("This email address is too long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    country = CountryChoiceField(
        label=_("Country"),
        # A callable: read when the form is shown or checked, in the active language.
        choices=country_choices,
        error_messages={
            "required": _("Please choose your country."),
            "invalid_choice": _("Please choose a country from the list."),
        },
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    postcode = SharedCharField(
        label=_("Postcode (optional)"),
        required=False,
        max_length=16,
        error_messages={"max_length": _("Please enter a postcode of at most 16 characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    newsletter_opt_in = SharedBooleanField(
        required=False, label=consent.WORDINGS[consent.Purpose.NEWSLETTER][1]
    )
    utm_source = SharedCharField(
        required=False, max_length=UTM_MAX_LENGTH, widget=forms.HiddenInput
    )
    utm_medium = SharedCharField(
        required=False, max_length=UTM_MAX_LENGTH, widget=forms.HiddenInput
    )
    utm_campaign = SharedCharField(
        required=False, max_length=UTM_MAX_LENGTH, widget=forms.HiddenInput
    )

    # Abuse control (abuse.py). `website` is a trap: hidden from people (and from
    # assistive technology), filled by bots. `issued` is the signed time the form was
    # shown. Neither ever produces an error: a bot learns nothing from the answer.
    website = SharedCharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    issued = SharedCharField(required=False, widget=forms.HiddenInput)
    # The proof of work the browser computed (proof_of_work.py); empty without JS.
    proof = SharedCharField(required=False, max_length=2000, widget=forms.HiddenInput)

    default_country = "BE"

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    @property
    def consent_wording(self) -> str:
        """The words a signer agrees to, recorded with their signature."""
        return consent.wording(consent.Purpose.SIGNING)

    @classmethod
    def initial_from(cls, request) -> dict[str, str]:
        """Initial values: the default country, and campaign tracking from the query."""
        from .abuse import FORM_ISSUED_PLACEHOLDER

        initial = {"country": cls.default_country, "issued": FORM_ISSUED_PLACEHOLDER}
        for key in ("utm_source", "utm_medium", "utm_campaign"):
            value = request.GET.get(key, "")
            if value and len(value) <= UTM_MAX_LENGTH and value.isprintable():
                initial[key] = value
        return initial

    def clean_email(self) -> str:
        value = self.cleaned_data["email"]
        if any(unicodedata.category(c) in FORBIDDEN_CATEGORIES for c in value):
            raise forms.ValidationError(
                _("Please enter a valid email address, such as name@example.org."), code="invalid"
            )
        validator = EmailValidator(
            message=_("Please enter a valid email address, such as name@example.org.")
        )
        validator(value)
        return value

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        if value and not POSTCODE_PATTERN.match(value):
            raise forms.ValidationError(
                _("A postcode may only contain letters, digits, spaces and hyphens."),
                code="invalid",
            )
        return value

    def clean_utm(self, key: str) -> str:
        value = self.cleaned_data.get(key, "")
        return value if value.isprintable() else ""

    def clean(self):
        cleaned = super().clean()
        for key in ("utm_source", "utm_medium", "utm_campaign"):
            cleaned[key] = self.clean_utm(key)
        return cleaned
