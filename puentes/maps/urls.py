from django.urls import path

from . import views

app_name = "maps"

urlpatterns = [
    path("networks/<slug:slug>/map/", views.network_map, name="network_map"),
]
