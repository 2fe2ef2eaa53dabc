"""The mail a registration sends: a place with the workshop's calendar file attached, a turn
on the waiting list, a place from the waiting list; each in the recipient's language."""

import datetime

import icalendar
import pytest
from django.utils import translation

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import links_in, text_of
from puentes.people.tests.factories import PersonFactory
from puentes.workshops.models import Registration
from puentes.workshops.services import (
    RegistrationClosed,
    registration_cancel,
    registration_create,
)

from .factories import RegistrationFactory, WorkshopFactory

BASE_URL = "https://puentes.example"
Status = Registration.Status


def in_language(code, message, **values):
    """`message` as the catalogue of `code` has it, before and after the lead translates."""
    with translation.override(code):
        text = translation.gettext(message)
    return text % values if values else text


def register(workshop, person, now, by=None):
    return registration_create(
        workshop=workshop,
        person=person,
        details={},
        by=by or person.user,
        now=now,
        base_url=BASE_URL,
    )


def test_a_place_is_confirmed_over_smtp_in_swedish_with_both_clocks_and_the_ics_attached(
    workshop, swedish_member, now, smtp_server
):
    # Given a workshop in Bogotá from 09:00 local time on 12 March 2024
    # When a Swedish speaker registers and the outbox is delivered
    register(workshop, swedish_member, now)
    mail_deliver_due(now=now)

    # Then a mail in Swedish arrives, with the local time and the Swedish time labelled
    (received,) = smtp_server.wait_for(1)
    assert received["To"] == swedish_member.email
    assert received["Content-Language"] == "sv"
    assert workshop.titles["sv"] in received["Subject"]
    body = text_of(received)
    assert in_language("sv", "Hello %(name)s,", name="Anna Berg") in body
    local = in_language("sv", "Local time in %(city)s", city="Bogotá")
    swedish = in_language("sv", "Swedish time")
    assert f"{local}: 12 mars 2024 09:00" in body
    assert f"{swedish}: 12 mars 2024 15:00" in body
    assert f"{BASE_URL}/sv/workshops/{workshop.pk}/" in links_in(received)

    # And the workshop's calendar file is attached, in Bogotá time, with its link
    (attachment,) = list(received.iter_attachments())
    assert attachment.get_filename() == "workshop.ics"
    assert attachment.get_content_type() == "text/calendar"
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert event["dtstart"].params["TZID"] == "America/Bogota"
    assert start.utcoffset() == datetime.timedelta(hours=-5)
    assert start == workshop.start_at
    assert start.astimezone(datetime.UTC) == datetime.datetime(2024, 3, 12, 14, tzinfo=datetime.UTC)
    assert str(event["summary"]) == workshop.titles["sv"]
    assert str(event["url"]) == f"{BASE_URL}/sv/workshops/{workshop.pk}/"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "America/Bogota"


def test_registering_a_colleague_mails_the_colleague_in_spanish_and_not_the_registrant(
    workshop, swedish_member, latin_member, now
):
    # When the Swedish member registers their Guatemalan colleague
    registration = register(workshop, latin_member, now, by=swedish_member.user)

    # Then only the colleague is mailed, in Spanish, with the calendar file in Spanish
    (message,) = OutboxMessage.objects.all()
    assert message.to_address == latin_member.email != swedish_member.email
    assert message.language == "es"
    assert message.kind == "workshop_confirmed"
    assert message.object_id == str(registration.pk)
    assert workshop.titles["es"] in message.subject
    assert in_language("es", "Hello %(name)s,", name="María Tzul") in message.body_text
    assert "12 de marzo de 2024 a las 09:00" in message.body_text
    assert f"{BASE_URL}/es/workshops/{workshop.pk}/" in message.body_text
    (attachment,) = message.attachments.all()
    (event,) = icalendar.Calendar.from_ical(bytes(attachment.content)).walk("VEVENT")
    assert str(event["summary"]) == workshop.titles["es"]


def test_a_workshop_in_swedish_time_shows_one_clock(partnership, swedish_member, now):
    # Given an online workshop organised in Swedish time
    workshop = WorkshopFactory(
        call=partnership.call,
        is_online=True,
        time_zone="Europe/Stockholm",
        start_at=datetime.datetime(2024, 3, 12, 8, tzinfo=datetime.UTC),
        end_at=datetime.datetime(2024, 3, 12, 16, tzinfo=datetime.UTC),
    )

    # When a member registers, then the mail gives its time once
    register(workshop, swedish_member, now)

    body = OutboxMessage.objects.get().body_text
    assert "12 mars 2024 09:00" in body
    assert in_language("sv", "Swedish time") + ":" not in body


def test_the_waiting_list_gets_a_short_mail_without_a_calendar_file(
    partnership, swedish_member, latin_member, now
):
    # Given a workshop whose one place is taken
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    RegistrationFactory(workshop=workshop, status=Status.REGISTERED)

    # When a Spanish speaker registers
    registration = register(workshop, latin_member, now, by=swedish_member.user)

    # Then they are told in Spanish that they are on the waiting list, with no .ics
    assert registration.status == Status.WAITLISTED
    (message,) = OutboxMessage.objects.all()
    assert (message.to_address, message.language) == (latin_member.email, "es")
    assert message.kind == "workshop_waitlisted"
    assert not message.attachments.exists()
    assert f"{BASE_URL}/es/workshops/mine/" in message.body_text


def test_a_place_from_the_waiting_list_is_mailed_with_the_calendar_file(
    partnership, swedish_member, now
):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    holder = register(workshop, swedish_member, now)
    waiting = RegistrationFactory(
        workshop=workshop,
        status=Status.WAITLISTED,
        person=PersonFactory(name="Lucía Pérez", preferred_language="es"),
    )

    registration_cancel(registration=holder, by=swedish_member.user, now=now, base_url=BASE_URL)

    message = OutboxMessage.objects.get(kind="workshop_promoted")
    assert (message.to_address, message.language) == (waiting.person.email, "es")
    assert "12 de marzo de 2024 a las 09:00" in message.body_text
    (attachment,) = message.attachments.all()
    assert attachment.filename == "workshop.ics"
    (event,) = icalendar.Calendar.from_ical(bytes(attachment.content)).walk("VEVENT")
    assert event.decoded("dtstart") == workshop.start_at


def test_a_refused_registration_queues_no_mail(workshop, swedish_member):
    closed = datetime.datetime(2024, 3, 2, tzinfo=datetime.UTC)

    with pytest.raises(RegistrationClosed):
        register(workshop, swedish_member, closed)

    assert not OutboxMessage.objects.exists()
