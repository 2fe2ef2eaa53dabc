from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from puentes.core.models import TimeStampedModel, TranslatedText

from .search import fold, search_text_for

# Longest free text a form accepts; longer input is refused, never cut.
LONG_TEXT_MAX = 5000


class SeekingProfileQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=SeekingProfile.Status.APPROVED)

    def active(self):
        return self.filter(status__in=SeekingProfile.ACTIVE_STATUSES)

    def search(self, text: str):
        """Profiles whose municipality, department, country or texts hold every word of
        `text`, whatever its accents and case: "totonicapan" finds Totonicapán."""
        queryset = self
        for word in fold(text).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class SeekingProfile(TimeStampedModel):
    """A Latin American municipality's published wish for a Swedish partner in a call."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting approval")
        APPROVED = "approved", pgettext_lazy("seeking profile status", "published")
        REJECTED = "rejected", _("not approved")
        WITHDRAWN = "withdrawn", pgettext_lazy("seeking profile status", "withdrawn")
        MATCHED = "matched", _("matched")

    ACTIVE_STATUSES = (Status.SUBMITTED, Status.APPROVED, Status.MATCHED)

    call = models.ForeignKey(
        "networks.Call",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="seeking_profiles",
    )
    organisation = models.ForeignKey(
        "places.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="seeking_profiles",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    # {language: text}; `challenge_language` names the original, the others are translations.
    challenges = models.JSONField(_("gender-equality challenge per language"), default=dict)
    challenge_language = models.CharField(
        _("language of the original"), max_length=5, choices=settings.LANGUAGES, default="es"
    )
    local_contexts = models.JSONField(_("local context per language"), default=dict, blank=True)
    themes = models.ManyToManyField(
        "networks.Theme", verbose_name=_("themes"), related_name="seeking_profiles"
    )
    contact = models.ForeignKey(
        "people.Person",
        verbose_name=_("contact person"),
        on_delete=models.PROTECT,
        related_name="seeking_profiles",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    # Organisation name, area and challenge texts without accents, lower case: accent-blind
    # search that works the same on SQLite and PostgreSQL.
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = SeekingProfileQuerySet.as_manager()

    challenge = TranslatedText("challenges")
    local_context = TranslatedText("local_contexts")

    class Meta:
        verbose_name = _("partner-seeking municipality")
        verbose_name_plural = _("partner-seeking municipalities")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"],
                condition=Q(status__in=["submitted", "approved", "matched"]),
                name="seeking_profile_one_active_per_call",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.call})"

    def save(self, *args, **kwargs):
        # The search text follows the texts on every full save, the admin's included; saving
        # named fields only (a change of status) leaves it as it is.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"challenges", "local_contexts"} & set(update_fields):
            self.search_text = search_text_for(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)


class InterestQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Interest.Status.WITHDRAWN)

    def for_user(self, user):
        """Interests of the organisations the user acts for."""
        return self.filter(organisation__memberships__person__user=user)


class Interest(TimeStampedModel):
    """A Swedish municipality's or region's expression of interest in a call."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        IN_REVIEW = "in_review", _("in review")
        ACCEPTED = "accepted", _("accepted")
        # Paired with a partner-seeking municipality: the interest has become a partnership.
        MATCHED = "matched", pgettext_lazy("interest status", "matched")
        WAITLISTED = "waitlisted", _("waitlisted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("interest status", "withdrawn")

    class PreferredCountry(models.TextChoices):
        GUATEMALA = "GT", _("Guatemala")
        COLOMBIA = "CO", _("Colombia")
        EITHER = "", _("either")

    call = models.ForeignKey(
        "networks.Call", verbose_name=_("call"), on_delete=models.PROTECT, related_name="interests"
    )
    organisation = models.ForeignKey(
        "places.Organisation",
        verbose_name=_("municipality or region"),
        on_delete=models.PROTECT,
        related_name="interests",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    motivation = models.TextField(_("motivation"), blank=True, max_length=LONG_TEXT_MAX)
    motivation_language = models.CharField(
        _("language of the motivation"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    themes = models.ManyToManyField(
        "networks.Theme", verbose_name=_("themes"), related_name="interests", blank=True
    )
    preferred_country = models.CharField(
        _("preferred country"),
        max_length=2,
        choices=PreferredCountry.choices,
        default=PreferredCountry.EITHER,
        blank=True,
    )
    preferred_profiles = models.ManyToManyField(
        SeekingProfile,
        verbose_name=_("preferred municipalities"),
        related_name="preferred_by",
        blank=True,
    )
    workshop_commitment = models.BooleanField(_("can take part in the workshops"), default=False)
    consent = models.ForeignKey(
        "people.Consent",
        verbose_name=_("consent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = InterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        # Drafts (never submitted) last on every database: PostgreSQL sorts NULL first in a
        # descending order, SQLite last.
        ordering = [F("submitted_at").desc(nulls_last=True), "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"],
                condition=~Q(status="withdrawn"),
                name="interest_one_active_per_call",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.call})"


class InterestContact(TimeStampedModel):
    """A contact person of an expression of interest, in the order they were given."""

    interest = models.ForeignKey(
        Interest, verbose_name=_("interest"), on_delete=models.CASCADE, related_name="contacts"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="interest_contacts",
    )
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("place in a sorted list", "position"), default=0
    )

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["interest", "position"]
        constraints = [
            models.UniqueConstraint(fields=["interest", "person"], name="interest_contact_unique"),
        ]

    def __str__(self):
        return str(self.person)


class Transition(TimeStampedModel):
    """One recorded step of an interest's or a seeking profile's workflow: who, when, why."""

    interest = models.ForeignKey(
        Interest,
        verbose_name=_("interest"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transitions",
    )
    seeking_profile = models.ForeignKey(
        SeekingProfile,
        verbose_name=_("partner-seeking municipality"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transitions",
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interest__isnull=False, seeking_profile__isnull=True)
                | Q(interest__isnull=True, seeking_profile__isnull=False),
                name="transition_has_one_subject",
            ),
        ]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
