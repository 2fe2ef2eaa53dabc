"""The smallest Django project: one view that answers "ok", no middleware, no database.
bench.loadtest serves it beside Puentes, the same way, as the yardstick for its pages."""

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bench-minimal-view-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.minimal_settings"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
USE_TZ = True


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("ok", ok)]
