from django.urls import path

from . import views_interest as views

app_name = "interests"

urlpatterns = [
    path(
        "networks/<slug:network_slug>/calls/<slug:call_slug>/interest/new/",
        views.interest_new,
        name="interest_new",
    ),
    path("account/interests/", views.my_interests, name="my_interests"),
    path("account/interests/<int:pk>/", views.interest_detail, name="interest_detail"),
    path("account/interests/<int:pk>/edit/", views.interest_edit, name="interest_edit"),
    path(
        "account/interests/<int:pk>/withdraw/",
        views.interest_withdraw_confirm,
        name="interest_withdraw",
    ),
    path("privacy/", views.privacy_notice, name="privacy_notice"),
    path(
        "privacy/versions/<str:version>/",
        views.privacy_notice,
        name="privacy_notice_version",
    ),
]
