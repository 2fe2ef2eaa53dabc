from urllib.parse import urlencode

from django.contrib.admin import AdminSite
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PuentesAdminSite(AdminSite):
    """Admin for the network secretariat: coordinators (and superusers) only."""

    site_header = _("Puentes administration")
    site_title = _("Puentes")
    index_title = _("Network data")

    def has_permission(self, request):
        user = request.user
        return bool(
            user.is_active and (user.is_superuser or getattr(user, "is_coordinator", False))
        )

    def login(self, request, extra_context=None):
        """Everyone signs in through allauth, so that its two-factor step is never skipped."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        query = urlencode({REDIRECT_FIELD_NAME: next_url})
        return redirect(f"{reverse('account_login')}?{query}")
