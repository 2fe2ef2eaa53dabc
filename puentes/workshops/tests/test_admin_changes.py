"""A coordinator's changes to a workshop move its waiting list: more places go to the waiting
list in its order, fewer places take no place from anyone, and a cancellation is announced
to everyone registered or waiting, once, in their language."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from puentes.core.audit import entries_for
from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.people.tests.factories import PersonFactory
from puentes.workshops import activity
from puentes.workshops import admin_changes as changes
from puentes.workshops.models import Registration, Workshop
from puentes.workshops.services import WorkshopError, waitlist_fill, workshop_cancellation_tell

from .factories import OPEN_NOW, RegistrationFactory, WorkshopFactory
from .test_admin import SIGN_IN_BACKEND, workshop_data

BASE_URL = "https://puentes.example"
Status = Registration.Status


def in_language(code, message, **values):
    """`message` as the catalogue of `code` has it, before and after the lead translates."""
    with translation.override(code):
        text = translation.gettext(message)
    return text % values if values else text


def waiting(workshop, minutes, **fields):
    """A turn on the waiting list taken `minutes` after the registration window's `now`."""
    return RegistrationFactory(
        workshop=workshop,
        status=Status.WAITLISTED,
        registered_at=OPEN_NOW + datetime.timedelta(minutes=minutes),
        **fields,
    )


def statuses(*registrations):
    for registration in registrations:
        registration.refresh_from_db()
    return [registration.status for registration in registrations]


def change(workshop, **fields):
    """What the admin's form does before it calls the services: save the new values."""
    Workshop.objects.filter(pk=workshop.pk).update(**fields)
    workshop.refresh_from_db()
    return workshop


def test_more_places_go_to_exactly_that_many_on_the_waiting_list_in_its_order(
    partnership, coordinator, now
):
    # Given a full workshop of 2 places and 4 people waiting, created out of their order
    workshop = WorkshopFactory(call=partnership.call, capacity=2)
    RegistrationFactory.create_batch(2, workshop=workshop)
    third = waiting(workshop, 30)
    first = waiting(workshop, 10)
    fourth = waiting(workshop, 40)
    second = waiting(workshop, 20)

    # When a coordinator raises the places to 4
    promoted = waitlist_fill(
        change(workshop, capacity=4), by=coordinator, now=now, base_url=BASE_URL
    )

    # Then the two who waited longest have them, and only they are told
    assert promoted == [first, second]
    assert statuses(first, second, third, fourth) == [
        Status.REGISTERED,
        Status.REGISTERED,
        Status.WAITLISTED,
        Status.WAITLISTED,
    ]
    mails = OutboxMessage.objects.filter(kind="workshop_promoted")
    assert sorted(mails.values_list("to_address", flat=True)) == sorted(
        [first.person.email, second.person.email]
    )
    filled = entries_for(workshop).get(action=activity.WAITLIST_FILLED)
    assert filled.actor == coordinator
    assert filled.data["count"] == 2
    assert entries_for(workshop).filter(action=activity.PROMOTED).count() == 2


def test_more_places_per_partnership_still_hold_the_limit_and_removing_it_frees_the_rest(
    partnership, coordinator, now
):
    # Given 10 places, 1 per partnership: the partnership's place is taken, two of it wait
    workshop = WorkshopFactory(call=partnership.call, capacity=10, capacity_per_partnership=1)
    RegistrationFactory(workshop=workshop, partnership=partnership)
    earlier = waiting(workshop, 10, partnership=partnership)
    later = waiting(workshop, 20, partnership=partnership)

    # When the limit becomes 2, then is removed
    first_fill = waitlist_fill(
        change(workshop, capacity_per_partnership=2), by=coordinator, now=now, base_url=BASE_URL
    )
    assert first_fill == [earlier]
    assert statuses(later) == [Status.WAITLISTED]
    second_fill = waitlist_fill(
        change(workshop, capacity_per_partnership=None), by=coordinator, now=now, base_url=BASE_URL
    )

    # Then the one left waiting has a place too
    assert second_fill == [later]
    assert statuses(earlier, later) == [Status.REGISTERED, Status.REGISTERED]


