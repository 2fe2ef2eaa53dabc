import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from puentes.core.models import TimeStampedModel, TranslatedText

SWEDISH_TIME_ZONE = "Europe/Stockholm"


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone name such as America/Bogota."),
            params={"value": value},
        )


class WorkshopQuerySet(models.QuerySet):
    def published(self):
        """Workshops the public sees: every one but drafts."""
        return self.exclude(state=Workshop.State.DRAFT)


class Workshop(TimeStampedModel):
    """A meeting of a network's members, in a city or online, that people register for."""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("workshop state", "draft")
        OPEN = "open", pgettext_lazy("workshop state", "open for registration")
        CLOSED = "closed", pgettext_lazy("workshop state", "registration closed")
        HELD = "held", pgettext_lazy("workshop state", "held")
        CANCELLED = "cancelled", pgettext_lazy("workshop state", "cancelled")

    call = models.ForeignKey(
        "networks.Call",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="workshops",
    )
    slug = models.SlugField(_("slug"))
    titles = models.JSONField(_("title per language"), default=dict)
    descriptions = models.JSONField(_("description per language"), default=dict, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        "places.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshops",
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=60,
        default=SWEDISH_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The IANA name of the place's time zone, e.g. America/Bogota."),
    )
    start_at = models.DateTimeField(_("starts at"))
    end_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("places"))
    capacity_per_partnership = models.PositiveSmallIntegerField(
        _("places per partnership"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit per partnership."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens at"))
    registration_closes_at = models.DateTimeField(_("registration closes at"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = WorkshopQuerySet.as_manager()

    title = TranslatedText("titles")
    description = TranslatedText("descriptions")

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["start_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "slug"], name="workshop_slug_unique_per_call"),
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")), name="workshop_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__gt=F("registration_opens_at")),
                name="workshop_registration_window_ordered",
            ),
            models.CheckConstraint(
                condition=Q(is_online=True) | (~Q(city="") & Q(country__isnull=False)),
                name="workshop_online_or_placed",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "open", "closed", "held", "cancelled"]),
                name="workshop_state_valid",
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("workshops:workshop_detail", kwargs={"pk": self.pk})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def region(self) -> str:
        """Where it counts for the participation rule: "sweden", "latin_america" or "online"."""
        if self.is_online or self.country is None:
            return "online"
        return self.country.region

    def registration_is_open(self, now) -> bool:
        return (
            self.state == self.State.OPEN
            and self.registration_opens_at <= now < self.registration_closes_at
        )


class AgendaSession(TimeStampedModel):
    """A part of a workshop's agenda: its times, its language and its interpretation."""

    class Interpretation(models.TextChoices):
        NONE = "none", _("no interpretation")
        SV_ES = "sv-es", _("Swedish ↔ Spanish")
        EN = "en", _("into English")
        SV_ES_EN = "sv-es-en", _("Swedish ↔ Spanish, and into English")

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="sessions"
    )
    titles = models.JSONField(_("title per language"), default=dict)
    start_at = models.DateTimeField(_("starts at"))
    end_at = models.DateTimeField(_("ends at"))
    language = models.CharField(
        _("language spoken"), max_length=5, choices=settings.LANGUAGES, default="es"
    )
    interpretation = models.CharField(
        _("interpretation"),
        max_length=10,
        choices=Interpretation.choices,
        default=Interpretation.SV_ES,
    )

    title = TranslatedText("titles")

    class Meta:
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")
        ordering = ["workshop", "start_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")), name="agenda_session_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title or f"{self.start_at:%H:%M}"


class RegistrationQuerySet(models.QuerySet):
    def holding_a_place(self):
        """Registrations that take one of the workshop's places."""
        return self.filter(status__in=Registration.PLACE_STATUSES)

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(TimeStampedModel):
    """A person's registration for a workshop: a place, or a turn on the waiting list."""

    class Status(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("registration status", "registered")
        WAITLISTED = "waitlisted", pgettext_lazy("registration status", "on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "cancelled")
        ATTENDED = "attended", pgettext_lazy("registration status", "attended")
        NO_SHOW = "no_show", pgettext_lazy("registration status", "did not attend")

    PLACE_STATUSES = (Status.REGISTERED, Status.ATTENDED, Status.NO_SHOW)

    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="workshop_registrations",
    )
    # Who the person takes part for, fixed when they register: the participation rule and
    # the places per partnership count by these.
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_registrations",
    )
    organisation = models.ForeignKey(
        "places.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # The waiting list is served in the order people registered.
    registered_at = models.DateTimeField(_("registered at"))
    status_changed_at = models.DateTimeField(_("status changed at"))
    arrival_date = models.DateField(_("arrival date"), null=True, blank=True)
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    needs_visa_letter = models.BooleanField(_("needs a visa invitation letter"), default=False)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    interpretation_language = models.CharField(
        _("interpretation into"), max_length=5, choices=settings.LANGUAGES, blank=True
    )
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["workshop", "registered_at", "pk"]
        constraints = [
            # A person registers once per workshop; after cancelling they may register again.
            models.UniqueConstraint(
                fields=["workshop", "person"],
                condition=~Q(status="cancelled"),
                name="registration_once_per_workshop",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["registered", "waitlisted", "cancelled", "attended", "no_show"]
                ),
                name="registration_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(arrival_date__isnull=True)
                | Q(departure_date__isnull=True)
                | Q(departure_date__gte=F("arrival_date")),
                name="registration_travel_dates_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["workshop", "status"], name="workshops_reg_status_idx"),
        ]

    def __str__(self):
        return f"{self.person} – {self.workshop}"

    @property
    def holds_a_place(self) -> bool:
        return self.status in self.PLACE_STATUSES


class CalendarFeed(TimeStampedModel):
    """A person's private calendar subscription: whoever has the token reads their workshops."""

    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="workshop_calendar_feed",
    )
    token = models.CharField(_("secret token"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self):
        return str(self.person)


class WorkshopReminder(TimeStampedModel):
    """A reminder sent to a registered person before a workshop, kept so that none is sent
    twice: `days` is the setting's number of days before the start it was sent for."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    days = models.PositiveSmallIntegerField(_("days before the start"))
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("workshop reminder")
        verbose_name_plural = _("workshop reminders")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "days"], name="workshop_reminder_once"),
        ]

    def __str__(self):
        return f"{self.registration} · {self.days}"


class VisaLetter(TimeStampedModel):
    """A visa invitation letter asked for a place at a workshop in Sweden, with the passport
    data it is filled from. The passport data is asked for only here and is erased
    the visa-data retention policy's days after the workshop ends, or once the registration or
    the workshop is cancelled (`puentes apply_retention`, see docs/workshops.md); the letter
    itself is drawn again on each download and never stored."""

    class Language(models.TextChoices):
        SWEDISH = "sv", _("Swedish")
        SPANISH = "es", _("Spanish")

    PASSPORT_FIELDS = (
        "passport_name",
        "nationality",
        "date_of_birth",
        "passport_number",
        "passport_expires_on",
    )

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="visa_letter",
    )
    second_language = models.CharField(
        _("second version of the letter"),
        max_length=2,
        choices=Language.choices,
        default=Language.SPANISH,
        help_text=_("The letter is in English, followed by the same letter in this language."),
    )
    passport_name = models.CharField(
        _("full name as written in the passport"), max_length=200, blank=True
    )
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    passport_expires_on = models.DateField(_("passport valid until"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"))
    erased_at = models.DateTimeField(_("passport data erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("visa invitation letter")
        verbose_name_plural = _("visa invitation letters")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return str(self.registration)

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None
