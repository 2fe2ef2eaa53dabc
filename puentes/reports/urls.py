"""A partnership's progress reports, one per reporting period of its call."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("<int:pk>/reports/", views.report_list, name="report_list"),
    path("<int:pk>/reports/<int:period_pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/reports/<int:period_pk>/edit/", views.report_edit, name="report_edit"),
    path("<int:pk>/reports/<int:period_pk>/sign/", views.report_sign_view, name="report_sign"),
    path(
        "<int:pk>/reports/<int:period_pk>/reopen/", views.report_reopen_view, name="report_reopen"
    ),
]
