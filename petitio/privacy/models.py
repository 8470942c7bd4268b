"""What the privacy app stores: the organisation's protection choice, consent texts,
and the daily salts that make IP hashes expire.

Personal data itself lives, protected, on the rows it belongs to (signatures,
group memberships, groups): see personal_data.py.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class ProtectionMode(models.TextChoices):
    SEALED = "sealed", _("Sealed: only the organisation's private key opens personal data")
    STANDARD = "standard", _("Standard: encrypted with the server's key, readable in the admin")


@register_setting(icon="lock")
class PrivacySettings(BaseGenericSetting):
    """How personal data is protected at rest. Sealed unless an organisation opts out.

    The public key is set by `manage.py create_sealing_keys`, never typed in: the
    private key that matches it is shown once, to the person who ran the command.
    Changing the mode applies to data collected from then on.
    """

    protection_mode = models.CharField(
        _("protection of personal data"),
        max_length=16,
        choices=ProtectionMode,
        default=ProtectionMode.SEALED,
        help_text=_(
            "Sealed mode keeps names and addresses unreadable on the server: staff open "
            "exports on their own computer with the private key. Standard mode lets the "
            "admin show them, at the cost of a server that can read them."
        ),
    )
    sealing_public_key = models.CharField(
        _("sealing public key"), max_length=64, blank=True, editable=False
    )
    sealing_key_created_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("protection_mode"),
        HelpPanel(template="privacy/admin/sealing_key_panel.html"),
    ]

    class Meta:
        verbose_name = _("privacy")

    @property
    def sealing_key_id(self) -> str:
        from .crypto import key_id

        return key_id(self.sealing_public_key) if self.sealing_public_key else ""


class ConsentText(models.Model):
    """The exact words a person agreed to, once per (purpose, language, wording).

    Rows are found by the hash of their text, so changing a sentence in the
    templates or catalogues creates a new row and older records keep theirs.
    """

    class Purpose(models.TextChoices):
        SIGNING = "signing", _("Signing a petition")
        NEWSLETTER = "newsletter", _("News from the organisation")
        GROUP_MEMBERSHIP = "group-membership", _("Joining a school group")
        GROUP_REGISTRATION = "group-registration", _("Registering a school group")

    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose)
    version = models.CharField(_("version"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("text"))
    text_hash = models.CharField(_("SHA-256 of the text"), max_length=64, unique=True)
    first_used_at = models.DateTimeField(_("first used"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["purpose", "language", "-first_used_at"]

    def __str__(self) -> str:
        return f"{self.purpose} {self.version} ({self.language}) {self.text_hash[:10]}"

    @staticmethod
    def hash_of(*, purpose: str, version: str, language: str, text: str) -> str:
        material = "\x1f".join((purpose, version, language, text)).encode("utf-8")
        return hashlib.sha256(material).hexdigest()


class HashSalt(models.Model):
    """The random salt of one UTC day for hashing IP addresses.

    Hashes made with a salt cannot be recomputed once the salt is deleted, which
    the daily privacy sweep does after a day: that is what makes them expire.
    """

    day = models.DateField(unique=True)
    salt = models.BinaryField(max_length=32)

    def __str__(self) -> str:
        return str(self.day)
