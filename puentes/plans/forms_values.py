"""The form for an indicator's actual values: one group of fields per reporting period of
the partnership's call (a number, or women, men and other or not stated when the indicator
counts people), each with the version of the value the editor saw."""

from django import forms
from django.utils.translation import gettext

from .forms import PARTS, count_field, decimal_field, plain
from .rules import Figure
from .services import ValueEntry


def _labels(period) -> dict:
    label = period.label
    return {
        "value": gettext("Actual value, %(period)s") % {"period": label},
        "women": gettext("Women, %(period)s") % {"period": label},
        "men": gettext("Men, %(period)s") % {"period": label},
        "other": gettext("Other or not stated, %(period)s") % {"period": label},
    }


class IndicatorValuesForm(forms.Form):
    def __init__(self, *args, indicator, periods, saved: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.periods = periods
        self.parts = PARTS if indicator.counts_people else ("value",)
        for period in periods:
            current = saved.get(period.pk)
            labels = _labels(period)
            version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
            version.initial = current.version if current else 0
            self.fields[f"version_{period.pk}"] = version
            for part in self.parts:
                field = (
                    decimal_field(labels[part]) if part == "value" else count_field(labels[part])
                )
                field.initial = plain(getattr(current, part)) if current else None
                self.fields[f"{part}_{period.pk}"] = field

    def clean(self):
        data = super().clean()
        if not self.indicator.counts_people:
            return data
        for period in self.periods:
            names = [f"{part}_{period.pk}" for part in PARTS]
            given = [data.get(name) is not None for name in names]
            if any(given) and not all(given):
                for name, is_given in zip(names, given, strict=True):
                    if not is_given and not self.has_error(name):
                        self.add_error(
                            name,
                            gettext("Enter the number, 0 if none, or leave all three empty."),
                        )
        return data

    def rows(self) -> list[dict]:
        """Each period with its bound fields, for the template."""
        return [
            {
                "period": period,
                "version": self[f"version_{period.pk}"],
                "fields": [self[f"{part}_{period.pk}"] for part in self.parts],
            }
            for period in self.periods
        ]

    def figure(self, period) -> Figure:
        data = self.cleaned_data
        if self.indicator.counts_people:
            return Figure(**{part: data.get(f"{part}_{period.pk}") for part in PARTS})
        return Figure(total=data.get(f"value_{period.pk}"))

    def entries(self) -> list[ValueEntry]:
        return [
            ValueEntry(
                period=period,
                figure=self.figure(period),
                expected_version=self.cleaned_data.get(f"version_{period.pk}") or 0,
            )
            for period in self.periods
        ]

    def refilled(self, saved: dict) -> "IndicatorValuesForm":
        """A new form holding this one's entries at the versions saved now (after a
        conflict), so saving again is a deliberate overwrite."""
        initial = {name: value for name, value in self.cleaned_data.items()}
        for period in self.periods:
            current = saved.get(period.pk)
            initial[f"version_{period.pk}"] = current.version if current else 0
        return IndicatorValuesForm(
            initial=initial, indicator=self.indicator, periods=self.periods, saved=saved
        )
