from django.urls import path

from . import views

app_name = "exports"

urlpatterns = [
    path("coordination/exports/", views.exports_page, name="index"),
    path("coordination/exports/import/", views.import_upload, name="import"),
    path("coordination/exports/import/confirm/", views.import_confirm, name="import_confirm"),
]
