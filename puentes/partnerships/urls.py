from django.urls import path

from . import views, views_invitations, views_workspace

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="partnership_list"),
    path("mine/", views.my_partnerships, name="my_partnerships"),
    path("<int:pk>/", views.partnership_detail, name="partnership_detail"),
    path("<int:pk>/statement/", views.statement_edit, name="statement_edit"),
    path("<int:pk>/invite/", views_invitations.invitation_create, name="invitation_create"),
    path("<int:pk>/comments/", views_workspace.comment_create_view, name="comment_create"),
    path(
        "<int:pk>/comments/<int:comment_pk>/delete/",
        views_workspace.comment_delete_view,
        name="comment_delete",
    ),
    path("<int:pk>/phase/", views_workspace.phase_change_view, name="phase_change"),
    path("<int:pk>/activity/", views_workspace.partnership_activity, name="partnership_activity"),
    path(
        "invitations/<str:token>/",
        views_invitations.invitation_accept_view,
        name="invitation_accept",
    ),
]
