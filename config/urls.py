from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from puentes.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # /admin/ unless PUENTES_ADMIN_PATH moves it (production may hide it from scanners).
    path(settings.PUENTES_ADMIN_PATH, admin.site.urls),
    path("api/v1/", include("puentes.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("puentes.networks.urls")),
    path("account/", include("puentes.people.urls")),
    path("coordination/mail/", include("puentes.core.urls")),
    path("coordination/recruitment/", include("puentes.recruitment.urls_review")),
    path("coordination/matching/", include("puentes.matching.urls")),
    path("", include("puentes.recruitment.urls_interest")),
    path("", include("puentes.recruitment.urls_catalogue")),
    path("accounts/", include("allauth.urls")),
    path("partnerships/", include("puentes.partnerships.urls")),
    path("partnerships/", include("puentes.plans.urls")),
    path("partnerships/", include("puentes.reports.urls")),
    path("partnerships/", include("puentes.documents.urls")),
    path("partnerships/", include("puentes.meetings.urls")),
    path("workshops/", include("puentes.workshops.urls")),
    path("", include("puentes.dashboards.urls")),
    path("", include("puentes.maps.urls")),
    path("", include("puentes.exports.urls")),
    path("", include("puentes.statements.urls")),
    path("account/privacy/", include("puentes.privacy.urls")),
    prefix_default_language=True,
)
