"""Models of the privacy app: erasure records and retention policies."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel


class Erasure(models.Model):
    """That a person was erased: when, by whom and why, and nothing about who they were.

    The person row stays (anonymised) so that what it counts in keeps its numbers; `person_pk`
    and `person_created_at` repeat what the ledger file holds so that a restored older backup
    can be checked against it (see privacy.erasure).
    """

    class Reason(models.TextChoices):
        OWN_REQUEST = "own_request", _("asked for by the person")
        COORDINATOR = "coordinator", _("carried out by a coordinator")
        RETENTION = "retention", _("retention policy: inactive account")
        RESTORED = "restored", _("applied again after a backup was restored")

    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="erasure",
    )
    person_pk = models.PositiveBigIntegerField(_("person (id)"), unique=True)
    person_created_at = models.DateTimeField(_("person record created at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    erased_at = models.DateTimeField(_("erased at"))

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at", "-pk"]

    def __str__(self):
        return _("Erased person #%(pk)s") % {"pk": self.person_pk}


class RetentionPolicy(TimeStampedModel):
    """How long one kind of personal data is kept; `puentes apply_retention` applies it."""

    class Kind(models.TextChoices):
        DECLINED_INTERESTS = "declined_interests", _("declined expressions of interest")
        WITHDRAWN_INTERESTS = "withdrawn_interests", _("withdrawn expressions of interest")
        VISA_DATA = "visa_data", _("passport data of visa letters, after the workshop ends")
        INACTIVE_ACCOUNTS = "inactive_accounts", _("accounts without a sign-in")
        SENT_MAIL = "sent_mail", _("delivered and abandoned e-mails")

    kind = models.CharField(_("kind of data"), max_length=30, choices=Kind.choices, unique=True)
    period_days = models.PositiveIntegerField(_("kept for (days)"))
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("An inactive policy is not applied.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")
        ordering = ["kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_days__gte=1), name="retention_policy_period_positive"
            ),
        ]

    def __str__(self):
        return str(self.get_kind_display())
