"""Matching in the admin: a call's weights and balance are set here; pair rulings are made
on the matching board (and may be corrected here)."""

from django.contrib import admin

from .models import MatchConstraint, MatchSettings


class CoordinatorsManage:
    """Coordinators manage matching data. The people app's permission backend lists the apps
    it opens to them; until "matching" is among them, these admins say so themselves."""

    def _coordinator(self, request) -> bool:
        user = request.user
        return bool(user.is_active and (user.is_superuser or user.is_coordinator))

    def has_module_permission(self, request):
        return self._coordinator(request)

    def has_view_permission(self, request, obj=None):
        return self._coordinator(request)

    def has_add_permission(self, request):
        return self._coordinator(request)

    def has_change_permission(self, request, obj=None):
        return self._coordinator(request)

    def has_delete_permission(self, request, obj=None):
        return self._coordinator(request)


@admin.register(MatchSettings)
class MatchSettingsAdmin(CoordinatorsManage, admin.ModelAdmin):
    list_display = ["call", "weights", "balance", "updated_at"]
    list_select_related = ["call__network"]
    raw_id_fields = ["call"]


@admin.register(MatchConstraint)
class MatchConstraintAdmin(CoordinatorsManage, admin.ModelAdmin):
    list_display = ["call", "interest", "seeking_profile", "kind", "created_by", "created_at"]
    list_filter = ["kind"]
    list_select_related = [
        "call__network",
        "interest__organisation",
        "seeking_profile__organisation",
        "created_by",
    ]
    raw_id_fields = ["call", "interest", "seeking_profile", "created_by"]
