"""A partnership's plan in the Logical Framework Approach: an overall goal, outcomes, the
outputs that lead to each outcome, the activities that produce each output, indicators that
measure outcomes and outputs (with a baseline, a target and the actual value per reporting
period), and the assumptions the plan rests on.

Texts people write keep their language: each is a JSON map {language: text} (Swedish and/or
Spanish) with `language` naming the original. Every row carries a `version` that each save
bumps, so a save based on an older version is refused (see locking.py); two people editing
different rows never get in each other's way.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from puentes.core.i18n import pick
from puentes.core.models import TimeStampedModel, TranslatedText

TITLE_LENGTH = 80  # how much of a text the audit trail and page titles quote


class Versioned(TimeStampedModel):
    """A row edited under optimistic locking: who saved it last, and how many times."""

    version = models.PositiveIntegerField(_("version"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Plan(Versioned):
    """The plan of one partnership, made the first time anyone saves any part of it.

    Its version counts saves of the overall goal (0: never saved), so adding an outcome does
    not make a goal form opened meanwhile stale."""

    partnership = models.OneToOneField(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="plan",
    )
    goals = models.JSONField(_("overall goal per language"), default=dict, blank=True)
    goal_language = models.CharField(
        _("language of the original"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )

    version = models.PositiveIntegerField(_("version"), default=0)

    goal = TranslatedText("goals")

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["partnership"]

    def __str__(self):
        return str(self.partnership)


class PlanItem(Versioned):
    """A text of the plan in Swedish and/or Spanish, in its place among its siblings."""

    texts = models.JSONField(_("text per language"), default=dict)
    language = models.CharField(
        _("language of the original"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    position = models.PositiveIntegerField(_("position"), default=1)

    text = TranslatedText("texts")

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        """The original text, shortened: what the audit trail and headings quote."""
        text = self.texts.get(self.language) or pick(self.texts)[0]
        return Truncator(text).chars(TITLE_LENGTH)


class Outcome(PlanItem):
    """A change the partnership works towards (a result at the level of the municipality)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="outcomes"
    )

    class Meta(PlanItem.Meta):
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")


class Output(PlanItem):
    """What the partnership delivers (trained people, a guide, a reform) towards an outcome."""

    outcome = models.ForeignKey(
        Outcome, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="outputs"
    )

    class Meta(PlanItem.Meta):
        verbose_name = _("output")
        verbose_name_plural = _("outputs")


class Activity(PlanItem):
    """Something done to produce an output, with its dates and who is responsible."""

    class Responsible(models.TextChoices):
        SWEDISH = "swedish", _("the Swedish municipality or region")
        LATIN = "latin", _("the Latin American municipality")
        BOTH = "both", _("both municipalities")

    output = models.ForeignKey(
        Output, verbose_name=_("output"), on_delete=models.CASCADE, related_name="activities"
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    responsible = models.CharField(
        _("responsible"), max_length=10, choices=Responsible.choices, default=Responsible.BOTH
    )

    class Meta(PlanItem.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="plans_activity_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(responsible__in=["swedish", "latin", "both"]),
                name="plans_activity_responsible_valid",
            ),
        ]


def _split_matches(total: str, women: str, men: str, other: str, *, counted: bool) -> Q:
    """Counted: the three parts are given and add up to the total; else none is given."""
    if counted:
        return Q(
            **{f"{women}__isnull": False, f"{men}__isnull": False, f"{other}__isnull": False},
            **{total: F(women) + F(men) + F(other)},
        )
    return Q(**{f"{women}__isnull": True, f"{men}__isnull": True, f"{other}__isnull": True})


class Indicator(PlanItem):
    """How an outcome or an output is measured: a baseline, a target and, per reporting
    period, the actual value. An indicator that counts people splits every figure by sex
    (women, men, other or not stated); the total is then their sum. `texts` is its name."""

    outcome = models.ForeignKey(
        Outcome,
        verbose_name=_("outcome"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    output = models.ForeignKey(
        Output,
        verbose_name=_("output"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    units = models.JSONField(_("unit per language"), default=dict, blank=True)
    counts_people = models.BooleanField(_("counts people"), default=False)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_women = models.PositiveIntegerField(_("baseline, women"), null=True, blank=True)
    baseline_men = models.PositiveIntegerField(_("baseline, men"), null=True, blank=True)
    baseline_other = models.PositiveIntegerField(
        _("baseline, other or not stated"), null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_women = models.PositiveIntegerField(_("target, women"), null=True, blank=True)
    target_men = models.PositiveIntegerField(_("target, men"), null=True, blank=True)
    target_other = models.PositiveIntegerField(
        _("target, other or not stated"), null=True, blank=True
    )

    unit = TranslatedText("units")

    class Meta(PlanItem.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__isnull=False, output__isnull=True)
                | Q(outcome__isnull=True, output__isnull=False),
                name="plans_indicator_one_parent",
            ),
            models.CheckConstraint(
                condition=Q(baseline__gte=0, target__gte=0),
                name="plans_indicator_figures_not_negative",
            ),
            models.CheckConstraint(
                condition=(
                    Q(counts_people=True)
                    & _split_matches(
                        "baseline", "baseline_women", "baseline_men", "baseline_other", counted=True
                    )
                    & _split_matches(
                        "target", "target_women", "target_men", "target_other", counted=True
                    )
                )
                | (
                    Q(counts_people=False)
                    & _split_matches(
                        "baseline",
                        "baseline_women",
                        "baseline_men",
                        "baseline_other",
                        counted=False,
                    )
                    & _split_matches(
                        "target", "target_women", "target_men", "target_other", counted=False
                    )
                ),
                name="plans_indicator_split_by_sex_when_counting_people",
            ),
        ]


class IndicatorValue(Versioned):
    """The actual value of an indicator in one reporting period, split by sex when the
    indicator counts people (the service checks that against the indicator)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    period = models.ForeignKey(
        "networks.ReportingPeriod",
        verbose_name=_("reporting period"),
        on_delete=models.PROTECT,
        related_name="indicator_values",
    )
    value = models.DecimalField(_("actual value"), max_digits=14, decimal_places=2)
    women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    other = models.PositiveIntegerField(_("other or not stated"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "period__start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="plans_value_one_per_indicator_and_period"
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="plans_value_not_negative"),
            models.CheckConstraint(
                condition=_split_matches("value", "women", "men", "other", counted=True)
                | _split_matches("value", "women", "men", "other", counted=False),
                name="plans_value_split_adds_up",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period}"


class Assumption(PlanItem):
    """Something outside the partnership's control that the plan counts on."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="assumptions"
    )

    class Meta(PlanItem.Meta):
        verbose_name = _("assumption")
        verbose_name_plural = _("assumptions")
