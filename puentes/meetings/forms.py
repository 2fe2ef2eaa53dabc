"""Forms of the meeting planner: the question (dates, length, who), the chosen slot with its
title and video link, and a person's working hours."""

from datetime import UTC, datetime, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors

LENGTH_CHOICES = [
    (30, _("30 minutes")),
    (45, _("45 minutes")),
    (60, _("1 hour")),
    (90, _("1 hour 30 minutes")),
    (120, _("2 hours")),
]
DEFAULT_LENGTH = 60
MAX_DAYS = 92  # a quarter of a year
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M")


def member_choices(plans) -> list[tuple[int, str]]:
    """ "Name (Stockholm, 08:00–17:00)" for each member the planner knows."""
    return [
        (
            plan.member.pk,
            _("%(name)s (%(zone)s, %(start)s–%(end)s)")
            % {
                "name": plan.person.name,
                "zone": selectors.zone_label(plan.participant.time_zone),
                "start": f"{plan.participant.day_start:%H:%M}",
                "end": f"{plan.participant.day_end:%H:%M}",
            },
        )
        for plan in plans
    ]


class PlanForm(forms.Form):
    first_day = forms.DateField(label=_("From"), widget=DATE_INPUT)
    last_day = forms.DateField(label=_("To"), widget=DATE_INPUT)
    length = forms.TypedChoiceField(
        label=_("Length of the meeting"), choices=LENGTH_CHOICES, coerce=int
    )
    members = forms.TypedMultipleChoiceField(
        label=_("Who takes part"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The slots fall inside the working hours of everyone chosen."),
        error_messages={"required": _("Choose at least one member who takes part.")},
    )
    include_weekends = forms.BooleanField(label=_("Include Saturdays and Sundays"), required=False)

    def __init__(self, *args, plans, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["members"].choices = member_choices(plans)
        self.fields["last_day"].help_text = _("At most %(days)s days from the first day.") % {
            "days": MAX_DAYS
        }

    def clean_first_day(self):
        first_day = self.cleaned_data["first_day"]
        if first_day < self.today:
            raise forms.ValidationError(_("Choose a day from today onwards."))
        return first_day

    def clean(self):
        cleaned_data = super().clean()
        first_day, last_day = cleaned_data.get("first_day"), cleaned_data.get("last_day")
        if first_day and last_day:
            if last_day < first_day:
                self.add_error("last_day", _("The last day must be on or after the first day."))
            elif (last_day - first_day).days >= MAX_DAYS:
                self.add_error(
                    "last_day",
                    _("Plan at most %(days)s days at a time.") % {"days": MAX_DAYS},
                )
        return cleaned_data

    @property
    def length_delta(self) -> timedelta:
        return timedelta(minutes=self.cleaned_data["length"])


class SlotForm(forms.Form):
    """The slot chosen on the planner's result, carried in the address and hidden fields."""

    start = forms.CharField(widget=forms.HiddenInput)
    length = forms.TypedChoiceField(choices=LENGTH_CHOICES, coerce=int, widget=forms.HiddenInput)
    members = forms.TypedMultipleChoiceField(coerce=int, widget=forms.MultipleHiddenInput)
    include_weekends = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(plan.member.pk, plan.member.pk) for plan in plans]

    def clean_start(self):
        try:
            start = datetime.fromisoformat(self.cleaned_data["start"])
        except ValueError as exc:
            raise forms.ValidationError(_("This is not a time from the planner.")) from exc
        if start.tzinfo is None:
            raise forms.ValidationError(_("This is not a time from the planner."))
        return start.astimezone(UTC)

    @property
    def length_delta(self) -> timedelta:
        return timedelta(minutes=self.cleaned_data["length"])


class MeetingForm(SlotForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    video_link = forms.URLField(
        label=_("Video link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Optional. The address of the video call, for example a Zoom or Teams link."),
    )

    field_order = ["title", "video_link"]


class WorkingHoursForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Time zone"))
    day_start = forms.TimeField(label=_("My working day starts at"), widget=TIME_INPUT)
    day_end = forms.TimeField(label=_("My working day ends at"), widget=TIME_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = selectors.time_zone_choices()

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("day_start"), cleaned_data.get("day_end")
        if start and end and end <= start:
            self.add_error("day_end", _("The working day must end after it starts."))
        return cleaned_data
