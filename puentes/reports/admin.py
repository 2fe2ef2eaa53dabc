"""Progress reports in the admin: read only, for looking things up. Reports are written,
signed off and reopened in the partnership's workspace, where the rules and the audit trail
apply; reminders are sent by `puentes report_reminders`."""

from django.contrib import admin

from puentes.core.admin_readonly import ReadOnlyAdminMixin

from .models import ProgressReport, ReportReminder, ReportSignOff


class ReportSignOffInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ReportSignOff
    extra = 0
    fields = ["side", "signed_by", "signed_at", "version"]
    readonly_fields = fields


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["partnership", "period", "status", "version", "text_saved_at", "submitted_at"]
    list_filter = ["status", "period__call"]
    list_select_related = [
        "partnership__swedish_organisation",
        "partnership__latin_organisation",
        "period",
    ]
    search_fields = [
        "partnership__swedish_organisation__name",
        "partnership__latin_organisation__name",
    ]
    readonly_fields = [field.name for field in ProgressReport._meta.fields]
    inlines = [ReportSignOffInline]


@admin.register(ReportReminder)
class ReportReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["partnership", "period", "kind", "recipients", "sent_at"]
    list_filter = ["kind", "period__call"]
    list_select_related = [
        "partnership__swedish_organisation",
        "partnership__latin_organisation",
        "period",
    ]
    date_hierarchy = "sent_at"
    readonly_fields = [field.name for field in ReportReminder._meta.fields]
