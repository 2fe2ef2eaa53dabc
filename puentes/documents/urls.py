from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("<int:pk>/documents/", views.document_list, name="document_list"),
    path("<int:pk>/documents/upload/", views.document_upload_view, name="document_upload"),
    path(
        "<int:pk>/documents/<int:document_pk>/download/",
        views.document_download,
        name="document_download",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/delete/",
        views.document_delete_view,
        name="document_delete",
    ),
]
