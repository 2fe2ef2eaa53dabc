"""The coordinator's matching board (under /<lang>/coordination/matching/)."""

from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("<slug:network_slug>/<slug:call_slug>/", views.board, name="board"),
    path(
        "<slug:network_slug>/<slug:call_slug>/rules/", views.constraint_add, name="constraint_add"
    ),
    path(
        "<slug:network_slug>/<slug:call_slug>/rules/<int:pk>/remove/",
        views.constraint_remove,
        name="constraint_remove",
    ),
    path("<slug:network_slug>/<slug:call_slug>/balance/", views.balance, name="balance"),
    path("<slug:network_slug>/<slug:call_slug>/confirm/", views.confirm, name="confirm"),
]
