from django.urls import path

from . import views

app_name = "statements"

urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("accessibility/thanks/", views.feedback_sent, name="feedback_sent"),
    path("cookies/", views.cookies, name="cookies"),
]
