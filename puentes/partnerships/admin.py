"""Partnerships in the admin, with their members.

A partnership is created only by confirming a match (services.partnership_create), so adding
and deleting are refused here; the shared statement is edited in the workspace, where stale
saves are caught. Coordinators set the mentor and the area of cooperation, and add or remove
members; a change of phase goes through phases.partnership_change_phase, as in the workspace
(one step at a time, a reason to go back, recorded in the partnership's activity).

The people app's permission backend lists the apps it opens to coordinators; until
"partnerships" is among them, these admins grant coordinators their rights themselves.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import TranslatedField, TranslatedTextModelForm, language_field_name

from .models import Partnership, PartnershipMember
from .phases import REASON_MAX, PhaseReasonMissing, check_phase_step, partnership_change_phase
from .services import PartnershipError

AREA_MAX = 200  # one line on the public list


class PartnershipForm(TranslatedTextModelForm):
    translated_fields = (
        TranslatedField("areas_of_cooperation", _("area of cooperation"), max_length=AREA_MAX),
    )

    phase_reason = forms.CharField(
        label=_("reason for the change of phase"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to move the partnership back a phase."),
    )

    class Meta:
        model = Partnership
        fields = ["phase", "mentor", "themes"]

    def clean(self):
        data = super().clean()
        old, new = self.initial.get("phase"), data.get("phase")
        if old and new and new != old:
            try:
                data["phase_reason"] = check_phase_step(old, new, data.get("phase_reason"))
            except PhaseReasonMissing as error:
                self.add_error("phase_reason", error.message)
            except PartnershipError as error:
                self.add_error("phase", error.message)
        return data


class PartnershipMemberInline(admin.TabularInline):
    model = PartnershipMember
    extra = 0
    fields = ["person", "side", "invited_at", "joined_at"]
    autocomplete_fields = ["person"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    """Coordinators view and change; partnerships are made by confirming a match and are
    never deleted here."""

    form = PartnershipForm
    list_display = ["__str__", "call", "phase", "mentor", "is_demo"]
    list_filter = ["call", "phase", "is_demo"]
    list_select_related = ["swedish_organisation", "latin_organisation", "call", "mentor"]
    search_fields = ["swedish_organisation__name", "latin_organisation__name"]
    autocomplete_fields = ["mentor"]
    filter_horizontal = ["themes"]
    inlines = [PartnershipMemberInline]
    fields = [
        "call",
        "swedish_organisation",
        "latin_organisation",
        "interest",
        "seeking_profile",
        "phase",
        "phase_reason",
        "mentor",
        "themes",
        *[language_field_name("areas_of_cooperation", code) for code, _n in settings.LANGUAGES],
        "challenge_statements",
        "challenge_language",
        "version",
        "match_score",
        "match_reasons",
        "confirmed_by",
        "confirmed_at",
        "is_demo",
    ]
    readonly_fields = [
        "call",
        "swedish_organisation",
        "latin_organisation",
        "interest",
        "seeking_profile",
        "challenge_statements",
        "challenge_language",
        "version",
        "match_score",
        "match_reasons",
        "confirmed_by",
        "confirmed_at",
        "is_demo",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        new_phase = obj.phase
        obj.phase = form.initial.get("phase", new_phase)
        super().save_model(request, obj, form, change)
        if new_phase != obj.phase:
            changed = partnership_change_phase(
                partnership=obj,
                phase=new_phase,
                reason=form.cleaned_data.get("phase_reason", ""),
                by=request.user,
                now=timezone.now(),
            )
            obj.phase = changed.phase
