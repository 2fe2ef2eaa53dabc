from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.account_home, name="account_home"),
    path("gender/", views.gender, name="gender"),
]
