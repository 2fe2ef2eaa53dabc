from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .feedback import DESCRIPTION_MAX, EMAIL_MAX, NAME_MAX, PAGE_MAX

HONEYPOT_FIELD = "website"


class FeedbackForm(forms.Form):
    """A report of an accessibility problem; only the description is required."""

    description = forms.CharField(
        label=_("What is the problem?"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    page = forms.CharField(
        label=_("Address of the page (optional)"),
        help_text=_("Copy it from your browser's address bar, or say which page it was."),
        required=False,
        max_length=PAGE_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "url"}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Give it if you want an answer."),
        required=False,
        max_length=EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].help_text = _("At most %(limit)d characters.") % {
            "limit": DESCRIPTION_MAX
        }

    @staticmethod
    def is_from_a_robot(data) -> bool:
        return bool(data.get(HONEYPOT_FIELD, "").strip())

    def cleaned_data_for_mail(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "page": data["page"],
            "description": data["description"],
            "language": get_language(),
        }
