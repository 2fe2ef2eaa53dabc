"""Workshops in the admin: coordinators plan them, with their agenda, their texts edited one
language at a time. Registrations are handled on the workshop pages, where the places and
the waiting list are kept by the services, so they are not edited here."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import TranslatedField, TranslatedTextModelForm
from puentes.networks.admin import TranslatedSearchMixin, language_fields

from .models import AgendaSession, Registration, Workshop


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
        (None, {"fields": ["call", "slug", "state"]}),
        (_("Title"), {"fields": language_fields("titles")}),
        (_("Description"), {"fields": language_fields("descriptions")}),
        (_("Place"), {"fields": ["is_online", "city", "country", "time_zone"]}),
        (_("Time"), {"fields": ["start_at", "end_at"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "capacity",
                    "capacity_per_partnership",
                    "registration_opens_at",
                    "registration_closes_at",
                ]
            },
        ),
        (None, {"fields": ["is_demo"]}),
    ]

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
