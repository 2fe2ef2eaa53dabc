"""Plans in the admin, read only: coordinators look things up here; the plan is edited in
the partnership's workspace, where a stale save is caught (see locking.py)."""

from django.contrib import admin

from puentes.core.admin_readonly import ReadOnlyAdminMixin

from .models import Activity, Assumption, Indicator, IndicatorValue, Outcome, Output, Plan


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "goal_language", "version", "updated_at"]
    list_select_related = ["partnership__swedish_organisation", "partnership__latin_organisation"]
    search_fields = [
        "partnership__swedish_organisation__name",
        "partnership__latin_organisation__name",
    ]


@admin.register(Outcome, Assumption)
class PlanTextAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "plan", "position", "language", "version"]
    list_select_related = [
        "plan__partnership__swedish_organisation",
        "plan__partnership__latin_organisation",
    ]
    search_fields = ["texts"]


@admin.register(Output)
class OutputAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "outcome", "position", "language", "version"]
    list_select_related = ["outcome"]
    search_fields = ["texts"]


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "output", "start_date", "end_date", "responsible", "version"]
    list_filter = ["responsible"]
    list_select_related = ["output"]
    search_fields = ["texts"]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "outcome", "output", "counts_people", "baseline", "target"]
    list_filter = ["counts_people"]
    list_select_related = ["outcome", "output"]
    search_fields = ["texts"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "period", "value", "women", "men", "other", "version"]
    list_select_related = ["indicator", "period"]
