"""Documents a partnership's members share."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel, TranslatedText

from .checks.kinds import BY_CONTENT_TYPE, KINDS
from .storage import document_storage, unguessable_name


class DocumentQuerySet(models.QuerySet):
    def listed(self):
        """Newest first, with the uploader's name, as the list shows them (one query)."""
        return self.select_related("uploaded_by__person").order_by("-uploaded_at", "-pk")


class Document(TimeStampedModel):
    """A file a partnership's members share: checked by its content when uploaded, stored
    under a random name and served only to those who may see the partnership's documents."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    # Written by people, so kept in the language it was written in: {language: text}.
    titles = models.JSONField(_("title per language"))
    descriptions = models.JSONField(_("description per language"), default=dict, blank=True)
    file = models.FileField(
        _("stored file"), storage=document_storage, upload_to=unguessable_name, max_length=100
    )
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(
        _("type"),
        max_length=100,
        choices=[(kind.content_type, kind.label) for kind in KINDS],
    )
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))

    objects = DocumentQuerySet.as_manager()

    title = TranslatedText("titles")
    description = TranslatedText("descriptions")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            # The same file twice in one partnership is a mistake; the upload says which it is.
            models.UniqueConstraint(
                fields=["partnership", "sha256"], name="document_unique_content"
            ),
            models.CheckConstraint(condition=Q(size__gt=0), name="document_not_empty"),
            models.CheckConstraint(
                condition=Q(content_type__in=[kind.content_type for kind in KINDS]),
                name="document_accepted_type",
            ),
        ]

    def __str__(self):
        return self.title or self.original_name

    @property
    def kind(self):
        return BY_CONTENT_TYPE[self.content_type]
