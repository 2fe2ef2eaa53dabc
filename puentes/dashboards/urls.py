from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("coordination/dashboard/", views.coordinator_dashboard, name="coordinator_dashboard"),
    path("coordination/dashboard/annual-report/", views.annual_report, name="annual_report"),
    path("networks/<slug:slug>/results/", views.public_results, name="public_results"),
]
