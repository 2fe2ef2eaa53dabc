"""Reference data in the admin: read-only where the official files are the source."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Area, Country, Organisation


class ReferenceDataAdmin(admin.ModelAdmin):
    """Rows come from `puentes load_reference_data`: not added or deleted by hand."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Country)
class CountryAdmin(ReferenceDataAdmin):
    list_display = ["display_name", "code", "region", "time_zone"]
    list_filter = ["region"]
    search_fields = ["code", "names"]

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("name"), ordering="code")
    def display_name(self, obj):
        return obj.name


@admin.register(Area)
class AreaAdmin(ReferenceDataAdmin):
    list_display = ["name", "code", "kind", "country", "parent"]
    list_filter = ["country", "kind"]
    search_fields = ["name", "code"]
    list_select_related = ["country", "parent"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(ReferenceDataAdmin):
    """Coordinators decide who can join and keep the website; the rest is official data."""

    # A website typed without a scheme is taken to be https, as Django 6 will do.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    list_display = ["name", "code", "kind", "country", "area", "can_join"]
    list_filter = ["country", "kind", "can_join"]
    search_fields = ["name", "other_names", "code"]
    list_select_related = ["country", "area"]
    fields = [
        "name",
        "other_names",
        "code",
        "kind",
        "country",
        "area",
        "lat",
        "lon",
        "website",
        "can_join",
    ]
    readonly_fields = ["name", "other_names", "code", "kind", "country", "area", "lat", "lon"]
