"""Partnerships in the admin, with their members.

A partnership is created only by confirming a match (services.partnership_create), so adding
and deleting are refused here; the shared statement is edited in the workspace, where stale
saves are caught. Coordinators set the mentor, the phase and the area of cooperation, and
add or remove members.

The people app's permission backend lists the apps it opens to coordinators; until
"partnerships" is among them, these admins grant coordinators their rights themselves.
"""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import TranslatedField, TranslatedTextModelForm, language_field_name

from .models import Partnership, PartnershipMember

AREA_MAX = 200  # one line on the public list


class PartnershipForm(TranslatedTextModelForm):
    translated_fields = (
        TranslatedField("areas_of_cooperation", _("area of cooperation"), max_length=AREA_MAX),
    )

    class Meta:
        model = Partnership
        fields = ["phase", "mentor", "themes"]


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
