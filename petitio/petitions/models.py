"""Petitions, their pages and their signatures.

A Petition is language-neutral: it holds the goal, deadline, status and count,
and owns the signatures, so the French, Dutch and English pages of one campaign
share one count. Each PetitionPage is the campaign text in one language.
"""

from __future__ import annotations

import uuid

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from petitio.content.blocks import body_blocks
from petitio.core.dates import add_months

from .admin_forms import PetitionAdminForm


class Petition(models.Model):
    """The language-neutral core of a campaign: what is counted and until when."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("petition status", "Draft")
        OPEN = "open", pgettext_lazy("petition status", "Open")
        CLOSED = "closed", pgettext_lazy("petition status", "Closed")
        DELIVERED = "delivered", pgettext_lazy("petition status", "Delivered")

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Identifies the petition in the API and in exports."),
    )
    name = models.CharField(
        _("internal name"),
        max_length=200,
        help_text=_("For staff; the public title is on the pages."),
    )
    goal = models.PositiveIntegerField(_("goal"), default=1000)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.DRAFT)
    # The confirmed count as of its last rebuild from the rows. Confirmations since
    # then are counted in SignatureCountShard rows (see `confirmed_count`).
    confirmed_base = models.PositiveIntegerField(
        _("confirmed signatures at the last recount"), default=0, editable=False
    )
    # Signatures collected on paper (e.g. by school groups), added once staff approve
    # a report, by the service that approves it.
    paper_count = models.PositiveIntegerField(_("paper signatures"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when staff close or deliver the petition (PetitionAdminForm); starts the
    # retention period after which the signers' personal data is erased.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    retention_months = models.PositiveSmallIntegerField(
        _("keep personal data for (months)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "After the petition is closed or delivered, the signers' personal data is "
            "erased once this many months have passed. Counts by country and day stay."
        ),
    )
    # Abuse control, per hour and per petition: past a limit, signatures are still
    # accepted, but flagged and never counted (see petitio.petitions.abuse).
    hourly_limit_per_address = models.PositiveIntegerField(
        _("signatures per hour from one address"),
        default=20,
        help_text=_("One IPv4 address (/32) or one IPv6 network of a household (/64)."),
    )
    hourly_limit_per_network = models.PositiveIntegerField(
        _("signatures per hour from one network"),
        default=200,
        help_text=_("An IPv4 /24 or an IPv6 /48: a school, an office, a provider's block."),
    )
    alert_threshold = models.PositiveIntegerField(
        _("alert after this many flagged signatures per hour"),
        default=50,
        help_text=_("Staff who manage petitions get an email when flagged signatures pass it."),
    )

    base_form_class = PetitionAdminForm

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-created_at"]
        permissions = [("export_signatures", _("Can export the signatures of a petition"))]

    def __str__(self) -> str:
        return self.name

    def accepts_signatures(self, now=None) -> bool:
        """Open, and the deadline (if any) not yet passed."""
        now = now or timezone.now()
        return self.status == self.Status.OPEN and (self.deadline is None or now < self.deadline)

    @property
    def confirmed_count(self) -> int:
        """Confirmed, counted online signatures: the base plus the shards' changes."""
        if self.pk is None:
            return self.confirmed_base
        changes = self.count_shards.aggregate(total=Sum("delta"))["total"] or 0
        return self.confirmed_base + changes

    @property
    def signature_count(self) -> int:
        """What the public sees: confirmed online signatures plus approved paper ones."""
        return self.confirmed_count + self.paper_count

    def personal_data_erasure_due(self):
        """When the signers' personal data is due for erasure: the retention period
        after the petition was closed or delivered, or after its deadline. None while
        it is open with no deadline."""
        finished = self.status in (self.Status.CLOSED, self.Status.DELIVERED)
        start = (self.closed_at or self.deadline or timezone.now()) if finished else self.deadline
        if start is None:
            return None
        return add_months(start, self.retention_months)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.CLOSED, self.Status.DELIVERED) or (
            self.deadline is not None and timezone.now() >= self.deadline
        )


