"""Forms of the coordinators' review: the queue's filters and the decision on an interest."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import LONG_TEXT_MAX, Interest
from .selectors_review import EITHER_COUNTRY, REVIEW_STATUSES, QueueFilters

# Longest search text worth running; longer input is refused, never cut.
SEARCH_MAX = 100
SORT_NEWEST, SORT_OLDEST = "newest", "oldest"


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string. Values that are not offered are
    refused: the queue then shows everything and the field says why."""

    text = forms.CharField(
        label=_("Municipality or region"),
        help_text=_("Name or official code; accents do not matter."),
        required=False,
        max_length=SEARCH_MAX,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    preferred_country = forms.ChoiceField(
        label=_("Preferred country"),
        required=False,
        choices=[
            ("", pgettext_lazy("any preferred country", "Any")),
            (Interest.PreferredCountry.GUATEMALA.value, Interest.PreferredCountry.GUATEMALA.label),
            (Interest.PreferredCountry.COLOMBIA.value, Interest.PreferredCountry.COLOMBIA.label),
            (EITHER_COUNTRY, _("Guatemala or Colombia, no preference")),
        ],
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            (SORT_NEWEST, _("Newest first")),
            (SORT_OLDEST, _("Oldest first")),
        ],
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", pgettext_lazy("any status", "All"))] + [
            (status.value, status.label) for status in REVIEW_STATUSES
        ]
        self.fields["theme"].choices = [("", pgettext_lazy("any theme", "All"))] + [
            (theme.pk, theme.name) for theme in themes
        ]

    def filters(self) -> QueueFilters:
        """The valid filters (call after is_valid()); an invalid field counts as "all"."""
        data = getattr(self, "cleaned_data", {})
        return QueueFilters(
            status=data.get("status") or "",
            theme_id=data.get("theme"),
            preferred_country=data.get("preferred_country") or "",
            text=data.get("text") or "",
            oldest_first=data.get("sort") == SORT_OLDEST,
        )


class DecisionForm(forms.Form):
    """Accept, waitlist or decline an interest in review; declining needs a reason."""

    decision = forms.ChoiceField(
        label=_("Your decision"),
        widget=forms.RadioSelect,
        choices=[
            (Interest.Status.ACCEPTED.value, _("Accept")),
            (Interest.Status.WAITLISTED.value, _("Put on the waiting list")),
            (Interest.Status.DECLINED.value, _("Decline")),
        ],
        error_messages={"required": _("Choose accept, waitlist or decline.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_(
            "Required when declining. The contact people receive it by e-mail with the decision."
        ),
        required=False,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def offer_only(self, allowed) -> "DecisionForm":
        """Show only the decisions the workflow allows now. Call it after validation: a stale
        page may still post another decision, and the service, not the form, refuses it."""
        self.fields["decision"].choices = [
            choice for choice in self.fields["decision"].choices if choice[0] in allowed
        ]
        return self

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == Interest.Status.DECLINED
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Give a reason for declining."))
        return cleaned
