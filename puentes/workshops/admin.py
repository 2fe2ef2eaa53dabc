"""Workshops in the admin: coordinators plan them, with their agenda, their texts edited one
language at a time, and their times typed and shown in the workshop's own time zone.
Registrations are handled on the workshop pages, where the places and the waiting list are
kept by the services, so they are not edited here; what a change of places or a cancellation
does to them is in admin_changes."""

import zoneinfo

from django.contrib import admin
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import TranslatedField, TranslatedTextModelForm
from puentes.networks.admin import TranslatedSearchMixin, language_fields

from . import admin_changes as changes
from .models import SWEDISH_TIME_ZONE, AgendaSession, Registration, Workshop


class WorkshopForm(TranslatedTextModelForm):
    translated_fields = (
        TranslatedField("titles", _("title"), required=True, max_length=200),
        TranslatedField("descriptions", _("description"), multiline=True),
    )

    class Meta:
        model = Workshop
        exclude = ["titles", "descriptions"]


class AgendaSessionForm(TranslatedTextModelForm):
    translated_fields = (TranslatedField("titles", _("title"), required=True, max_length=200),)

    class Meta:
        model = AgendaSession
        exclude = ["titles"]


class AgendaSessionInline(admin.StackedInline):
    model = AgendaSession
    form = AgendaSessionForm
    fields = [*language_fields("titles"), "start_at", "end_at", "language", "interpretation"]
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(TranslatedSearchMixin, admin.ModelAdmin):
    form = WorkshopForm
    list_per_page = 50  # 100 rows weighed 96 KB, at the edge of the page budget (#8)
    inlines = [AgendaSessionInline]
    list_display = [
        "display_title",
        "call",
        "start_at",
        "city",
        "state",
        "capacity",
        "places_taken",
        "is_demo",
    ]
    list_filter = ["state", "call", "is_online", "is_demo"]
    list_select_related = ["call"]
    search_fields = ["slug", "city"]
    translated_search_fields = ("titles",)
    date_hierarchy = "start_at"
    prepopulated_fields = {"slug": ["city"]}
    fieldsets = [
        (
            None,
            {
                "fields": ["call", "slug", "state"],
                "description": _(
                    "Setting the state to cancelled tells everyone registered or on the "
                    "waiting list by mail, in their language, once."
                ),
            },
        ),
        (_("Title"), {"fields": language_fields("titles")}),
        (_("Description"), {"fields": language_fields("descriptions")}),
        (_("Place"), {"fields": ["is_online", "city", "country", "time_zone"]}),
        (
            _("Time"),
            {
                "fields": ["start_at", "end_at"],
                "description": _(
                    "Times here, the agenda's and the registration window's are the "
                    "workshop's local time, in its time zone."
                ),
            },
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "capacity",
                    "capacity_per_partnership",
                    "registration_opens_at",
                    "registration_closes_at",
                ],
                "description": _(
                    "More places, more places per partnership or no limit per partnership: "
                    "the freed places go to the waiting list in its order, and each person "
                    "who gets one is told by mail. Fewer places never take a place from "
                    "anyone who has one; new registrations wait until enough places are free."
                ),
            },
        ),
        (None, {"fields": ["is_demo"]}),
    ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Django reads and shows datetimes in the active zone: make it the workshop's, and
        # render within it, so 09:00 typed for Bogotá is 09:00 in Bogotá.
        with timezone.override(self._zone(request, object_id)):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if isinstance(response, TemplateResponse):
                response.render()
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            changes.apply(request, obj, form, self.message_user)

    def _zone(self, request, object_id) -> str:
        posted = request.POST.get("time_zone", "")
        if posted in zoneinfo.available_timezones():
            return posted
        if object_id:
            saved = Workshop.objects.filter(pk=object_id).values_list("time_zone", flat=True)
            if saved.exists():
                return saved.get()
        return SWEDISH_TIME_ZONE

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                taken=Count(
                    "registrations",
                    filter=Q(registrations__status__in=Registration.PLACE_STATUSES),
                )
            )
        )

    @admin.display(description=_("title"), ordering="slug")
    def display_title(self, obj):
        return obj.title

    @admin.display(description=_("places taken"), ordering="taken")
    def places_taken(self, obj):
        return obj.taken
