"""A partnership's progress reports, one per reporting period, signed off by both sides.

The text of a report is written in Swedish and Spanish, section by section, each section a
JSON map {language: text}; `authors` says which side last wrote each text. A report is a
draft until both sides have signed off the same version; then it is submitted and locked.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel
from puentes.partnerships.models import PartnershipMember

# The sections of a report in the order they are written and read: (field, label, hint).
SECTIONS = (
    (
        "activities",
        _("What was done"),
        _("The activities of the period: workshops, meetings, visits, decisions."),
    ),
    ("results", _("Results"), _("What changed, for whom: figures where you have them.")),
    (
        "lessons",
        _("Difficulties and lessons"),
        _("What was hard, what you would do differently, what the partner taught you."),
    ),
    ("next_steps", _("Next steps"), _("What the partnership plans for the next period.")),
)
SECTION_NAMES = tuple(name for name, _label, _hint in SECTIONS)
# Reports are written in the partnership's two working languages.
REPORT_LANGUAGES = ("sv", "es")
# Who wrote a text: one of the two sides, or the network's secretariat (a coordinator).
SECRETARIAT = "secretariat"


class ProgressReport(TimeStampedModel):
    """A partnership's report on one reporting period, in Swedish and Spanish."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="progress_reports",
    )
    period = models.ForeignKey(
        "networks.ReportingPeriod",
        verbose_name=_("reporting period"),
        on_delete=models.PROTECT,
        related_name="progress_reports",
    )
    activities = models.JSONField(_("what was done, per language"), default=dict, blank=True)
    results = models.JSONField(_("results, per language"), default=dict, blank=True)
    lessons = models.JSONField(
        _("difficulties and lessons, per language"), default=dict, blank=True
    )
    next_steps = models.JSONField(_("next steps, per language"), default=dict, blank=True)
    # {section: {language: side}}: which side last wrote each text (see SECRETARIAT).
    authors = models.JSONField(_("written by"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Optimistic locking: every save of the text bumps it; a save based on an older one is
    # refused, and a sign-off approves one version.
    version = models.PositiveIntegerField(_("version"), default=1)
    text_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("text last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text_saved_at = models.DateTimeField(_("text last saved at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["partnership", "period__start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "period"], name="report_one_per_partnership_period"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"]), name="report_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="submitted", submitted_at__isnull=False)
                | Q(status="draft", submitted_at__isnull=True),
                name="report_submitted_has_submitted_at",
            ),
        ]

    def __str__(self):
        return f"{self.partnership} · {self.period.label}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def texts(self) -> dict[str, dict[str, str]]:
        """{section: {language: text}} of every section."""
        return {name: dict(getattr(self, name) or {}) for name in SECTION_NAMES}

    def has_text(self) -> bool:
        return any(text for texts in self.texts().values() for text in texts.values())


class ReportSignOff(TimeStampedModel):
    """One side's approval of a version of a report: who signed it, and when."""

    report = models.ForeignKey(
        ProgressReport,
        verbose_name=_("progress report"),
        on_delete=models.CASCADE,
        related_name="sign_offs",
    )
    side = models.CharField(_("side"), max_length=10, choices=PartnershipMember.Side.choices)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed off at"))
    version = models.PositiveIntegerField(_("version signed off"))

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["report", "side"]
        constraints = [
            models.UniqueConstraint(fields=["report", "side"], name="report_sign_off_one_per_side"),
            models.CheckConstraint(
                condition=Q(side__in=["swedish", "latin"]), name="report_sign_off_side_valid"
            ),
        ]

    def __str__(self):
        return f"{self.report} · {self.get_side_display()}"


class ReportReminder(TimeStampedModel):
    """A reminder sent about a partnership's report for a period, kept so that none is sent
    twice. `kind` names the offset from the due date, e.g. "before-14" or "after-7"."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="report_reminders",
    )
    period = models.ForeignKey(
        "networks.ReportingPeriod",
        verbose_name=_("reporting period"),
        on_delete=models.CASCADE,
        related_name="report_reminders",
    )
    kind = models.CharField(_("kind"), max_length=20)
    sent_at = models.DateTimeField(_("sent at"))
    recipients = models.PositiveSmallIntegerField(_("number of recipients"), default=0)

    class Meta:
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "period", "kind"], name="report_reminder_once"
            ),
        ]

    def __str__(self):
        return f"{self.partnership} · {self.period.label} · {self.kind}"
