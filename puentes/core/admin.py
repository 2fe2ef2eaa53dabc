"""Outgoing e-mail and the audit trail in the admin: read only, for looking things up;
retries are made on the coordinators' outbox page (core:outbox)."""

from django.contrib import admin

from .admin_readonly import ReadOnlyAdminMixin
from .models import AuditEntry, OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["to_address", "subject", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["to_address", "subject", "message_id", "object_id"]
    date_hierarchy = "created_at"
    list_select_related = ["content_type"]
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body_text", "body_html")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "action", "actor", "target_type", "target_id"]
    list_filter = ["action", "target_type"]
    search_fields = ["action", "target_id", "scope_id"]
    date_hierarchy = "at"
    list_select_related = ["actor", "target_type"]
    readonly_fields = [field.name for field in AuditEntry._meta.fields]
