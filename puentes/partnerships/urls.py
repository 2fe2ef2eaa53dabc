from django.urls import path

from . import views, views_invitations

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="partnership_list"),
    path("mine/", views.my_partnerships, name="my_partnerships"),
    path("<int:pk>/", views.partnership_detail, name="partnership_detail"),
    path("<int:pk>/statement/", views.statement_edit, name="statement_edit"),
    path("<int:pk>/invite/", views_invitations.invitation_create, name="invitation_create"),
    path(
        "invitations/<str:token>/",
        views_invitations.invitation_accept_view,
        name="invitation_accept",
    ),
]
