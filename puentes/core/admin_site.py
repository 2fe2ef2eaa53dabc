from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _


class PuentesAdminSite(AdminSite):
    """Admin for the network secretariat: coordinators (and superusers) only."""

    site_header = _("Puentes administration")
    site_title = _("Puentes")
    index_title = _("Network data")

    def has_permission(self, request):
        user = request.user
        return bool(user.is_active and (user.is_superuser or getattr(user, "is_coordinator", False)))
