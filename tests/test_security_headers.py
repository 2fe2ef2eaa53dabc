"""Security headers, cookies, session timeouts, the admin's path and error pages.

The production tests import config.settings.prod itself and apply its values to this test
run (all but the database, file storage, mail and password hashing), then ask over HTTPS for
the production host, so what is checked is what production sends.
"""

import importlib
import importlib.util
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import path

import config.urls
from puentes.people.session_timeout import LAST_SEEN_AT, STARTED_AT
from puentes.people.tests.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    NetworkRoleFactory,
)

pytestmark = pytest.mark.django_db

HOST = "puentes.example.org"
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
NOT_FROM_PRODUCTION = {"DATABASES", "STORAGES", "PASSWORD_HASHERS", "MEDIA_ROOT", "CACHES"}
INTERNALS = "internal detail: SELECT secret FROM vault"


def boom(request):
    raise RuntimeError(INTERNALS)


# This module is also a root URLconf: the site plus a view that fails.
urlpatterns = [path("boom/", boom), *config.urls.urlpatterns]


@pytest.fixture
def production(settings, monkeypatch):
    """This test run configured as production is (see the module's docstring)."""
    monkeypatch.setenv("SECRET_KEY", "p" * 20 + "-production-secret-key-for-this-test-0123456789")
    sys.modules.pop("config.settings.prod", None)
    prod = importlib.import_module("config.settings.prod")
    sys.modules.pop("config.settings.prod", None)
    for name in dir(prod):
        if name.isupper() and name not in NOT_FROM_PRODUCTION and not name.startswith("EMAIL_"):
            setattr(settings, name, getattr(prod, name))
    # base.py, imported before this test, read ALLOWED_HOSTS from the environment then.
    settings.ALLOWED_HOSTS = [HOST]
    return settings


def policy(response):
    """The Content-Security-Policy header as {directive: sources} (its order is not fixed)."""
    directives = (
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return {name: sources for name, sources in directives}


def https_client(**kwargs):
    return Client(HTTP_HOST=HOST, **kwargs)


def test_production_responses_carry_every_security_header(production):
    response = https_client().get("/en/accounts/login/", secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert policy(response) == CSP
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_production_sends_plain_http_to_https(production):
    response = https_client().get("/en/accounts/login/")

    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/en/accounts/login/"


def test_production_cookies_are_host_prefixed_secure_httponly_and_same_site(production):
    user = MembershipFactory().person.user
    client = https_client()

    client.get("/en/accounts/login/", secure=True)
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD}, secure=True
    )

    assert response.status_code == 302, response.content.decode()[:500]
    for name in ("__Host-sessionid", "__Host-csrftoken"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name
        assert cookie["path"] == "/", name
        assert cookie["domain"] == "", name
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_the_content_security_policy_is_sent_outside_production_too(client):
    response = client.get("/en/")

    assert policy(response) == CSP


def test_the_api_documentation_has_no_inline_script(client):
    page = client.get("/api/v1/docs/")
    script = client.get("/api/v1/docs/?script=")

    html = page.content.decode()
    assert "<script>" not in html and "<style" not in html
    assert 'src="/api/v1/docs/?script="' in html
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle(" in script.content.decode()


def sign_in_and_visit(client, user):
    client.force_login(user)
    response = client.get("/en/")
    assert response.status_code == 200
    return client.session[LAST_SEEN_AT]


def move_back(client, minutes, key=LAST_SEEN_AT):
    session = client.session
    session[key] -= minutes * 60
    session.save()


def test_a_coordinator_is_signed_out_after_30_idle_minutes(client):
    coordinator = NetworkRoleFactory().person.user
    sign_in_and_visit(client, coordinator)
    move_back(client, 31)

    response = client.get("/en/account/", follow=True)

    assert response.redirect_chain[0] == ("/en/accounts/login/?next=/en/account/", 302)
    assert "_auth_user_id" not in client.session
    assert "You have been signed out because the session was idle" in response.content.decode()


def test_a_coordinator_idle_for_29_minutes_stays_signed_in(client):
    coordinator = NetworkRoleFactory().person.user
    sign_in_and_visit(client, coordinator)
    move_back(client, 29)

    response = client.get("/en/")

    assert response.status_code == 200
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_a_member_idle_for_31_minutes_stays_signed_in_but_not_after_8_hours(client):
    member = MembershipFactory().person.user
    sign_in_and_visit(client, member)
    move_back(client, 31)

    assert client.get("/en/").status_code == 200
    assert client.session["_auth_user_id"] == str(member.pk)

    move_back(client, 8 * 60)
    response = client.get("/en/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_session_ends_at_its_maximum_age_however_active(client, settings):
    member = MembershipFactory().person.user
    sign_in_and_visit(client, member)
    move_back(client, settings.SESSION_COOKIE_AGE // 60 + 1, key=STARTED_AT)

    response = client.get("/en/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_activity_is_written_to_the_session_at_most_once_a_minute(client, settings):
    settings.PUENTES_SESSION_TOUCH_SECONDS = 60
    member = MembershipFactory().person.user
    first_seen = sign_in_and_visit(client, member)

    client.get("/en/")
    assert client.session[LAST_SEEN_AT] == first_seen

    move_back(client, 2)
    client.get("/en/")
    assert client.session[LAST_SEEN_AT] > first_seen - 2 * 60


@pytest.fixture
def admin_at(settings):
    """admin_at("backstage/"): the site's URLconf rebuilt with the admin at that path."""
    names = []

    def build(admin_path):
        settings.PUENTES_ADMIN_PATH = admin_path
        name = f"tests._urls_admin_at_{len(names)}"
        spec = importlib.util.spec_from_file_location(name, Path(config.urls.__file__))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        names.append(name)
        settings.ROOT_URLCONF = name

    yield build
    for name in names:
        sys.modules.pop(name, None)


def test_the_admin_answers_at_the_configured_path_only(admin_at, client):
    admin_at("backstage-7f3a/")

    moved = client.get("/backstage-7f3a/")
    old = client.get("/admin/")

    assert moved.status_code == 302
    assert "next=/backstage-7f3a/" in moved["Location"]
    assert old.status_code == 404


def test_a_server_error_in_production_shows_no_internals(production):
    production.ROOT_URLCONF = __name__
    client = https_client(raise_request_exception=False)

    response = client.get("/boom/", secure=True)

    body = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in body
    for internal in (INTERNALS, "RuntimeError", "Traceback", "boom", production.SECRET_KEY):
        assert internal not in body
    assert policy(response) == CSP


def test_not_found_and_bad_request_in_production_show_no_internals(production):
    not_found = https_client().get("/en/no-such-page/", secure=True)
    bad_host = Client(HTTP_HOST="evil.example").get("/en/", secure=True)

    assert not_found.status_code == 404
    assert "Page not found" in not_found.content.decode()
    for internal in ("URLconf", "config.urls", "Traceback", "Django"):
        assert internal not in not_found.content.decode()
    assert bad_host.status_code == 400
    assert "evil.example" not in bad_host.content.decode()
    assert "ALLOWED_HOSTS" not in bad_host.content.decode()
