import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel


def token_digest(secret: str) -> str:
    """The SHA-256 of a token: tokens are long random strings, so a plain hash suffices and
    a stolen database gives no usable token."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def matching(self, secret: str):
        return self.filter(digest=token_digest(secret))


class ApiToken(TimeStampedModel):
    """A coordinator's key to the API; only its hash is stored, the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. the system using it.")
    )
    # The first characters of the token, so that its owner can tell their tokens apart.
    prefix = models.CharField(_("beginning of the token"), max_length=8, editable=False)
    digest = models.CharField(_("hash of the token"), max_length=64, unique=True, editable=False)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
