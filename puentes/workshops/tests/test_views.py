"""The public pages, the registration form, "my registrations" and cancelling, per role."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from puentes.people.tests.factories import MembershipFactory, PersonFactory, UserFactory
from puentes.workshops.models import Registration

from .factories import AgendaSessionFactory, RegistrationFactory, WorkshopFactory, at

Status = Registration.Status


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"workshops:{name}", kwargs=kwargs)


@pytest.fixture
def open_workshop(partnership):
    """Open for registration today, held in two months in Bogotá."""
    now = timezone.now()
    start = (now + datetime.timedelta(days=60)).replace(microsecond=0)
    return WorkshopFactory(
        call=partnership.call,
        start_at=start,
        end_at=start + datetime.timedelta(days=2),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=30),
        capacity=1,
    )


def test_the_public_list_shows_coming_and_past_workshops_but_no_drafts(client, db):
    coming = WorkshopFactory(
        start_at=timezone.now() + datetime.timedelta(days=10),
        end_at=timezone.now() + datetime.timedelta(days=11),
    )
    past = WorkshopFactory()
    draft = WorkshopFactory(state="draft")

    page = client.get(url("workshop_list")).content.decode()

    assert coming.titles["sv"] in page and past.titles["sv"] in page
    assert draft.titles["sv"] not in page
    assert page.index(coming.titles["sv"]) < page.index(past.titles["sv"])


def test_times_are_shown_in_local_time_and_labelled_swedish_time(client, db):
    workshop = WorkshopFactory(start_at=at(2024, 3, 12, 9), end_at=at(2024, 3, 12, 17))

    page = client.get(url("workshop_detail", pk=workshop.pk)).content.decode()

    assert "Bogotá" in page
    assert "12 mars 2024 09:00" in page  # Bogotá, UTC−5
    assert "12 mars 2024 15:00" in page  # Stockholm, UTC+1 in March
    assert "UTC-0500" in page and "UTC+0100" in page


def test_the_viewer_may_choose_guatemalan_time(client, db):
    workshop = WorkshopFactory(start_at=at(2024, 3, 12, 9), end_at=at(2024, 3, 12, 17))

    page = client.get(
        url("workshop_detail", "es", pk=workshop.pk), {"zone": "America/Guatemala"}
    ).content.decode()

    assert "12 de marzo de 2024 a las 08:00" in page or "12 de marzo de 2024 08:00" in page
    assert "UTC-0600" in page
    assert "UTC+0100" not in page


def test_an_unknown_zone_falls_back_to_swedish_time(client, db):
    workshop = WorkshopFactory(start_at=at(2024, 3, 12, 9), end_at=at(2024, 3, 12, 17))

    response = client.get(url("workshop_detail", pk=workshop.pk), {"zone": "Mars/Olympus"})

    assert response.status_code == 200
    assert "UTC+0100" in response.content.decode()


def test_the_agenda_shows_each_session_with_its_language_and_interpretation(client, db):
    session = AgendaSessionFactory(titles={"sv": "Välkommen", "es": "Bienvenida"})

    page = client.get(url("workshop_detail", "es", pk=session.workshop.pk)).content.decode()

    assert "Bienvenida" in page
    assert "09:00–10:00" in page


def test_a_draft_is_404_for_the_public_and_members_and_shown_to_coordinators(
    client, swedish_member, coordinator
):
    draft = WorkshopFactory(state="draft")

    assert client.get(url("workshop_detail", pk=draft.pk)).status_code == 404
    client.force_login(swedish_member.user)
    assert client.get(url("workshop_detail", pk=draft.pk)).status_code == 404
    client.force_login(coordinator)
    assert client.get(url("workshop_detail", pk=draft.pk)).status_code == 200


def test_registering_needs_an_account(client, open_workshop):
    response = client.get(url("registration_new", pk=open_workshop.pk))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_member_registers_and_is_sent_to_their_registrations(
    client, swedish_member, open_workshop
):
    client.force_login(swedish_member.user)
    form = client.get(url("registration_new", pk=open_workshop.pk)).content.decode()
    assert 'name="dietary_needs"' in form

    response = client.post(
        url("registration_new", pk=open_workshop.pk),
        {
            "person": swedish_member.pk,
            "arrival_date": open_workshop.start_at.date().isoformat(),
            "departure_date": open_workshop.end_at.date().isoformat(),
            "dietary_needs": "Vegan",
            "interpretation_language": "sv",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url("my_registrations")
    registration = Registration.objects.get()
    assert (registration.person, registration.status) == (swedish_member, Status.REGISTERED)
    assert registration.dietary_needs == "Vegan"
    page = client.get(url("my_registrations")).content.decode()
    assert open_workshop.titles["sv"] in page


def test_the_next_registration_of_a_full_workshop_is_told_it_is_waitlisted(
    client, swedish_member, open_workshop
):
    RegistrationFactory(workshop=open_workshop)
    client.force_login(swedish_member.user)

    response = client.post(
        url("registration_new", pk=open_workshop.pk), {"person": swedish_member.pk}, follow=True
    )

    assert Registration.objects.get(person=swedish_member).status == Status.WAITLISTED
    assert "väntelista" in response.content.decode() or "waiting list" in response.content.decode()


def test_a_member_may_choose_a_colleague_but_not_a_stranger(client, swedish_member, open_workshop):
    colleague = MembershipFactory(
        organisation=swedish_member.memberships.get().organisation,
        person=PersonFactory(name="Jonas Ek"),
    ).person
    stranger = PersonFactory(name="Someone Else")
    client.force_login(swedish_member.user)

    form = client.get(url("registration_new", pk=open_workshop.pk)).content.decode()
    assert "Jonas Ek" in form and "Someone Else" not in form

    refused = client.post(url("registration_new", pk=open_workshop.pk), {"person": stranger.pk})
    assert refused.status_code == 400
    assert 'class="error-summary"' in refused.content.decode()

    client.post(url("registration_new", pk=open_workshop.pk), {"person": colleague.pk})
    registration = Registration.objects.get()
    assert registration.person == colleague and registration.registered_by == swedish_member.user


def test_form_errors_are_summarised_and_nothing_is_saved(client, swedish_member, open_workshop):
    client.force_login(swedish_member.user)

    response = client.post(
        url("registration_new", pk=open_workshop.pk),
        {
            "person": swedish_member.pk,
            "arrival_date": "2099-01-10",
            "departure_date": "2099-01-01",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_departure_date"' in page and 'href="#id_arrival_date"' in page
    assert not Registration.objects.exists()


def test_registering_twice_shows_an_error(client, swedish_member, open_workshop):
    RegistrationFactory(workshop=open_workshop, person=swedish_member)
    client.force_login(swedish_member.user)

    response = client.post(
        url("registration_new", pk=open_workshop.pk), {"person": swedish_member.pk}
    )

    assert response.status_code == 400
    assert Registration.objects.count() == 1


def test_a_closed_workshop_says_registration_is_not_open(client, swedish_member, workshop):
    client.force_login(swedish_member.user)

    response = client.get(url("registration_new", pk=workshop.pk))
    posted = client.post(url("registration_new", pk=workshop.pk), {"person": swedish_member.pk})

    assert response.status_code == posted.status_code == 200
    assert 'name="person"' not in response.content.decode()
    assert not Registration.objects.exists()


def test_an_account_without_a_person_cannot_register(client, open_workshop):
    client.force_login(UserFactory())

    response = client.get(url("registration_new", pk=open_workshop.pk))

    assert response.status_code == 200
    assert 'name="person"' not in response.content.decode()


def test_the_person_cancels_and_the_first_waiting_gets_the_place(
    client, swedish_member, open_workshop
):
    mine = RegistrationFactory(workshop=open_workshop, person=swedish_member)
    waiting = RegistrationFactory(workshop=open_workshop, status=Status.WAITLISTED)
    client.force_login(swedish_member.user)

    confirm = client.get(url("registration_cancel", pk=mine.pk))
    response = client.post(url("registration_cancel", pk=mine.pk))

    assert confirm.status_code == 200
    assert response.status_code == 302
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert (mine.status, waiting.status) == (Status.CANCELLED, Status.REGISTERED)


def test_someone_elses_registration_is_404_to_a_member_and_open_to_a_coordinator(
    client, swedish_member, open_workshop, coordinator
):
    others = RegistrationFactory(workshop=open_workshop)

    client.force_login(swedish_member.user)
    assert client.get(url("registration_cancel", pk=others.pk)).status_code == 404
    assert client.post(url("registration_cancel", pk=others.pk)).status_code == 404
    others.refresh_from_db()
    assert others.status == Status.REGISTERED

    client.force_login(coordinator)
    response = client.post(url("registration_cancel", pk=others.pk), {"next": "registrations"})
    assert response["Location"] == url("workshop_registrations", pk=open_workshop.pk)


def test_cancelling_what_was_attended_shows_an_error(client, swedish_member, workshop):
    attended = RegistrationFactory(workshop=workshop, person=swedish_member, status="attended")
    client.force_login(swedish_member.user)

    response = client.post(url("registration_cancel", pk=attended.pk))

    assert response.status_code == 400
    attended.refresh_from_db()
    assert attended.status == Status.ATTENDED


def test_my_registrations_lists_mine_and_those_i_made_but_not_others(
    client, swedish_member, partnership
):
    colleague = PersonFactory(name="Jonas Ek")
    RegistrationFactory(person=swedish_member, workshop__call=partnership.call)
    RegistrationFactory(
        person=colleague, registered_by=swedish_member.user, workshop__call=partnership.call
    )
    RegistrationFactory(person=PersonFactory(name="Not Mine"))
    client.force_login(swedish_member.user)

    page = client.get(url("my_registrations")).content.decode()

    assert "Anna Berg" in page and "Jonas Ek" in page and "Not Mine" not in page


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_public_list_costs_the_same_queries_whatever_its_length(client, db):
    WorkshopFactory()
    few = queries(client, url("workshop_list"))
    for workshop in WorkshopFactory.create_batch(8):
        RegistrationFactory.create_batch(2, workshop=workshop)

    assert queries(client, url("workshop_list")) == few


def test_my_registrations_costs_the_same_queries_whatever_its_length(client, swedish_member):
    RegistrationFactory(person=swedish_member)
    client.force_login(swedish_member.user)
    few = queries(client, url("my_registrations"))
    for workshop in WorkshopFactory.create_batch(8):
        RegistrationFactory(workshop=workshop, person=swedish_member)
        RegistrationFactory(workshop=workshop, registered_by=swedish_member.user)

    page = client.get(url("my_registrations")).content.decode()
    assert page.count('class="card"') == 17
    assert queries(client, url("my_registrations")) == few
