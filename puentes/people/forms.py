"""The person's own gender, given only with explicit consent, for the network's statistics."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Person


class GenderForm(forms.Form):
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=Person.Gender.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Optional. Leave it blank if you prefer not to say."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the network records my gender and counts it, without my name, in "
            "its statistics. I can withdraw this at any time."
        ),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("gender") and not cleaned.get("consent"):
            self.add_error("consent", _("Tick the box to agree, or leave your gender blank."))
        return cleaned
