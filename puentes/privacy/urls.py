from django.urls import path

from . import views, views_erasure

app_name = "privacy"

# Pages of the privacy app: the person's own data, consents and erasure.
urlpatterns: list = [
    path("", views.overview, name="overview"),
    path("consents/new/", views.consent_new, name="consent_new"),
    path(
        "consents/<int:pk>/withdraw/",
        views.consent_withdraw_confirm,
        name="consent_withdraw",
    ),
    path("data/", views.my_data, name="data"),
    path("data.json", views.my_data_json, name="data_json"),
    path("erase/", views_erasure.erasure, name="erasure"),
    path("erase/done/", views_erasure.erasure_done, name="erasure_done"),
]
