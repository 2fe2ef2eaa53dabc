"""The form for the shared challenge statement: Swedish and Spanish, and the version the
editor started from (optimistic locking)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import STATEMENT_MAX


class StatementForm(forms.Form):
    sv = forms.CharField(
        label=_("Challenge statement in Swedish"),
        required=False,
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"lang": "sv", "rows": 8}),
    )
    es = forms.CharField(
        label=_("Challenge statement in Spanish"),
        required=False,
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"lang": "es", "rows": 8}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean(self):
        data = super().clean()
        empty = not (data.get("sv", "").strip() or data.get("es", "").strip())
        if empty and not (self.has_error("sv") or self.has_error("es")):
            self.add_error("sv", _("Write the challenge statement in at least one language."))
        return data

    def texts(self) -> dict:
        return {"sv": self.cleaned_data["sv"], "es": self.cleaned_data["es"]}


def statement_initial(partnership) -> dict:
    return {
        "sv": partnership.challenge_statements.get("sv", ""),
        "es": partnership.challenge_statements.get("es", ""),
        "version": partnership.version,
    }
