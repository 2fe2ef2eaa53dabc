"""Every error, whatever raised it, answers in the one error shape."""

import logging

import pytest
from django.db import OperationalError, connections
from django.db.utils import load_backend
from django.test import Client
from rest_framework.test import APIRequestFactory

from puentes.api.errors import exception_handler
from puentes.recruitment.models import Interest
from puentes.recruitment.tests.factories import InterestFactory

from .helpers import error_of


def test_a_wrong_method_answers_405(coordinator_api):
    response = coordinator_api.get("/api/v1/interests/1/decision/")

    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"


def test_a_body_that_is_not_json_answers_415(coordinator_api, call):
    interest = InterestFactory(call=call, status=Interest.Status.IN_REVIEW)

    response = coordinator_api.client.post(
        f"/api/v1/interests/{interest.pk}/decision/",
        "decision=accepted",
        content_type="application/x-www-form-urlencoded",
        headers=coordinator_api.headers,
    )

    assert response.status_code == 415
    assert error_of(response)["code"] == "unsupported_media_type"
    interest.refresh_from_db()
    assert interest.status == Interest.Status.IN_REVIEW


def test_broken_json_answers_400(coordinator_api):
    response = coordinator_api.client.post(
        "/api/v1/indicator-values/",
        '{"indicator": ',
        content_type="application/json",
        headers=coordinator_api.headers,
    )

    assert response.status_code == 400
    assert error_of(response)["code"] == "parse_error"


def test_a_missing_field_is_named_in_fields(coordinator_api):
    response = coordinator_api.post("/api/v1/indicator-values/", {"indicator": 1})

    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"period", "expected_version"}


def test_an_unknown_address_under_the_api_answers_404_in_the_error_shape(db):
    response = Client().get("/api/v1/no-such-thing/")

    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert error_of(response)["code"] == "not_found"


def test_asking_for_anything_but_json_answers_406(api):
    response = api.get("/api/v1/networks/", Accept="text/html")

    assert response.status_code == 406
    assert error_of(response)["code"] == "not_acceptable"


def test_an_unexpected_error_answers_500_in_the_error_shape_and_is_logged(caplog):
    request = APIRequestFactory().get("/api/v1/networks/")

    with caplog.at_level(logging.ERROR, logger="puentes.api.errors"):
        response = exception_handler(RuntimeError("database on fire"), {"request": request})

    assert response.status_code == 500
    assert response.data["error"]["code"] == "server_error"
    assert "database on fire" not in str(response.data)
    assert "database on fire" in caplog.text


def test_a_database_out_of_reach_is_left_to_the_middleware_that_answers_503(db):
    """DRF would otherwise turn it into our 500 before puentes.operations could see it."""
    request = APIRequestFactory().get("/api/v1/networks/")

    assert (
        exception_handler(OperationalError("server closed the connection"), {"request": request})
        is None
    )


@pytest.fixture
def database_without_tables(tmp_path, django_db_blocker):
    """A real database whose every query fails (a file without tables), as when the
    connection is lost inside a view."""
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


def test_an_api_view_losing_its_database_answers_503_in_the_error_shape(
    database_without_tables,
):
    response = Client().get("/api/v1/networks/")

    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert error_of(response)["code"] == "unavailable"
