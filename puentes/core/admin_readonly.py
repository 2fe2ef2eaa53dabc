"""Admin pages that show records but never change them: outbox messages, recorded workflow
steps, what applicants wrote. Changes go through the services instead."""


class ReadOnlyAdminMixin:
    """For a ModelAdmin or an inline: nothing is added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
