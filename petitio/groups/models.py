"""School groups ("groupes-écoles"), their members and the paper signatures they collect.

Each model keeps its public part (what the directory may show) apart from its
private part (who to contact). Only approved groups are public, and only their
public fields: school, municipality, postcode, province, language, description.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page

SCHOOL_NAME_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 1000
PAPER_COUNT_MAX = 100_000
BELGIAN_POSTCODE = RegexValidator(
    r"^[1-9][0-9]{3}$", _("A Belgian postcode has four digits, such as 1000.")
)


class Province(models.TextChoices):
    """Belgium's ten provinces and the Brussels-Capital Region, which belongs to none."""

    BRUSSELS = "brussels", _("Brussels-Capital Region")
    ANTWERP = "antwerp", _("Antwerp")
    EAST_FLANDERS = "east-flanders", _("East Flanders")
    FLEMISH_BRABANT = "flemish-brabant", _("Flemish Brabant")
    LIMBURG = "limburg", _("Limburg")
    WEST_FLANDERS = "west-flanders", _("West Flanders")
    HAINAUT = "hainaut", _("Hainaut")
    LIEGE = "liege", _("Liège")
    LUXEMBOURG = "luxembourg", _("Luxembourg")
    NAMUR = "namur", _("Namur")
    WALLOON_BRABANT = "walloon-brabant", _("Walloon Brabant")


class GroupLanguage(models.TextChoices):
    FRENCH = "fr", "Français"
    DUTCH = "nl", "Nederlands"
    ENGLISH = "en", "English"


class SchoolGroup(models.Model):
    """A school's group of pupils and teachers, led by one coordinating teacher.

    Life cycle: pending_email (registered, the coordinator has not yet confirmed
    their address) → pending (awaiting moderation) → approved (public) or rejected;
    staff may later set an approved group inactive. Status changes go through
    petitio.groups.services, never through this model.
    """

    class Status(models.TextChoices):
        PENDING_EMAIL = (
            "pending_email",
            pgettext_lazy("group status", "Awaiting email confirmation"),
        )
        PENDING = "pending", pgettext_lazy("group status", "Awaiting moderation")
        APPROVED = "approved", pgettext_lazy("group status", "Approved")
        REJECTED = "rejected", pgettext_lazy("group status", "Rejected")
        INACTIVE = "inactive", pgettext_lazy("group status", "Inactive")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    # Public: shown in the directory once approved.
    school_name = models.CharField(_("school name"), max_length=SCHOOL_NAME_MAX_LENGTH)
    municipality = models.CharField(_("municipality"), max_length=100)
    postcode = models.CharField(_("postcode"), max_length=4, validators=[BELGIAN_POSTCODE])
    province = models.CharField(_("province"), max_length=32, choices=Province)
    language = models.CharField(
        _("language"), max_length=8, choices=GroupLanguage, default=GroupLanguage.FRENCH
    )
    description = models.TextField(
        _("short description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True
    )

    # Moderation.
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.PENDING_EMAIL
    )
    rejection_reason = models.TextField(
        _("reason for rejection"), max_length=DESCRIPTION_MAX_LENGTH, blank=True
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    # Private: never shown publicly.
    street_address = models.CharField(_("school street address"), max_length=200)
    # The coordinator's first name, last name and email, encrypted with the server's
    # key in both protection modes: the server writes to coordinators (moderation,
    # new members, paper-report links), so it must be able to read their address.
    coordinator_contact = models.TextField(blank=True, default="", editable=False)
    coordinator_email_digest = models.CharField(max_length=64, editable=False, db_index=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("school_name"),
                FieldPanel("municipality"),
                FieldPanel("postcode"),
                FieldPanel("province"),
                FieldPanel("language"),
                FieldPanel("description"),
            ],
            heading=_("Public"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                HelpPanel(template="groups/admin/coordinator_panel.html"),
            ],
            heading=_("Private"),
        ),
        MultiFieldPanel(
            [FieldPanel("status", read_only=True), FieldPanel("rejection_reason", read_only=True)],
            heading=_("Moderation"),
        ),
    ]

    class Meta:
        verbose_name = _("school group")
        verbose_name_plural = _("school groups")
        ordering = ["school_name"]
        permissions = [("export_members", _("Can see and export the members of a school group"))]
        indexes = [models.Index(fields=["status", "province"], name="group_status_province")]

    def __str__(self) -> str:
        return f"{self.school_name} ({self.municipality})"

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def coordinator(self) -> dict[str, str]:
        """The coordinator's first_name, last_name and email (empty once erased)."""
        from petitio.privacy.personal_data import reveal_record

        return reveal_record(self.coordinator_contact) or {}


