"""The workspace's forms: the shared challenge statement (Swedish and Spanish, and the version
the editor started from, for optimistic locking), a comment, and a step of phase."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import refuse_control_characters

from .comments import COMMENT_MAX
from .models import Partnership
from .phases import REASON_MAX, PhaseReasonMissing, check_phase_step
from .services import STATEMENT_MAX, PartnershipError


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


class CommentForm(forms.Form):
    """A comment, and the language it is written in (the page's language unless changed)."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your comment.")},
        validators=[refuse_control_characters],
    )
    language = forms.ChoiceField(
        label=_("Written in"),
        choices=settings.LANGUAGES,
        help_text=_("Others read your comment as you write it, marked with its language."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write your comment."))
        return body


class PhaseForm(forms.Form):
    """A step to another phase; going back needs a reason (checked with the step)."""

    phase = forms.ChoiceField(choices=Partnership.Phase.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why does the partnership go back a phase?"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The members read the reason in the partnership's activity."),
    )

    def __init__(self, *args, current_phase: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_phase = current_phase

    def clean(self):
        data = super().clean()
        phase = data.get("phase")
        if phase and not self.has_error("reason"):
            try:
                data["reason"] = check_phase_step(self.current_phase, phase, data.get("reason"))
            except PhaseReasonMissing as error:
                self.add_error("reason", error.message)
            except PartnershipError as error:
                self.add_error(None, error.message)
        return data
