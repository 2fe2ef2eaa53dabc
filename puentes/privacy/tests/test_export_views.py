"""The person's data as a page and as a JSON download: only their own, never cached, and the
page costs the same queries however much there is."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from puentes.people.tests.factories import PersonFactory, UserFactory

from .test_export import give_records

pytestmark = pytest.mark.django_db

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def signed_in(client, person):
    client.force_login(person.user, backend=SIGN_IN_BACKEND)
    return person


def test_the_json_download_is_an_uncached_attachment_of_the_persons_own_data(client):
    # Given a signed-in person with records, and someone else with theirs
    person = signed_in(client, PersonFactory(user=UserFactory(), name="Pia Persson"))
    give_records(person, 1)
    give_records(PersonFactory(user=UserFactory(), name="Olle Annan"), 1)
    # When they download their data
    response = client.get(url("privacy:data_json"))
    # Then it is a JSON attachment, never stored by a cache, with their data only
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="puentes-my-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["person"][0]["name"] == "Pia Persson"
    assert data["visa_letters"][0]["passport_number"] == "AB1234567"
    assert "Olle Annan" not in response.text
    assert person.user.password not in response.text


def test_the_readable_page_shows_each_kind_of_record_with_translated_headings(client):
    person = signed_in(client, PersonFactory(user=UserFactory(), name="Pia Persson"))
    give_records(person, 1)

    english = client.get(url("privacy:data")).text
    spanish = client.get(url("privacy:data", language="es")).text

    assert "Pia Persson" in english and "Vi ses i Antigua." in english
    assert "Your workshop registrations" in english and "AB1234567" in english
    assert "no-store" in client.get(url("privacy:data"))["Cache-Control"]
    assert "Pia Persson" in spanish


def test_the_readable_page_costs_the_same_queries_for_one_or_many_records(client):
    few = PersonFactory(user=UserFactory())
    many = PersonFactory(user=UserFactory())
    give_records(few, 1)
    give_records(many, 3)

    signed_in(client, few)
    with CaptureQueriesContext(connection) as one:
        small = client.get(url("privacy:data")).text
    signed_in(client, many)
    with CaptureQueriesContext(connection) as three:
        large = client.get(url("privacy:data")).text

    assert len(three.captured_queries) == len(one.captured_queries)
    assert large.count("AB1234567") == 3 and small.count("AB1234567") == 1


def test_the_data_pages_are_for_a_signed_in_person_only(client):
    for name in ("privacy:data", "privacy:data_json"):
        response = client.get(url(name))
        assert response.status_code == 302 and "/login/" in response["Location"]

    client.force_login(UserFactory(), backend=SIGN_IN_BACKEND)
    for name in ("privacy:data", "privacy:data_json"):
        assert client.get(url(name)).status_code == 404
