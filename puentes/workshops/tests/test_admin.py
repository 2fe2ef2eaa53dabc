"""Coordinators plan workshops in the admin: texts one language at a time, an agenda inline,
and the database's rules turned into form errors."""

from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from puentes.people.tests.factories import reference_country
from puentes.workshops.models import Workshop

from .factories import WorkshopFactory

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@pytest.fixture
def admin_client(client, coordinator):
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)
    return client


def workshop_data(call, country, **changes):
    data = {
        "call": call.pk,
        "slug": "bogota-2025",
        "state": "open",
        "titles_sv": "Workshop i Bogotá",
        "titles_es": "Taller en Bogotá",
        "city": "Bogotá",
        "country": country.pk,
        "time_zone": "America/Bogota",
        "start_at_0": "2025-03-11",
        "start_at_1": "09:00:00",
        "end_at_0": "2025-03-13",
        "end_at_1": "17:00:00",
        "capacity": "40",
        "registration_opens_at_0": "2025-01-10",
        "registration_opens_at_1": "00:00:00",
        "registration_closes_at_0": "2025-02-20",
        "registration_closes_at_1": "00:00:00",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-titles_es": "Bienvenida",
        "sessions-0-start_at_0": "2025-03-11",
        "sessions-0-start_at_1": "09:00:00",
        "sessions-0-end_at_0": "2025-03-11",
        "sessions-0-end_at_1": "10:00:00",
        "sessions-0-language": "es",
        "sessions-0-interpretation": "sv-es",
    }
    data.update(changes)
    return data


def test_a_coordinator_plans_a_workshop_with_its_agenda(admin_client, partnership):
    response = admin_client.post(
        reverse("admin:workshops_workshop_add"),
        workshop_data(partnership.call, reference_country("CO")),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    workshop = Workshop.objects.get()
    assert workshop.titles == {"sv": "Workshop i Bogotá", "es": "Taller en Bogotá"}
    # Times are typed in the workshop's own zone: 09:00 in Bogotá is 15:00 in Stockholm.
    assert workshop.start_at.astimezone(workshop.zone).hour == 9
    assert workshop.start_at.astimezone(ZoneInfo("Europe/Stockholm")).hour == 15
    session = workshop.sessions.get()
    assert session.titles == {"es": "Bienvenida"}
    assert session.start_at.astimezone(workshop.zone).hour == 9


def test_the_change_page_shows_the_times_in_the_workshops_zone(admin_client, db):
    workshop = WorkshopFactory()  # 09:00 in Bogotá

    response = admin_client.get(reverse("admin:workshops_workshop_change", args=[workshop.pk]))

    assert 'name="start_at_1" value="09:00:00"' in response.content.decode()


def test_an_unknown_time_zone_and_a_place_missing_are_form_errors(admin_client, partnership):
    response = admin_client.post(
        reverse("admin:workshops_workshop_add"),
        workshop_data(partnership.call, reference_country("CO"), time_zone="Bogota", city=""),
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "time_zone" in errors
    assert "workshop_online_or_placed" in str(errors) or errors.get("__all__")
    assert not Workshop.objects.exists()


def test_the_admin_lists_workshops_with_places_taken(admin_client, db):
    WorkshopFactory.create_batch(3)

    response = admin_client.get(reverse("admin:workshops_workshop_changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
