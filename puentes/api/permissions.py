from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from puentes.people.access import acts_as_coordinator


class IsCoordinator(BasePermission):
    """Coordinators with their second factor set up. The role is checked on every request, so
    the token of someone who is no longer a coordinator stops working at once."""

    message = _("Only coordinators can use this part of the API.")

    def has_permission(self, request, view):
        return bool(request.user and acts_as_coordinator(request.user))
