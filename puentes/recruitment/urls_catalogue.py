"""The catalogue of municipalities seeking a partner, per call, and its review by coordinators."""

from django.urls import path

from . import views_catalogue as views

app_name = "catalogue"

CALL = "networks/<slug:network_slug>/calls/<slug:call_slug>/seeking/"
REVIEW = "coordination/seeking/<slug:network_slug>/<slug:call_slug>/"

urlpatterns = [
    path(CALL, views.catalogue, name="list"),
    path(f"{CALL}new/", views.profile_new, name="new"),
    path(f"{CALL}<int:pk>/", views.profile_detail, name="detail"),
    path(f"{CALL}<int:pk>/sent/", views.contact_sent, name="contact_sent"),
    path(REVIEW, views.review, name="review"),
    path(f"{REVIEW}<int:pk>/", views.review_profile, name="review_profile"),
    path(f"{REVIEW}<int:pk>/decide/", views.review_decide, name="decide"),
]
