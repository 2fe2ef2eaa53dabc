from django.contrib.auth.backends import BaseBackend

# The apps whose data the network secretariat manages in the admin.
COORDINATOR_APP_LABELS = {
    "core",
    "places",
    "people",
    "networks",
    "recruitment",
    "partnerships",
    "matching",
    "plans",
    "reports",
    "documents",
    "meetings",
    "workshops",
    "exports",
    "account",
    "mfa",
    "privacy",
}


class CoordinatorPermissionBackend(BaseBackend):
    """Coordinators may manage every Puentes model; nobody is given rights by a staff flag."""

    def _applies(self, user_obj) -> bool:
        return bool(user_obj.is_active and getattr(user_obj, "is_coordinator", False))

    def has_perm(self, user_obj, perm, obj=None):
        return self._applies(user_obj) and perm.split(".", 1)[0] in COORDINATOR_APP_LABELS

    def has_module_perms(self, user_obj, app_label):
        return self._applies(user_obj) and app_label in COORDINATOR_APP_LABELS
