import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from puentes.core.models import TimeStampedModel, TranslatedText


class NetworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Network(TimeStampedModel):
    """An international municipal partnership network with its themes and calls."""

    slug = models.SlugField(_("slug"), unique=True)
    names = models.JSONField(_("name per language"), default=dict)
    descriptions = models.JSONField(_("description per language"), default=dict, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    contact_email = models.EmailField(_("contact address"))
    is_published = models.BooleanField(
        pgettext_lazy("network visible to the public", "published"), default=True
    )
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = NetworkQuerySet.as_manager()

    name = TranslatedText("names")
    description = TranslatedText("descriptions")

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["-start_date", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="network_period_ordered"
            ),
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("networks:network_detail", args=[self.slug])


class Theme(TimeStampedModel):
    """A theme a network works on, or a perspective that cuts across its themes."""

    class Kind(models.TextChoices):
        THEME = "theme", _("theme")
        PERSPECTIVE = "perspective", _("cross-cutting perspective")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="themes"
    )
    slug = models.SlugField(_("slug"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.THEME)
    names = models.JSONField(_("name per language"), default=dict)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("place in a sorted list", "position"), default=0
    )

    name = TranslatedText("names")

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["network", "kind", "position", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "slug"], name="theme_slug_unique_per_network"
            ),
        ]

    def __str__(self):
        return self.name or self.slug


class CallQuerySet(models.QuerySet):
    def open_on(self, day: datetime.date):
        return self.filter(open_date__lte=day, close_date__gte=day)


class Call(TimeStampedModel):
    """An open call for members, with its dates and its workshop participation rule."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="calls"
    )
    slug = models.SlugField(_("slug"))
    titles = models.JSONField(_("title per language"), default=dict)
    descriptions = models.JSONField(_("description per language"), default=dict, blank=True)
    open_date = models.DateField(_("opens on"))
    close_date = models.DateField(_("closes on"))
    # The participation rule: during rule_year, each member takes part in at least this many
    # workshops held in Latin America and in Sweden.
    rule_year = models.PositiveSmallIntegerField(_("year of the participation rule"))
    rule_min_latin_america = models.PositiveSmallIntegerField(
        _("workshops in Latin America at least"), default=1
    )
    rule_min_sweden = models.PositiveSmallIntegerField(_("workshops in Sweden at least"), default=1)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = CallQuerySet.as_manager()

    title = TranslatedText("titles")
    description = TranslatedText("descriptions")

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["network", "-open_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "slug"], name="call_slug_unique_per_network"
            ),
            models.CheckConstraint(
                condition=Q(close_date__gte=F("open_date")), name="call_dates_ordered"
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("networks:call_detail", args=[self.network.slug, self.slug])

    def is_open_on(self, day: datetime.date) -> bool:
        return self.open_date <= day <= self.close_date

    def status_on(self, day: datetime.date) -> str:
        if day < self.open_date:
            return "upcoming"
        if day > self.close_date:
            return "closed"
        return "open"


class ReportingPeriod(TimeStampedModel):
    """A span of a call's partnerships' work that they report on, with its due date.

    Indicator values are recorded per period (plans) and each partnership writes one progress
    report per period (reports).
    """

    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="reporting_periods",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    due_date = models.DateField(_("report due on"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["call", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["call", "start_date"], name="period_unique_start"),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="period_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(due_date__gte=F("end_date")), name="period_due_after_end"
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """ "2024" for a calendar year, else the two dates."""
        start, end = self.start_date, self.end_date
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
            start.year == end.year
        ):
            return str(start.year)
        return f"{start.isoformat()} – {end.isoformat()}"
