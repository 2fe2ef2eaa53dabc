"""The coordinators' review of expressions of interest (under /<lang>/coordination/recruitment/)."""

from django.urls import path

from . import views_review as views

app_name = "review"

# The interest patterns come first: "interests/12/" would otherwise read as a network and call.
urlpatterns = [
    path("interests/<int:pk>/", views.interest_detail, name="interest_detail"),
    path("interests/<int:pk>/start-review/", views.start_review, name="start_review"),
    path("interests/<int:pk>/decide/", views.decide, name="decide"),
    path("<slug:network_slug>/<slug:call_slug>/", views.queue, name="queue"),
    path("<slug:network_slug>/<slug:call_slug>/export.csv", views.export_csv, name="export_csv"),
    path("<slug:network_slug>/<slug:call_slug>/export.xlsx", views.export_xlsx, name="export_xlsx"),
]
