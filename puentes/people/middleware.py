from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .access import user_needs_mfa_setup


class CoordinatorMFAMiddleware:
    """Sends a coordinator without TOTP to set it up before any coordinator page or the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        is_admin = getattr(request.resolver_match, "app_name", None) == "admin"
        if not (is_admin or getattr(view_func, "coordinator_page", False)):
            return None
        if user_needs_mfa_setup(request.user):
            messages.warning(
                request,
                _("Coordinators must set up two-factor authentication before they continue."),
            )
            return redirect("mfa_activate_totp")
        return None
