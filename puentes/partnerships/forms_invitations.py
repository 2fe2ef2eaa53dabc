"""Forms for inviting a person into a partnership and for the invitee's password."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from puentes.people.models import Person

from .models import PartnershipMember


class InvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    side = forms.ChoiceField(label=_("Side"), choices=PartnershipMember.Side.choices)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Person.Role.OFFICIAL, Person.Role.OFFICIAL.label),
            (Person.Role.POLITICIAN, Person.Role.POLITICIAN.label),
        ],
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("The invitation is written in this language."),
    )

    def __init__(self, *args, sides, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["side"].choices = [
            (value, label) for value, label in PartnershipMember.Side.choices if value in sides
        ]


class InvitationPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password2(self):
        first = self.cleaned_data.get("password1")
        second = self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError(_("The two passwords differ."))
        if second:
            password_validation.validate_password(second, self.user)
        return second
