from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("", views.home, name="home"),
    path("networks/<slug:slug>/", views.network_detail, name="network_detail"),
    path(
        "networks/<slug:network_slug>/calls/<slug:call_slug>/",
        views.call_detail,
        name="call_detail",
    ),
    path("coordination/", views.coordination_home, name="coordination_home"),
]
