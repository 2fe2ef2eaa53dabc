from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="partnership_list"),
    path("mine/", views.my_partnerships, name="my_partnerships"),
    path("<int:pk>/", views.partnership_detail, name="partnership_detail"),
    path("<int:pk>/statement/", views.statement_edit, name="statement_edit"),
]
