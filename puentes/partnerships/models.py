from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel, TranslatedText


class PartnershipQuerySet(models.QuerySet):
    def for_user(self, user):
        """Partnerships of the organisations the user acts for, or that they mentor."""
        return self.filter(
            Q(swedish_organisation__memberships__person__user=user)
            | Q(latin_organisation__memberships__person__user=user)
            | Q(members__person__user=user)
            | Q(mentor__user=user)
        ).distinct()


class Partnership(TimeStampedModel):
    """A Swedish and a Latin American organisation working together on a shared challenge."""

    class Phase(models.TextChoices):
        FORMING = "forming", _("forming")
        INCEPTION = "inception", _("inception")
        PROJECT = "project", _("project")
        CONCLUDED = "concluded", _("concluded")

    call = models.ForeignKey(
        "networks.Call",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    swedish_organisation = models.ForeignKey(
        "places.Organisation",
        verbose_name=_("Swedish municipality or region"),
        on_delete=models.PROTECT,
        related_name="partnerships_as_swedish",
    )
    latin_organisation = models.ForeignKey(
        "places.Organisation",
        verbose_name=_("Latin American municipality"),
        on_delete=models.PROTECT,
        related_name="partnerships_as_latin",
    )
    interest = models.OneToOneField(
        "recruitment.Interest",
        verbose_name=_("expression of interest"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partnership",
    )
    seeking_profile = models.OneToOneField(
        "recruitment.SeekingProfile",
        verbose_name=_("partner-seeking municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partnership",
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.FORMING
    )
    themes = models.ManyToManyField(
        "networks.Theme", verbose_name=_("themes"), related_name="partnerships", blank=True
    )
    # One line for the public list of partnerships, per language.
    areas_of_cooperation = models.JSONField(
        _("area of cooperation per language"), default=dict, blank=True
    )
    # The shared challenge statement, {language: text}; `challenge_language` is the original.
    challenge_statements = models.JSONField(_("shared challenge per language"), default=dict)
    challenge_language = models.CharField(
        _("language of the original"), max_length=5, choices=settings.LANGUAGES, default="es"
    )
    mentor = models.ForeignKey(
        "people.Person",
        verbose_name=_("mentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_partnerships",
    )
    # Optimistic locking: every save of the statement bumps it; a stale save is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    statement_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("challenge statement last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    statement_updated_at = models.DateTimeField(
        _("challenge statement last saved at"), null=True, blank=True
    )
    match_score = models.FloatField(_("matching score"), null=True, blank=True)
    match_reasons = models.JSONField(_("matching reasons"), default=list, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    objects = PartnershipQuerySet.as_manager()

    area_of_cooperation = TranslatedText("areas_of_cooperation")
    challenge_statement = TranslatedText("challenge_statements")

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["call", "swedish_organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "swedish_organisation"], name="partnership_one_per_swedish_org"
            ),
            models.UniqueConstraint(
                fields=["call", "latin_organisation"], name="partnership_one_per_latin_org"
            ),
            models.CheckConstraint(
                condition=~Q(swedish_organisation=F("latin_organisation")),
                name="partnership_two_organisations",
            ),
            models.CheckConstraint(
                condition=Q(phase__in=["forming", "inception", "project", "concluded"]),
                name="partnership_phase_valid",
            ),
        ]

    def __str__(self):
        return f"{self.swedish_organisation} – {self.latin_organisation}"

    def get_absolute_url(self):
        return reverse("partnerships:partnership_detail", kwargs={"pk": self.pk})


class PartnershipMember(TimeStampedModel):
    """A person working in a partnership, for one of its two sides."""

    class Side(models.TextChoices):
        SWEDISH = "swedish", _("Swedish side")
        LATIN = "latin", _("Latin American side")

    partnership = models.ForeignKey(
        Partnership, verbose_name=_("partnership"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="partnership_memberships",
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    # Invited: told by mail (the partnership's creation or an invitation). Joined: accepted an
    # invitation, or opened the workspace signed in as themselves (see services.member_visit).
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)

    class Meta:
        verbose_name = _("partnership member")
        verbose_name_plural = _("partnership members")
        ordering = ["partnership", "side", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "person"], name="partnership_member_unique"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_side_display()})"

    @property
    def is_pending(self) -> bool:
        """Invited and not joined yet."""
        return self.invited_at is not None and self.joined_at is None


class Comment(TimeStampedModel):
    """A remark in a partnership's workspace, by the mentor, a coordinator or a member, kept
    in the language it was written in."""

    class AuthorRole(models.TextChoices):
        MENTOR = "mentor", _("mentor")
        COORDINATOR = "coordinator", _("coordinator")
        SWEDISH = "swedish", _("Swedish side")
        LATIN = "latin", _("Latin American side")

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # As whom the author wrote, fixed when they wrote it: a later change of role does not
    # rewrite what the workspace shows.
    author_role = models.CharField(_("written as"), max_length=20, choices=AuthorRole.choices)
    body = models.TextField(_("comment"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    # Set by the service from the caller's `now` (not auto_now_add), so rules and tests can
    # say when a comment was written.
    created_at = models.DateTimeField(_("written at"))

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["partnership", "-created_at"], name="partnership_comment_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="partnership_comment_not_empty"),
            models.CheckConstraint(
                condition=Q(author_role__in=["mentor", "coordinator", "swedish", "latin"]),
                name="partnership_comment_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.partnership}: {self.body[:40]}"
