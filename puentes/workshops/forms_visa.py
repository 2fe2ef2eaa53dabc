"""The form for a visa invitation letter: the passport data it is filled from."""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DateInput
from .models import VisaLetter

PASSPORT_NUMBER = re.compile(r"^[A-Z0-9]{5,20}$")
OLDEST = 120  # years


class VisaLetterForm(forms.ModelForm):
    class Meta:
        model = VisaLetter
        fields = ("second_language", *VisaLetter.PASSPORT_FIELDS)
        widgets = {
            "second_language": forms.RadioSelect,
            "date_of_birth": DateInput,
            "passport_expires_on": DateInput,
        }
        help_texts = {
            "passport_name": _("Exactly as in the passport, so that the embassy can match them."),
            "passport_expires_on": _(
                "Schengen visas usually need a passport valid at least three months after "
                "you leave."
            ),
        }

    def __init__(self, *args, workshop, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        self.today = today
        for name in VisaLetter.PASSPORT_FIELDS:
            self.fields[name].required = True
        self.fields["passport_name"].widget.attrs["autocomplete"] = "name"
        self.fields["date_of_birth"].widget.attrs["autocomplete"] = "bday"
        self.fields["passport_number"].widget.attrs.update(
            {"autocapitalize": "characters", "spellcheck": "false"}
        )

    def clean_passport_name(self):
        return " ".join(self.cleaned_data["passport_name"].split())

    def clean_nationality(self):
        return " ".join(self.cleaned_data["nationality"].split())

    def clean_passport_number(self):
        number = re.sub(r"[\s-]", "", self.cleaned_data["passport_number"]).upper()
        if not PASSPORT_NUMBER.match(number):
            raise forms.ValidationError(
                _("A passport number has 5 to 20 letters (A–Z) and digits."),
                code="passport_number",
            )
        return number

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born >= self.today or born.year < self.today.year - OLDEST:
            raise forms.ValidationError(
                _("Enter the date of birth as in the passport."), code="date_of_birth"
            )
        return born

    def clean_passport_expires_on(self):
        expires = self.cleaned_data["passport_expires_on"]
        ends = self.workshop.end_at.astimezone(self.workshop.zone).date()
        if expires <= ends:
            raise forms.ValidationError(
                _("The passport must be valid after the workshop ends (%(date)s)."),
                params={"date": ends.isoformat()},
                code="passport_expired",
            )
        return expires