class GroupMembership(models.Model):
    """A pupil or teacher who joined a group. Only a first name and an address are kept,
    protected like signers' (sealed in sealed mode).

    One membership per (group, email digest), enforced by a unique constraint.
    """

    class Role(models.TextChoices):
        PUPIL = "pupil", pgettext_lazy("group role", "Pupil")
        TEACHER = "teacher", pgettext_lazy("group role", "Teacher")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("membership status", "Pending confirmation")
        CONFIRMED = "confirmed", pgettext_lazy("membership status", "Confirmed")
        REJECTED = "rejected", pgettext_lazy("membership status", "Rejected")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        SchoolGroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("group")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role)
    # First name and address as one protected record (sealed in sealed mode).
    personal_data = models.TextField(blank=True)
    email_digest = models.CharField(max_length=64)
    consent_text = models.ForeignKey(
        "privacy.ConsentText", on_delete=models.PROTECT, null=True, related_name="+"
    )
    locale = models.CharField(max_length=8)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("joined at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "email_digest"], name="one_membership_per_address_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group_id}:{self.public_id}"

    @property
    def details(self) -> dict[str, str] | None:
        """first_name and email if the server may read them, else None (sealed)."""
        from petitio.privacy.personal_data import reveal_record

        return reveal_record(self.personal_data)


class PaperSignatureReport(models.Model):
    """A group coordinator's report of signatures collected on paper for one petition.

    Counts towards the petition only once staff approve it (services.approve_paper_report).
    """

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("report status", "Awaiting approval")
        APPROVED = "approved", pgettext_lazy("report status", "Approved")
        REJECTED = "rejected", pgettext_lazy("report status", "Rejected")

    group = models.ForeignKey(
        SchoolGroup,
        on_delete=models.PROTECT,
        related_name="paper_reports",
        verbose_name=_("group"),
    )
    petition = models.ForeignKey(
        "petitions.Petition",
        on_delete=models.PROTECT,
        related_name="paper_reports",
        verbose_name=_("petition"),
    )
    count = models.PositiveIntegerField(
        _("number of signatures"),
        validators=[MinValueValidator(1), MaxValueValidator(PAPER_COUNT_MAX)],
    )
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("paper signature report")
        verbose_name_plural = _("paper signature reports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(count__gte=1, count__lte=PAPER_COUNT_MAX),
                name="paper_report_count_in_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.group.school_name}: {self.count}"


class SchoolGroupIndexPage(Page):
    """The public directory of approved school groups, grouped by province.

    Visitors search by school name or postcode (`?q=`). It shows public fields only.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "groups/school_group_index_page.html"

    class Meta:
        verbose_name = _("school group directory")

    def get_context(self, request, *args, **kwargs):
        from .selectors import approved_groups_by_province, clean_search_query

        context = super().get_context(request, *args, **kwargs)
        query = clean_search_query(request.GET.get("q", ""))
        provinces = approved_groups_by_province(query=query)
        context.update(
            query=query,
            provinces=provinces,
            group_count=sum(len(groups) for _province, groups in provinces),
        )
        return context
