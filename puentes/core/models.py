from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .i18n import pick, translated


class TimeStampedModel(models.Model):
    """Base for every Puentes model: when a row was made and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class TranslatedText:
    """Accessor for a JSON {language: text} field in the current language."""

    def __init__(self, field_name: str):
        self.field_name = field_name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return translated(getattr(instance, self.field_name))


def text_in(instance, field_name: str, language: str | None = None) -> tuple[str, str]:
    return pick(getattr(instance, field_name), language)


class OutboxMessageQuerySet(models.QuerySet):
    def due(self, now):
        """Messages a worker should deliver now: waiting ones whose time has come, and claims
        whose lease ran out because the worker holding them died."""
        return self.filter(
            status__in=OutboxMessage.PENDING_STATUSES, next_attempt_at__lte=now
        ).order_by("next_attempt_at", "pk")

    def counts_by_status(self) -> dict[str, int]:
        """{status: number of messages} for every status, zeros included, in one query."""
        counts = dict.fromkeys(OutboxMessage.Status.values, 0)
        for row in self.order_by().values("status").annotate(count=models.Count("pk")):
            counts[row["status"]] = row["count"]
        return counts


class OutboxMessage(TimeStampedModel):
    """An e-mail stored with the change that caused it, delivered later by a worker.

    `next_attempt_at` is when a waiting message is due and, while a worker holds a message in
    `sending`, when that worker's lease runs out; delivered and abandoned messages have none.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    PENDING_STATUSES = (Status.QUEUED, Status.SENDING)

    to_address = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=998)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    cc = models.JSONField(_("copy to"), default=list, blank=True)
    # The same Message-ID on every attempt lets mail programs drop a duplicate delivery.
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=100, blank=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("about (type)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.CharField(_("about (id)"), max_length=64, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The worker's query; sent messages, the bulk of the table, stay out of it.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status__in=["queued", "sending"]),
                name="core_outbox_due_idx",
            ),
            models.Index(fields=["status", "-created_at"], name="core_outbox_status_idx"),
            models.Index(fields=["-created_at"], name="core_outbox_created_idx"),
            models.Index(fields=["content_type", "object_id"], name="core_outbox_about_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "sending", "sent", "failed"]),
                name="core_outbox_status_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status__in=["queued", "sending"], next_attempt_at__isnull=False)
                    | Q(status__in=["sent", "failed"], next_attempt_at__isnull=True)
                ),
                name="core_outbox_pending_has_next_attempt",
            ),
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False)
                | (~Q(status="sent") & Q(sent_at__isnull=True)),
                name="core_outbox_sent_has_sent_at",
            ),
        ]

    def __str__(self):
        return f"{self.to_address}: {self.subject}"

    @property
    def can_retry(self) -> bool:
        """A coordinator may bring forward a message that gave up or waits after an error."""
        return self.status == self.Status.FAILED or (
            self.status == self.Status.QUEUED and bool(self.last_error)
        )


class OutboxAttachment(models.Model):
    """A file sent with an outbox message (a calendar invitation, say), stored with it so
    every delivery attempt attaches exactly the same bytes."""

    message = models.ForeignKey(
        OutboxMessage,
        verbose_name=_("message"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    filename = models.CharField(_("file name"), max_length=255)
    mimetype = models.CharField(_("content type"), max_length=100)
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["message", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(filename=""), name="core_attachment_has_name"),
            models.CheckConstraint(
                condition=Q(mimetype__contains="/"), name="core_attachment_type"
            ),
        ]

    def __str__(self):
        return self.filename


class AuditEntry(models.Model):
    """One recorded change: who did what, to which record, within which scope, and when.

    Written by services in the transaction of the change (see core.audit), never edited.
    `scope` is the record whose activity timeline shows the entry (a partnership, say);
    `data` holds the facts the sentence needs (statuses, titles), never secrets.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("record (type)"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_id = models.CharField(_("record (id)"), max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    scope_type = models.ForeignKey(
        ContentType,
        verbose_name=_("scope (type)"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    scope_id = models.CharField(_("scope (id)"), max_length=64)
    scope = GenericForeignKey("scope_type", "scope_id")
    data = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["scope_type", "scope_id", "-at"], name="core_audit_scope_idx"),
            models.Index(fields=["target_type", "target_id"], name="core_audit_target_idx"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class PublicPageVersion(models.Model):
    """One row whose number goes up after every committed write to data that public pages
    may show (puentes.core.public_cache): cached anonymous pages are keyed by it, so every app
    server and worker stops serving a page the moment its data changes.

    Not managed: its table is made by migration 0004 with plain SQL, so that it is no data
    of the backups' fingerprints, of the restore's "empty database" check or of test flushes.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "core_publicpageversion"
        verbose_name = _("public page version")
        verbose_name_plural = _("public page versions")

    def __str__(self):
        return str(self.value)
