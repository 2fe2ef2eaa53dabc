from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel

DEFAULT_DAY_START = time(8, 0)
DEFAULT_DAY_END = time(17, 0)


class WorkingHours(TimeStampedModel):
    """When a person can meet online: their time zone and working day, set by themself.

    Without a row, a person works 08:00–17:00 in their organisation's country's time zone.
    """

    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="working_hours",
    )
    time_zone = models.CharField(_("time zone"), max_length=64)
    day_start = models.TimeField(_("working day starts"), default=DEFAULT_DAY_START)
    day_end = models.TimeField(_("working day ends"), default=DEFAULT_DAY_END)

    class Meta:
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        ordering = ["person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(day_end__gt=F("day_start")), name="working_hours_day_ends_after_start"
            ),
            models.CheckConstraint(condition=~Q(time_zone=""), name="working_hours_have_zone"),
        ]

    def __str__(self):
        return f"{self.person}: {self.day_start:%H:%M}–{self.day_end:%H:%M} {self.time_zone}"


class Meeting(TimeStampedModel):
    """An online meeting of a partnership: the slot chosen in the planner and sent as an
    invitation (with an .ics) to the members taking part."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=200)
    video_link = models.URLField(_("video link"), max_length=500, blank=True)
    start_at = models.DateTimeField(_("starts at"))
    end_at = models.DateTimeField(_("ends at"))
    # The calendar's UID: a client that gets the invitation again updates, not duplicates.
    uid = models.CharField(_("calendar UID"), max_length=255, unique=True, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("online meeting")
        verbose_name_plural = _("online meetings")
        ordering = ["start_at", "pk"]
        indexes = [
            models.Index(fields=["partnership", "start_at"], name="meeting_partnership_start_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="meeting_has_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "meetings:meeting_detail",
            kwargs={"pk": self.partnership_id, "meeting_pk": self.pk},
        )


class MeetingInvitee(models.Model):
    """A member invited to a meeting, with the time zone and language their invitation was
    written in, and the mail that carried it."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="invitees"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="meeting_invitations",
    )
    time_zone = models.CharField(_("time zone"), max_length=64)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    message = models.ForeignKey(
        "core.OutboxMessage",
        verbose_name=_("e-mail"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invited member")
        verbose_name_plural = _("invited members")
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="meeting_invitee_unique"),
        ]

    def __str__(self):
        return f"{self.person} ({self.meeting})"
