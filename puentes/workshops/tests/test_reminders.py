"""Reminders before a workshop: at the chosen days, once each, only the nearest one when
runs were missed, only to people with a place at a workshop that takes place; the command."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from puentes.core.audit import describe, entries_for
from puentes.core.models import OutboxMessage
from puentes.workshops import activity
from puentes.workshops.models import Registration, Workshop, WorkshopReminder
from puentes.workshops.reminders import reminder_due, workshop_reminders_send

from .factories import RegistrationFactory, WorkshopFactory

BASE_URL = "https://puentes.example"
Status = Registration.Status
# The default workshop starts on 2024-03-12 at 09:00 in Bogotá, 14:00 UTC.
START = datetime.datetime(2024, 3, 12, 14, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def run(now):
    return workshop_reminders_send(now=now, base_url=BASE_URL)


def reminders():
    return sorted(
        (reminder.registration.person.name, reminder.days)
        for reminder in WorkshopReminder.objects.select_related("registration__person")
    )


@pytest.fixture
def registered(workshop, swedish_member, latin_member):
    """Anna (Swedish) and María (Spanish) have a place at the Bogotá workshop."""
    return {
        "sv": RegistrationFactory(workshop=workshop, person=swedish_member),
        "es": RegistrationFactory(workshop=workshop, person=latin_member),
    }


def test_the_setting_asks_for_reminders_a_week_and_a_day_before(settings):
    assert settings.PUENTES_WORKSHOP_REMINDER_DAYS == (7, 1)


def test_the_nearest_reminder_due_is_chosen():
    assert reminder_due(START, START - 7 * DAY - datetime.timedelta(seconds=1)) is None
    assert reminder_due(START, START - 7 * DAY) == 7
    assert reminder_due(START, START - 2 * DAY) == 7
    assert reminder_due(START, START - DAY) == 1
    assert reminder_due(START, START - datetime.timedelta(minutes=1)) == 1
    assert reminder_due(START, START) is None


def test_nothing_is_sent_before_the_first_reminder(registered):
    assert run(START - 7 * DAY - datetime.timedelta(minutes=1)) == 0
    assert not OutboxMessage.objects.exists()


def test_a_week_before_each_registered_person_is_reminded_in_their_language(registered, workshop):
    # When the command runs when the workshop starts within 7 days
    assert run(START - 7 * DAY) == 2

    # Then Anna gets it in Swedish and María in Spanish, with the times and an absolute link
    mails = {message.language: message for message in OutboxMessage.objects.all()}
    assert set(mails) == {"sv", "es"}
    assert mails["sv"].to_address == registered["sv"].person.email
    assert mails["es"].to_address == registered["es"].person.email
    assert {message.kind for message in mails.values()} == {"workshop_reminder"}
    assert workshop.titles["sv"] in mails["sv"].subject
    assert workshop.titles["es"] in mails["es"].subject
    assert "12 mars 2024 09:00" in mails["sv"].body_text
    assert "12 mars 2024 15:00" in mails["sv"].body_text  # Swedish time
    assert "12 de marzo de 2024 a las 09:00" in mails["es"].body_text
    assert f"{BASE_URL}/sv/workshops/{workshop.pk}/" in mails["sv"].body_text
    assert f"{BASE_URL}/es/workshops/{workshop.pk}/" in mails["es"].body_text
    assert not mails["sv"].attachments.exists()
    assert reminders() == [("Anna Berg", 7), ("María Tzul", 7)]


def test_each_reminder_is_on_the_workshops_timeline(registered, workshop):
    run(START - 7 * DAY)

    entries = [entry for entry in entries_for(workshop) if entry.action == activity.REMINDED]
    assert len(entries) == 2
    with translation.override("en"):
        sentences = {describe(entry).sentence for entry in entries}
    assert "Anna Berg was reminded of Bogotá, 2024-03-12, 7 day(s) before." in sentences


def test_no_reminder_is_sent_twice_and_the_day_before_comes_on_its_day(registered):
    run(START - 7 * DAY)

    # When the command runs every hour after that
    assert run(START - 7 * DAY + datetime.timedelta(hours=1)) == 0
    assert run(START - 2 * DAY) == 0
    assert run(START - DAY - datetime.timedelta(seconds=1)) == 0

    # Then the next reminder comes when the workshop starts within a day, once
    assert run(START - DAY) == 2
    assert run(START - DAY + datetime.timedelta(hours=1)) == 0
    assert reminders() == [("Anna Berg", 1), ("Anna Berg", 7), ("María Tzul", 1), ("María Tzul", 7)]
    assert OutboxMessage.objects.count() == 4


def test_a_missed_reminder_is_not_sent_late_when_a_nearer_one_is_due(registered):
    # Given the command did not run during the week before the workshop
    # When it runs 12 hours before the start
    assert run(START - datetime.timedelta(hours=12)) == 2

    # Then only the day-before reminder is sent, and the week-before one never
    assert reminders() == [("Anna Berg", 1), ("María Tzul", 1)]
    assert run(START - datetime.timedelta(hours=11)) == 0


def test_nothing_is_sent_once_the_workshop_has_started(registered):
    assert run(START) == 0
    assert run(START + DAY) == 0


def test_the_waitlisted_and_the_cancelled_are_not_reminded(workshop, swedish_member, latin_member):
    RegistrationFactory(workshop=workshop, person=swedish_member, status=Status.WAITLISTED)
    RegistrationFactory(workshop=workshop, person=latin_member, status=Status.CANCELLED)

    assert run(START - DAY) == 0
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    "state", [Workshop.State.CANCELLED, Workshop.State.HELD, Workshop.State.DRAFT]
)
def test_nobody_is_reminded_of_a_workshop_that_does_not_take_place_as_planned(
    registered, workshop, state
):
    Workshop.objects.filter(pk=workshop.pk).update(state=state)

    assert run(START - DAY) == 0
    assert not WorkshopReminder.objects.exists()


def test_a_closed_workshop_is_reminded(registered, workshop):
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CLOSED)

    assert run(START - DAY) == 2


def test_the_database_refuses_the_same_reminder_twice(registered):
    WorkshopReminder.objects.create(registration=registered["sv"], days=7, sent_at=START)

    with pytest.raises(IntegrityError), transaction.atomic():
        WorkshopReminder.objects.create(registration=registered["sv"], days=7, sent_at=START)


def test_the_command_sends_the_due_reminders_once_with_links_to_the_given_site(
    partnership, swedish_member
):
    # Given a workshop that starts in three days, for which Anna has a place
    start = timezone.now() + 3 * DAY
    workshop = WorkshopFactory(
        call=partnership.call,
        start_at=start,
        end_at=start + DAY,
        registration_opens_at=start - 60 * DAY,
        registration_closes_at=start - 10 * DAY,
    )
    RegistrationFactory(workshop=workshop, person=swedish_member)

    # When the command runs twice
    first, second = StringIO(), StringIO()
    call_command("workshop_reminders", "--base-url", "https://site.example", stdout=first)
    call_command("workshop_reminders", "--base-url", "https://site.example", stdout=second)

    # Then the week-before reminder is queued once, with links to that site
    assert first.getvalue().strip() == "1 workshop reminder(s) queued."
    assert second.getvalue().strip() == "0 workshop reminder(s) queued."
    message = OutboxMessage.objects.get()
    assert f"https://site.example/sv/workshops/{workshop.pk}/" in message.body_text


def test_the_command_uses_the_site_setting_and_refuses_a_bad_address(
    partnership, swedish_member, settings
):
    settings.PUENTES_SITE_URL = "https://from-settings.example"
    start = timezone.now() + datetime.timedelta(hours=5)
    workshop = WorkshopFactory(
        call=partnership.call,
        start_at=start,
        end_at=start + DAY,
        registration_opens_at=start - 60 * DAY,
        registration_closes_at=start - 10 * DAY,
    )
    RegistrationFactory(workshop=workshop, person=swedish_member)

    with pytest.raises(CommandError):
        call_command("workshop_reminders", "--base-url", "not a url", stdout=StringIO())
    assert not OutboxMessage.objects.exists()

    call_command("workshop_reminders", stdout=StringIO())
    message = OutboxMessage.objects.get()
    assert f"https://from-settings.example/sv/workshops/{workshop.pk}/" in message.body_text
    assert WorkshopReminder.objects.get().days == 1
