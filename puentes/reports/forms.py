"""Forms of progress reports: the text (each section in Swedish and Spanish, and the version
the writer started from), a side's sign-off, and a coordinator's reopening."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from puentes.partnerships.models import PartnershipMember

from .models import REPORT_LANGUAGES, SECTION_NAMES, SECTIONS
from .services import REASON_MAX, TEXT_MAX

LANGUAGE_NAMES = {"sv": _("in Swedish"), "es": _("in Spanish")}


def field_name(section: str, code: str) -> str:
    return f"{section}_{code}"


class ReportForm(forms.Form):
    """Every section in both languages; at least one text is needed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section, label, _hint in SECTIONS:
            for code in REPORT_LANGUAGES:
                self.fields[field_name(section, code)] = forms.CharField(
                    label=format_lazy("{} – {}", label, LANGUAGE_NAMES[code]),
                    required=False,
                    max_length=TEXT_MAX,
                    widget=forms.Textarea(attrs={"lang": code, "rows": 6}),
                )

    def clean(self):
        data = super().clean()
        names = [field_name(name, code) for name in SECTION_NAMES for code in REPORT_LANGUAGES]
        if any(self.has_error(name) for name in names):
            return data
        if not any((data.get(name) or "").strip() for name in names):
            self.add_error(names[0], _("Write at least one section in Swedish or Spanish."))
        return data

    def texts(self) -> dict[str, dict[str, str]]:
        return {
            section: {
                code: self.cleaned_data.get(field_name(section, code), "")
                for code in REPORT_LANGUAGES
            }
            for section in SECTION_NAMES
        }

    def sections(self) -> list[dict]:
        """The bound fields grouped per section, as the template lays them out."""
        return [
            {
                "name": section,
                "label": label,
                "hint": hint,
                "fields": [self[field_name(section, code)] for code in REPORT_LANGUAGES],
            }
            for section, label, hint in SECTIONS
        ]


def report_initial(report) -> dict:
    """The form's starting point: the saved text, or an empty report at version 0."""
    if report is None:
        return {"version": 0}
    initial = {"version": report.version}
    for section, texts in report.texts().items():
        for code in REPORT_LANGUAGES:
            initial[field_name(section, code)] = texts.get(code, "")
    return initial


class SignOffForm(forms.Form):
    side = forms.ChoiceField(choices=PartnershipMember.Side.choices)
    version = forms.IntegerField(min_value=1)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the report reopened?"),
        help_text=_("Both partners see this in the partnership's activity."),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
