from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("<int:pk>/retry/", views.outbox_retry, name="outbox_retry"),
]