class SignatureCountShard(models.Model):
    """Part of a petition's count: what confirmations and withdrawals changed since
    the count was last rebuilt.

    A confirmation adds one to a shard picked at random, not to the petition row:
    on PostgreSQL, concurrent confirmations would otherwise all queue for one row
    lock until each commits. The petition's count is its base plus the sum of its
    COUNT_SHARDS shards; rebuilding folds them back into the base.
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="count_shards")
    shard = models.PositiveSmallIntegerField()
    delta = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["petition", "shard"], name="one_row_per_count_shard")
        ]

    def __str__(self) -> str:
        return f"{self.petition_id}/{self.shard}: {self.delta:+d}"


class Signature(models.Model):
    """One person's signature of one petition.

    The unique constraint on (petition, email_digest) is what guarantees one
    signature per address: the signing service relies on it, never on a
    check-then-insert. `public_id` is what links in emails refer to.
    """

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("signature status", "Pending confirmation")
        CONFIRMED = "confirmed", pgettext_lazy("signature status", "Confirmed")
        REJECTED = "rejected", pgettext_lazy("signature status", "Rejected")
        FRAUDULENT = "fraudulent", pgettext_lazy("signature status", "Fraudulent")
        INVALIDATED = "invalidated", pgettext_lazy("signature status", "Invalidated")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # No index of its own for this key or the consent texts': every insert updates
    # each index, and the composite indexes below start with the petition, while
    # signatures are never looked up by consent text (a consent text is never
    # deleted: PROTECT would scan for it).
    petition = models.ForeignKey(
        Petition, on_delete=models.PROTECT, related_name="signatures", db_index=False
    )
    status = models.CharField(max_length=16, choices=Status, default=Status.PENDING)
    # Keyed HMAC of the normalised address: one signature per address, without a
    # searchable address. Emptied (NULL) when the personal data is erased.
    email_digest = models.CharField(max_length=64, null=True)  # noqa: DJ001 - NULLs stay unique
    # Names, address and postcode as one protected record (sealed or encrypted, see
    # petitio.privacy.personal_data); empty once erased.
    personal_data = models.TextField(blank=True)
    # Kept in clear for abuse control (disposable domains, trends); erased with the
    # personal data.
    email_domain = models.CharField(max_length=255, blank=True)
    country = models.CharField(max_length=2)
    locale = models.CharField(max_length=8)
    newsletter_opt_in = models.BooleanField(default=False)
    consent_text = models.ForeignKey(
        "privacy.ConsentText",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_index=False,
    )
    newsletter_consent_text = models.ForeignKey(
        "privacy.ConsentText",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    newsletter_withdrawn_at = models.DateTimeField(null=True, blank=True)
    utm_source = models.CharField(max_length=100, blank=True)
    utm_medium = models.CharField(max_length=100, blank=True)
    utm_campaign = models.CharField(max_length=100, blank=True)
    # Abuse control: salted hash of the sender's address (/32 or /64), cleared after
    # a day; and the reasons, space-separated, why this signature is held back from
    # the count (see petitio.petitions.abuse). A flagged signature is never counted.
    ip_hash = models.CharField(max_length=64, blank=True)
    flags = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email_digest"], name="one_signature_per_address_per_petition"
            )
        ]
        indexes = [
            models.Index(fields=["petition", "status"], name="signature_petition_status"),
            models.Index(fields=["status", "created_at"], name="signature_status_created"),
        ]

    def __str__(self) -> str:
        return f"{self.petition_id}:{self.public_id}"

    @property
    def is_counted(self) -> bool:
        return self.status == self.Status.CONFIRMED and not self.flags


class PetitionPage(Page):
    """A campaign page in one language, pointing to its language-neutral Petition."""

    petition = models.ForeignKey(
        Petition, on_delete=models.PROTECT, related_name="pages", verbose_name=_("petition")
    )
    lead = models.TextField(_("lead"), max_length=600)
    target = models.CharField(
        _("addressed to"),
        max_length=200,
        help_text=_("Who the petition is addressed to, as readers will see it."),
    )
    demand = models.TextField(_("demand"), max_length=1500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))
    thank_you = models.TextField(
        _("thank-you text"), max_length=1500, help_text=_("Shown once a signature is confirmed.")
    )
    share_text = models.CharField(
        _("share text"), max_length=200, help_text=_("Suggested words when people share the page.")
    )
    themes = ParentalManyToManyField("content.Theme", blank=True, verbose_name=_("themes"))
    outcome = models.TextField(
        _("outcome"),
        max_length=3000,
        blank=True,
        help_text=_("Once delivered or closed: what happened. Shown on the page and in lists."),
    )
    next_action = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("next action"),
        help_text=_("Suggested after signing. Leave empty to suggest another open petition."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("petition"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("target"), FieldPanel("demand")], heading=_("The demand")),
        FieldPanel("image"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("outcome"),
        MultiFieldPanel(
            [FieldPanel("thank_you"), FieldPanel("share_text"), FieldPanel("next_action")],
            heading=_("After signing"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("demand")]
    parent_page_types = ["actions.ActionIndexPage", "content.HomePage"]
    subpage_types: list[str] = []
    template = "petitions/petition_page.html"

    class Meta:
        verbose_name = _("petition page")
        verbose_name_plural = _("petition pages")

    def get_context(self, request, *args, **kwargs):
        from petitio.content.news import latest_news_for_action

        from .forms import SignatureForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", SignatureForm(initial=SignatureForm.initial_from(request)))
        context["petition"] = self.petition
        context["related_news"] = latest_news_for_action(self)
        return context

    def render_with_form(self, request, form, *, status: int):
        """The page with a bound (invalid) signing form, for the signing view."""
        from django.template.response import TemplateResponse

        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)