def test_promotion_after_more_places_is_mailed_in_each_recipients_language(
    partnership, coordinator, now, smtp_server
):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    RegistrationFactory(workshop=workshop)
    lucia = waiting(workshop, 10, person=PersonFactory(name="Lucía Pérez", preferred_language="es"))
    anna = waiting(workshop, 20, person=PersonFactory(name="Anna Berg", preferred_language="sv"))

    waitlist_fill(change(workshop, capacity=3), by=coordinator, now=now, base_url=BASE_URL)
    mail_deliver_due(now=now)

    smtp_server.wait_for(2)
    (to_lucia,) = smtp_server.messages_to(lucia.person.email)
    (to_anna,) = smtp_server.messages_to(anna.person.email)
    assert to_lucia["Content-Language"] == "es"
    assert workshop.titles["es"] in to_lucia["Subject"]
    assert in_language("es", "Hello %(name)s,", name="Lucía Pérez") in text_of(to_lucia)
    assert to_anna["Content-Language"] == "sv"
    assert workshop.titles["sv"] in to_anna["Subject"]
    assert f"{BASE_URL}/sv/workshops/{workshop.pk}/" in text_of(to_anna)


def test_fewer_places_keep_everyone_who_has_one(partnership, coordinator, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=3)
    holders = RegistrationFactory.create_batch(3, workshop=workshop)
    waiter = waiting(workshop, 10)

    promoted = waitlist_fill(
        change(workshop, capacity=1), by=coordinator, now=now, base_url=BASE_URL
    )

    assert promoted == []
    assert statuses(*holders, waiter) == [Status.REGISTERED] * 3 + [Status.WAITLISTED]
    assert not OutboxMessage.objects.exists()
    assert not entries_for(workshop).exists()


def test_a_held_workshop_gives_no_places_from_its_waiting_list(partnership, coordinator, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=1, state=Workshop.State.HELD)
    RegistrationFactory(workshop=workshop)
    waiter = waiting(workshop, 10)

    assert waitlist_fill(change(workshop, capacity=5), by=coordinator, now=now, base_url="/") == []
    assert statuses(waiter) == [Status.WAITLISTED]


def test_only_a_coordinator_changes_the_places(partnership, swedish_member, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    RegistrationFactory(workshop=workshop)
    waiter = waiting(workshop, 10)

    with pytest.raises(WorkshopError):
        waitlist_fill(
            change(workshop, capacity=2), by=swedish_member.user, now=now, base_url=BASE_URL
        )

    assert statuses(waiter) == [Status.WAITLISTED]


def test_a_cancelled_workshop_is_announced_once_to_each_person_in_their_language(
    partnership, coordinator, now, smtp_server
):
    # Given a Swedish speaker with a place, a Spanish speaker waiting and a cancellation
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    anna = RegistrationFactory(
        workshop=workshop,
        person=PersonFactory(name="Anna Berg", preferred_language="sv"),
        registered_at=OPEN_NOW,
    )
    lucia = waiting(workshop, 10, person=PersonFactory(name="Lucía Pérez", preferred_language="es"))
    RegistrationFactory(workshop=workshop, status=Status.CANCELLED)

    # When the workshop is cancelled and the announcement runs twice
    change(workshop, state=Workshop.State.CANCELLED)
    told = workshop_cancellation_tell(workshop, by=coordinator, now=now, base_url=BASE_URL)
    again = workshop_cancellation_tell(workshop, by=coordinator, now=now, base_url=BASE_URL)

    # Then each of the two is told once, and their registrations stay as they were
    assert told == [anna, lucia]
    assert again == []
    assert statuses(anna, lucia) == [Status.REGISTERED, Status.WAITLISTED]
    mails = OutboxMessage.objects.filter(kind="workshop_cancelled")
    assert sorted(mails.values_list("language", flat=True)) == ["es", "sv"]
    assert entries_for(workshop).filter(action=activity.CANCELLATION_TOLD).count() == 2
    assert entries_for(workshop).get(action=activity.WORKSHOP_CANCELLED).actor == coordinator

    mail_deliver_due(now=now)
    smtp_server.wait_for(2)
    (to_anna,) = smtp_server.messages_to(anna.person.email)
    (to_lucia,) = smtp_server.messages_to(lucia.person.email)
    assert to_anna["Content-Language"] == "sv"
    assert workshop.titles["sv"] in to_anna["Subject"]
    assert to_lucia["Content-Language"] == "es"
    assert in_language("es", "Hello %(name)s,", name="Lucía Pérez") in text_of(to_lucia)
    # The one with a place gets the calendar file that marks the event cancelled.
    (attachment,) = list(to_anna.iter_attachments())
    (event,) = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert not list(to_lucia.iter_attachments())


def test_announcing_a_cancellation_needs_a_cancelled_workshop(workshop, coordinator, now):
    RegistrationFactory(workshop=workshop)

    with pytest.raises(WorkshopError):
        workshop_cancellation_tell(workshop, by=coordinator, now=now, base_url=BASE_URL)

    assert not OutboxMessage.objects.exists()


# Through the admin's change form, as a coordinator signed in with TOTP.


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)
    return client


