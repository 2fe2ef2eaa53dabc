"""Online meetings in the admin, read only: they are sent from the planner, with their mail,
and a sent invitation cannot be taken back by editing a row."""

from django.contrib import admin

from puentes.core.admin_readonly import ReadOnlyAdminMixin

from .models import Meeting, MeetingInvitee


class MeetingInviteeInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = MeetingInvitee
    fields = ["person", "time_zone", "language", "message"]
    readonly_fields = fields
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "partnership", "start_at", "end_at", "sent_at"]
    list_select_related = ["partnership__swedish_organisation", "partnership__latin_organisation"]
    search_fields = ["title"]
    date_hierarchy = "start_at"
    readonly_fields = [field.name for field in Meeting._meta.fields]
    inlines = [MeetingInviteeInline]
