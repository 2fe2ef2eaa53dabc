from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel


class MatchConstraintQuerySet(models.QuerySet):
    def for_call(self, call):
        return self.filter(call=call).select_related(
            "interest__organisation", "seeking_profile__organisation", "created_by"
        )


class MatchConstraint(TimeStampedModel):
    """A coordinator's ruling on one pair of a call: always pair them, or never."""

    class Kind(models.TextChoices):
        MUST = "must", _("must be paired")
        NEVER = "never", _("must never be paired")

    call = models.ForeignKey(
        "networks.Call",
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="match_constraints",
    )
    interest = models.ForeignKey(
        "recruitment.Interest",
        verbose_name=_("expression of interest"),
        on_delete=models.CASCADE,
        related_name="match_constraints",
    )
    seeking_profile = models.ForeignKey(
        "recruitment.SeekingProfile",
        verbose_name=_("partner-seeking municipality"),
        on_delete=models.CASCADE,
        related_name="match_constraints",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MatchConstraintQuerySet.as_manager()

    class Meta:
        verbose_name = _("matching constraint")
        verbose_name_plural = _("matching constraints")
        ordering = ["call", "created_at", "pk"]
        constraints = [
            # One ruling per pair: changing one's mind means removing the old ruling first.
            models.UniqueConstraint(
                fields=["interest", "seeking_profile"], name="match_constraint_one_per_pair"
            ),
        ]

    def __str__(self):
        return f"{self.interest.organisation} – {self.seeking_profile.organisation}: {self.kind}"


class MatchSettings(TimeStampedModel):
    """A call's matching weights and its balance between Latin American countries."""

    call = models.OneToOneField(
        "networks.Call",
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="match_settings",
    )
    # {weight name: number}; names the engine does not know are ignored, missing ones take
    # the engine's defaults.
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    # {country code: number of partnerships wanted}, e.g. {"GT": 3, "CO": 3}; empty: no target.
    balance = models.JSONField(_("balance between countries"), default=dict, blank=True)

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")

    def __str__(self):
        return str(self.call)