def admin_save(client, workshop, **changes):
    data = workshop_data(
        workshop.call,
        workshop.country,
        slug=workshop.slug,
        capacity=str(workshop.capacity),
        **{"sessions-TOTAL_FORMS": "0"},
    )
    data.update(changes)
    url = reverse("admin:workshops_workshop_change", args=[workshop.pk])
    response = client.post(url, data, follow=True)
    assert response.redirect_chain, response.context["adminform"].form.errors
    # The list page the admin redirects to shows (and so uses up) the messages.
    return response.wsgi_request.LANGUAGE_CODE, [
        (message.level_tag, str(message)) for message in response.context["messages"]
    ]


def said(language, message, *args):
    """What the admin says, in the language the coordinator's page was in."""
    with translation.override(language):
        return message(*args)


def test_raising_the_places_in_the_admin_promotes_and_says_how_many(
    coordinator_client, partnership
):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    RegistrationFactory(workshop=workshop)
    first = waiting(workshop, 10)
    second = waiting(workshop, 20)
    third = waiting(workshop, 30)

    language, shown = admin_save(coordinator_client, workshop, capacity="3")

    assert statuses(first, second, third) == [
        Status.REGISTERED,
        Status.REGISTERED,
        Status.WAITLISTED,
    ]
    assert OutboxMessage.objects.filter(kind="workshop_promoted").count() == 2
    assert ("success", said(language, changes._promoted_message, 2)) in shown


def test_lowering_the_places_in_the_admin_removes_nobody_and_warns(coordinator_client, partnership):
    workshop = WorkshopFactory(call=partnership.call, capacity=3)
    holders = RegistrationFactory.create_batch(3, workshop=workshop)

    language, shown = admin_save(coordinator_client, workshop, capacity="1")

    assert statuses(*holders) == [Status.REGISTERED] * 3
    assert ("warning", said(language, changes._over_message, 3, 1)) in shown


def test_cancelling_in_the_admin_tells_everyone_once(coordinator_client, partnership):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    RegistrationFactory(workshop=workshop)
    waiting(workshop, 10)

    language, shown = admin_save(coordinator_client, workshop, state="cancelled")
    workshop.refresh_from_db()
    _language, shown_again = admin_save(
        coordinator_client, workshop, state="cancelled", capacity="5"
    )

    assert workshop.state == Workshop.State.CANCELLED
    assert OutboxMessage.objects.filter(kind="workshop_cancelled").count() == 2
    assert ("success", said(language, changes._told_message, 2)) in shown
    # Saved again while cancelled: nobody is told twice, and no place changes hands.
    texts_again = [text for _level, text in shown_again]
    assert said(language, changes._told_message, 2) not in texts_again
    assert said(language, changes._promoted_message, 0) in texts_again
