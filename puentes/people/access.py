"""Who may reach which page. Views declare their audience with these decorators."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def coordinator_required(view):
    """Coordinators only; the MFA middleware also stops coordinators without TOTP."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_coordinator or request.user.is_superuser):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.coordinator_page = True
    return wrapper


def user_needs_mfa_setup(user) -> bool:
    if not settings.PUENTES_COORDINATOR_MFA_REQUIRED or not user.is_authenticated:
        return False
    if not (user.is_coordinator or user.is_superuser):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def acts_as_coordinator(user) -> bool:
    """A coordinator's powers need the second factor: without TOTP a coordinator is treated
    like anyone else (the MFA middleware sends them to set it up on coordinator pages)."""
    if not user.is_authenticated:
        return False
    if not (user.is_coordinator or user.is_superuser):
        return False
    return not user_needs_mfa_setup(user)
