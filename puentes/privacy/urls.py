from django.urls import path

app_name = "privacy"

# Pages of the privacy app: the person's own data, consents and erasure.
urlpatterns: list = []
