"""When the database cannot be reached every page answers 503 in the visitor's language,
the API in its error shape, and /healthz too, for load balancers. The database here is a
real one that refuses: a PostgreSQL port where nothing listens, or an SQLite file in a
folder that does not exist."""

import json
import logging

import pytest
from django.db import connections
from django.db.utils import load_backend
from django.test import Client

from .servers import PASSWORD, closed_port


def refusing_settings(kind, tmp_path) -> dict:
    if kind == "postgresql":
        url = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "puentes",
            "USER": "puentes",
            "PASSWORD": PASSWORD,
            "HOST": "127.0.0.1",
            "PORT": closed_port(),
        }
    else:
        url = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "gone" / "db.sqlite3"),
        }
    return connections.configure_settings({"default": url})["default"]


@pytest.fixture(params=["postgresql", "sqlite"])
def database_down(request, tmp_path, django_db_blocker):
    """The site's default connection swapped for one to a database that refuses."""
    settings_dict = refusing_settings(request.param, tmp_path)
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    original = connections["default"]
    connections["default"] = broken
    with django_db_blocker.unblock():
        yield request.param
    broken.close()
    connections["default"] = original


def test_a_swedish_page_answers_503_in_swedish_with_a_retry_after(database_down):
    response = Client().get("/sv/networks/")

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Language"] == "sv"
    assert '<html lang="sv">' in html
    assert 'data-status="database-unavailable"' in html
    assert "Traceback" not in html and PASSWORD not in html


def test_a_spanish_page_answers_503_in_spanish(database_down):
    response = Client().get("/es/workshops/")

    assert response.status_code == 503
    assert '<html lang="es">' in response.content.decode()


def test_without_a_language_in_the_address_the_browsers_language_is_used(database_down):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="es-CO,es;q=0.9")

    assert response.status_code == 503
    assert '<html lang="es">' in response.content.decode()


def test_the_english_page_says_what_happened(database_down):
    response = Client().get("/en/")

    html = response.content.decode()
    assert "<h1>Temporarily unavailable</h1>" in html
    assert "cannot reach its database right now" in html


def test_the_api_answers_503_in_its_error_shape(database_down):
    response = Client().get("/api/v1/networks/", HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "unavailable"
    assert "base de datos" in error["message"]  # in the language the client asked for
    assert error["fields"] == {}


def test_healthz_answers_503_for_load_balancers(database_down):
    response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}


def test_a_sign_in_form_sent_while_the_database_is_down_gets_the_503(database_down):
    response = Client().post("/en/accounts/login/", {"login": "a@example.org", "password": "x"})

    assert response.status_code == 503


def test_the_failure_is_logged_once_per_request_without_the_password(database_down, caplog):
    with caplog.at_level(logging.ERROR, logger="puentes.operations"):
        Client().get("/sv/")

    (record,) = [r for r in caplog.records if r.name.startswith("puentes.operations")]
    assert "Database unreachable" in record.getMessage()
    assert "GET /sv/" in record.getMessage()
    assert PASSWORD not in caplog.text


@pytest.fixture
def database_without_tables(tmp_path, django_db_blocker):
    """A database file that opens (the connection succeeds) but whose queries all fail."""
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    settings_dict = connections.configure_settings(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(empty)}}
    )["default"]
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    original = connections["default"]
    connections["default"] = broken
    with django_db_blocker.unblock():
        yield
    broken.close()
    connections["default"] = original


def test_a_query_failing_inside_a_page_also_gives_the_503(database_without_tables):
    response = Client().get("/en/")

    assert response.status_code == 503
    assert 'data-status="database-unavailable"' in response.content.decode()


def test_a_query_failing_in_another_middleware_also_gives_the_503(database_without_tables):
    # The coordinator check reads the session before the view runs; Django turns that
    # failure into a 500 (and the test client would re-raise it), which becomes the 503.
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a" * 32

    response = client.get("/en/coordination/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert '<html lang="en">' in response.content.decode()


def test_a_page_still_answers_normally_when_the_database_is_up(db):
    assert Client().get("/en/").status_code == 200
    assert json.loads(Client().get("/healthz").content)["status"] == "ok"


def test_the_503_carries_the_same_security_headers_as_every_page(database_down, settings):
    settings.SECURE_HSTS_SECONDS = 3600

    response = Client().get("/sv/networks/", secure=True)

    assert response.status_code == 503
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=3600")
