"""The registration form: who (yourself or a colleague), travel dates and needs."""

from django import forms
from django.conf import settings
from django.db.models import Case, Q, When
from django.utils.translation import gettext_lazy as _

from puentes.people.models import Person

from .models import Registration
from .services import DETAIL_FIELDS

NEEDS_MAX = 500


class PersonChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, me=None, **kwargs):
        self.me = me
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        if self.me is not None and obj.pk == self.me.pk:
            return _("Myself (%(name)s)") % {"name": obj.name}
        return obj.name


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RegistrationForm(forms.Form):
    person = PersonChoiceField(
        label=_("Who takes part?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("Yourself, or a colleague of your municipality or partnership."),
    )
    arrival_date = forms.DateField(
        label=_("Arrival date"),
        required=False,
        widget=DateInput,
        help_text=_("If you travel to the workshop."),
    )
    departure_date = forms.DateField(label=_("Departure date"), required=False, widget=DateInput)
    needs_visa_letter = forms.BooleanField(
        label=_("I need a visa invitation letter"),
        required=False,
        help_text=_("The secretariat will ask for your passport details separately."),
    )
    interpretation_language = forms.ChoiceField(
        label=_("Interpretation into"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("The language you want the sessions interpreted into, if any."),
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        required=False,
        max_length=NEEDS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=NEEDS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, me, colleagues, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        field = self.fields["person"]
        field.me = me
        field.queryset = Person.objects.filter(
            Q(pk=me.pk) | Q(pk__in=colleagues.values("pk"))
        ).order_by(Case(When(pk=me.pk, then=0), default=1), "name", "pk")
        field.initial = me.pk
        if not colleagues.exists():
            field.widget = forms.HiddenInput()
        self.fields["interpretation_language"].choices = [
            ("", _("No interpretation needed")),
            *settings.LANGUAGES,
        ]
        if workshop.is_online:
            for name in ("arrival_date", "departure_date", "needs_visa_letter"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        arrival, departure = data.get("arrival_date"), data.get("departure_date")
        if arrival and departure and departure < arrival:
            self.add_error("departure_date", _("The departure date must not be before arrival."))
        zone = self.workshop.zone
        first = self.workshop.start_at.astimezone(zone).date()
        last = self.workshop.end_at.astimezone(zone).date()
        if arrival and arrival > last:
            self.add_error("arrival_date", _("Arrive before the workshop ends."))
        if departure and departure < first:
            self.add_error("departure_date", _("Leave after the workshop starts."))
        return data

    def details(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in DETAIL_FIELDS
            if name in self.cleaned_data and name in self.fields
        }


STATUS_MARKS = [
    (Registration.Status.ATTENDED, _("Present")),
    (Registration.Status.NO_SHOW, _("Absent")),
]


class MarkForm(forms.Form):
    status = forms.ChoiceField(choices=STATUS_MARKS)
