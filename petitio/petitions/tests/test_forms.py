"""The signing form: shared fields that still speak the visitor's language."""

import pytest
from django import forms
from django.utils import translation

from petitio.petitions.forms import SharedCharField, SignatureForm, share_fields

VALID = {
    "first_name": "Nur",
    "last_name": "Peeters",
    "email": "nur@example.org",
    "country": "BE",
}


def test_instances_share_the_class_fields_instead_of_copying_them():
    first, second = SignatureForm(), SignatureForm(VALID)
    for name, field in SignatureForm.base_fields.items():
        assert first.fields[name] is field
        assert second.fields[name] is field
    # The dict is each form's own: reordering one form's fields leaves the other's.
    assert first.fields is not second.fields
    assert list(first.fields) == list(SignatureForm.base_fields)


def test_only_a_form_made_of_shared_fields_can_share_them():
    class Mixed(forms.Form):
        shared = SharedCharField()
        copied = forms.CharField()

    with pytest.raises(TypeError, match="copied"):
        share_fields(Mixed)


@pytest.mark.parametrize(
    ("language", "newsletter_words", "country_name"),
    [
        ("fr", "tenez-moi au courant", "Belgique"),
        ("nl", "hou me per e-mail op de hoogte", "België"),
        ("en", "keep me informed", "Belgium"),
    ],
)
def test_shared_fields_render_in_the_active_language(language, newsletter_words, country_name):
    # One form shown in three languages in a row, as one process serves them.
    with translation.override(language):
        html = str(SignatureForm(initial={"country": "BE"}))
    assert newsletter_words in html.lower()
    assert f'<option value="BE" selected>{country_name}</option>' in html


def test_errors_of_one_form_do_not_leak_into_the_next():
    with translation.override("en"):
        refused = SignatureForm({**VALID, "email": "not an address"})
        assert not refused.is_valid()
        accepted = SignatureForm(VALID)
        assert accepted.is_valid(), accepted.errors
        assert 'aria-invalid="true"' not in str(accepted["email"])
        assert 'aria-invalid="true"' in str(refused["email"])
