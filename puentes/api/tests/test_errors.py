"""Every error, whatever raised it, answers in the one error shape."""

import logging

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
