from django.contrib.admin import apps as admin_apps


class PuentesAdminConfig(admin_apps.AdminConfig):
    """The Django admin, opened to coordinators rather than to staff flags."""

    default_site = "puentes.core.admin_site.PuentesAdminSite"
