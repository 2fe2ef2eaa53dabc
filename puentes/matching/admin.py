"""Matching in the admin: a call's weights and balance are set here; pair rulings are made
on the matching board (and may be corrected here)."""

from django.contrib import admin

from .models import MatchConstraint, MatchSettings


@admin.register(MatchSettings)
class MatchSettingsAdmin(admin.ModelAdmin):
    list_display = ["call", "weights", "balance", "updated_at"]
    list_select_related = ["call__network"]
    raw_id_fields = ["call"]


@admin.register(MatchConstraint)
class MatchConstraintAdmin(admin.ModelAdmin):
    list_display = ["call", "interest", "seeking_profile", "kind", "created_by", "created_at"]
    list_filter = ["kind"]
    list_select_related = [
        "call__network",
        "interest__organisation",
        "seeking_profile__organisation",
        "created_by",
    ]
    raw_id_fields = ["call", "interest", "seeking_profile", "created_by"]
