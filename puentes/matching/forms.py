"""Forms of the matching board: a ruling on a pair, the country balance, confirming a pair."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MatchConstraint

# More partnerships than this per country is a typing mistake, not a plan.
BALANCE_MAX = 500


class ConstraintForm(forms.Form):
    """Must pair / never pair, between two candidates of the call."""

    interest = forms.TypedChoiceField(
        label=_("Swedish municipality or region"), coerce=int, empty_value=None
    )
    profile = forms.TypedChoiceField(
        label=_("Latin American municipality"), coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(
        label=_("Rule"),
        choices=MatchConstraint.Kind.choices,
        widget=forms.RadioSelect,
        initial=MatchConstraint.Kind.NEVER,
    )

    def __init__(self, *args, interests=(), profiles=(), **kwargs):
        super().__init__(*args, **kwargs)
        choose = [("", _("Choose…"))]
        self.fields["interest"].choices = choose + [
            (interest.pk, interest.organisation.name) for interest in interests
        ]
        self.fields["profile"].choices = choose + [
            (profile.pk, f"{profile.organisation.name} ({profile.organisation.country.name})")
            for profile in profiles
        ]


class BalanceForm(forms.Form):
    """How many partnerships the call wants with Guatemala and with Colombia."""

    GT = forms.IntegerField(
        label=_("Partnerships with Guatemala"),
        required=False,
        min_value=0,
        max_value=BALANCE_MAX,
    )
    CO = forms.IntegerField(
        label=_("Partnerships with Colombia"),
        required=False,
        min_value=0,
        max_value=BALANCE_MAX,
    )

    def balance(self) -> dict[str, int]:
        """{country: cap}; an empty field is no cap, 0 is "none with this country"."""
        return {code: n for code, n in self.cleaned_data.items() if n is not None}


class ConfirmForm(forms.Form):
    """The pair a coordinator confirms, as the board showed it."""

    interest = forms.IntegerField(widget=forms.HiddenInput)
    profile = forms.IntegerField(widget=forms.HiddenInput)
