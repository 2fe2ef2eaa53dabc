from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from puentes.core.models import TimeStampedModel, TranslatedText


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An account needs an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """An account: signs in with its e-mail address; the person behind it is a Person."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        ordering = ["email"]

    def __str__(self):
        return self.email

    @cached_property
    def is_coordinator(self) -> bool:
        return NetworkRole.objects.filter(
            person__user=self, role=NetworkRole.Role.COORDINATOR
        ).exists()

    @cached_property
    def is_mentor(self) -> bool:
        return NetworkRole.objects.filter(person__user=self, role=NetworkRole.Role.MENTOR).exists()


class Person(TimeStampedModel):
    """Someone who takes part: an official or elected politician of a member organisation."""

    class Role(models.TextChoices):
        OFFICIAL = "official", _("official")
        POLITICIAN = "politician", _("elected politician")
        OTHER = "other", _("other")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("woman")
        MAN = "man", _("man")
        ANOTHER = "another", _("another gender")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OFFICIAL)
    title = models.CharField(_("title"), max_length=200, blank=True)
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("ISO 639-1 codes, e.g. sv, es, en"),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    # Only with explicit consent, for the network's gender-disaggregated statistics; blank
    # means not given. Withdrawing the consent clears both fields.
    gender = models.CharField(_("gender"), max_length=60, blank=True, choices=Gender.choices)
    gender_consent_at = models.DateTimeField(
        _("consent to record gender given at"), null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo record"), default=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gender="") | Q(gender_consent_at__isnull=False),
                name="person_gender_only_with_consent",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=["", "woman", "man", "another"]),
                name="person_gender_valid",
            ),
        ]

    def __str__(self):
        return self.name


class Membership(TimeStampedModel):
    """A person's tie to an organisation they act for."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "places.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    position = models.CharField(
        pgettext_lazy("job in an organisation", "position"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="membership_unique"),
        ]

    def __str__(self):
        return f"{self.person} — {self.organisation}"


class NetworkRole(TimeStampedModel):
    """A role in a network that is not tied to a municipality: coordinator or mentor."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        MENTOR = "mentor", _("mentor")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="network_roles"
    )
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("network role")
        verbose_name_plural = _("network roles")
        ordering = ["network", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "network", "role"], name="network_role_unique"
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} ({self.network})"


class PrivacyNotice(TimeStampedModel):
    """A version of the privacy notice people consent to, with its text per language."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    texts = models.JSONField(_("text per language"), default=dict)
    published_at = models.DateTimeField(_("published at"))

    text = TranslatedText("texts")

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-published_at"]
        get_latest_by = "published_at"

    def __str__(self):
        return self.version


class Consent(TimeStampedModel):
    """A person's consent to a version of the privacy notice: when, and in which language."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="consents"
    )
    notice = models.ForeignKey(
        PrivacyNotice, verbose_name=_("privacy notice"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.person} — {self.notice} ({self.given_at:%Y-%m-%d})"
