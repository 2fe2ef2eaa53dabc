"""The forms of the plan: one per kind of item, each with Swedish and Spanish text and the
version the editor opened (hidden), and what the services take from them.

`initial_for(item)` gives a form's values for a saved item, which the conflict page also
uses to show the saved version next to the editor's.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import refuse_control_characters

from .models import Activity
from .rules import TEXT_MAX, UNIT_MAX, Figure

EITHER_LANGUAGE = _("Write it in Swedish or in Spanish, or in both.")


def plain(number):
    """A stored Decimal as a person writes it: 12 rather than 12.00."""
    if not isinstance(number, Decimal):
        return number
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def text_field(language, rows=3):
    return forms.CharField(
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"lang": language, "rows": rows}),
        validators=[refuse_control_characters],
    )


def decimal_field(label):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "plan-number"}),
    )


def count_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"class": "plan-number"}),
    )


class ItemForm(forms.Form):
    """A text of the plan in Swedish and Spanish; subclasses name it and add their fields."""

    labels = (_("Text in Swedish"), _("Text in Spanish"))
    text_sv = text_field("sv")
    text_es = text_field("es")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["text_sv"].label, self.fields["text_es"].label = self.labels

    def clean(self):
        data = super().clean()
        written = (data.get("text_sv") or "").strip() or (data.get("text_es") or "").strip()
        if not written and not (self.has_error("text_sv") or self.has_error("text_es")):
            self.add_error("text_sv", EITHER_LANGUAGE)
        return data

    @property
    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or 0

    def data_for_service(self) -> dict:
        return {"texts": {"sv": self.cleaned_data["text_sv"], "es": self.cleaned_data["text_es"]}}

    @classmethod
    def initial_for(cls, item) -> dict:
        return {
            "text_sv": item.texts.get("sv", ""),
            "text_es": item.texts.get("es", ""),
            "version": item.version,
        }

    def groups(self) -> list[dict]:
        """The visible fields in the fieldsets the page shows (None: no fieldset)."""
        return [{"legend": None, "fields": self.visible_fields()}]


class GoalForm(ItemForm):
    labels = (_("Overall goal in Swedish"), _("Overall goal in Spanish"))
    text_sv = text_field("sv", rows=5)
    text_es = text_field("es", rows=5)

    @classmethod
    def initial_for(cls, plan) -> dict:
        if plan is None:
            return {"text_sv": "", "text_es": "", "version": 0}
        return {
            "text_sv": plan.goals.get("sv", ""),
            "text_es": plan.goals.get("es", ""),
            "version": plan.version,
        }


class OutcomeForm(ItemForm):
    labels = (_("Outcome in Swedish"), _("Outcome in Spanish"))


class OutputForm(ItemForm):
    labels = (_("Output in Swedish"), _("Output in Spanish"))


class AssumptionForm(ItemForm):
    labels = (_("Assumption in Swedish"), _("Assumption in Spanish"))


class ActivityForm(ItemForm):
    labels = (_("Activity in Swedish"), _("Activity in Spanish"))
    start_date = forms.DateField(
        label=_("Start date"),
        help_text=_("For example 2024-03-15."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )
    end_date = forms.DateField(
        label=_("End date"),
        help_text=_("The same as the start date for a one-day activity."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )
    responsible = forms.ChoiceField(
        label=_("Responsible"), choices=Activity.Responsible.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.partnership is not None:
            swedish = self.partnership.swedish_organisation.name
            latin = self.partnership.latin_organisation.name
            self.fields["responsible"].choices = [
                (Activity.Responsible.SWEDISH, swedish),
                (Activity.Responsible.LATIN, latin),
                (
                    Activity.Responsible.BOTH,
                    gettext("Both: %(swedish)s and %(latin)s")
                    % {"swedish": swedish, "latin": latin},
                ),
            ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return data

    def data_for_service(self) -> dict:
        data = self.cleaned_data
        return {
            **super().data_for_service(),
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "responsible": data["responsible"],
        }

    @classmethod
    def initial_for(cls, item) -> dict:
        return {
            **super().initial_for(item),
            "start_date": item.start_date,
            "end_date": item.end_date,
            "responsible": item.responsible,
        }


PARTS = ("women", "men", "other")


class IndicatorForm(ItemForm):
    labels = (_("Indicator in Swedish"), _("Indicator in Spanish"))
    unit_sv = forms.CharField(
        label=_("Unit in Swedish"),
        required=False,
        max_length=UNIT_MAX,
        help_text=_("What the number counts or measures, for example per cent or meetings."),
        widget=forms.TextInput(attrs={"lang": "sv"}),
    )
    unit_es = forms.CharField(
        label=_("Unit in Spanish"),
        required=False,
        max_length=UNIT_MAX,
        widget=forms.TextInput(attrs={"lang": "es"}),
    )
    counts_people = forms.BooleanField(
        label=_("It counts people"),
        required=False,
        help_text=_(
            "Then the baseline, the target and every actual value are split into women, men "
            "and other or not stated."
        ),
    )
    baseline = decimal_field(_("Baseline"))
    target = decimal_field(_("Target"))
    baseline_women = count_field(_("Baseline: women"))
    baseline_men = count_field(_("Baseline: men"))
    baseline_other = count_field(_("Baseline: other or not stated"))
    target_women = count_field(_("Target: women"))
    target_men = count_field(_("Target: men"))
    target_other = count_field(_("Target: other or not stated"))

    def clean(self):
        data = super().clean()
        if data.get("counts_people"):
            needed = [f"{figure}_{part}" for figure in ("baseline", "target") for part in PARTS]
            message = _("Enter the number of people, 0 if there are none.")
        else:
            needed = ["baseline", "target"]
            message = _("Enter a number.")
        for name in needed:
            if data.get(name) is None and not self.has_error(name):
                self.add_error(name, message)
        return data

    def _figure(self, prefix) -> Figure:
        data = self.cleaned_data
        if data["counts_people"]:
            return Figure(**{part: data[f"{prefix}_{part}"] for part in PARTS})
        return Figure(total=data[prefix])

    def data_for_service(self) -> dict:
        data = self.cleaned_data
        return {
            **super().data_for_service(),
            "units": {"sv": data["unit_sv"], "es": data["unit_es"]},
            "counts_people": data["counts_people"],
            "baseline": self._figure("baseline"),
            "target": self._figure("target"),
        }

    @classmethod
    def initial_for(cls, item) -> dict:
        initial = {
            **super().initial_for(item),
            "unit_sv": item.units.get("sv", ""),
            "unit_es": item.units.get("es", ""),
            "counts_people": item.counts_people,
        }
        for prefix in ("baseline", "target"):
            if item.counts_people:
                for part in PARTS:
                    initial[f"{prefix}_{part}"] = getattr(item, f"{prefix}_{part}")
            else:
                initial[prefix] = plain(getattr(item, prefix))
        return initial

    def groups(self) -> list[dict]:
        fields = {field.name: field for field in self.visible_fields()}
        return [
            {
                "legend": None,
                "fields": [fields[name] for name in ("text_sv", "text_es", "unit_sv", "unit_es")],
            },
            {"legend": None, "fields": [fields["counts_people"]]},
            {
                "legend": _("Baseline and target"),
                "hint": _("For an indicator that does not count people."),
                "id": "figures-total",
                "fields": [fields["baseline"], fields["target"]],
            },
            {
                "legend": _("Baseline and target by sex"),
                "hint": _("For an indicator that counts people."),
                "id": "figures-by-sex",
                "fields": [
                    fields[f"{prefix}_{part}"]
                    for prefix in ("baseline", "target")
                    for part in PARTS
                ],
            },
        ]


FORMS = {
    "outcome": OutcomeForm,
    "output": OutputForm,
    "activity": ActivityForm,
    "indicator": IndicatorForm,
    "assumption": AssumptionForm,
}


class DeleteForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
