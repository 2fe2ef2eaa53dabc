from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("<int:pk>/meetings/", views.meeting_list, name="meeting_list"),
    path("<int:pk>/meetings/plan/", views.plan, name="plan"),
    path("<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("<int:pk>/meetings/my-hours/", views.working_hours_edit, name="working_hours"),
    path("<int:pk>/meetings/<int:meeting_pk>/", views.meeting_detail, name="meeting_detail"),
]
