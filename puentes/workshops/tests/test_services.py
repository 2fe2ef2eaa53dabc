"""Registering, the waiting list, cancelling with promotion, and check-in marks."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from puentes.core.audit import entries_for
from puentes.core.mail import mail_deliver_due
from puentes.core.models import AuditEntry, OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.people.tests.factories import MembershipFactory, PersonFactory
from puentes.workshops import activity
from puentes.workshops.models import Registration
from puentes.workshops.services import (
    AlreadyRegistered,
    CannotCancel,
    CannotMark,
    NotYourColleague,
    RegistrationClosed,
    WorkshopError,
    calendar_feed_renew,
    registration_cancel,
    registration_create,
    registration_mark,
)

from .factories import RegistrationFactory, WorkshopFactory

BASE_URL = "https://puentes.example"
Status = Registration.Status


def register(workshop, person, now, by=None, **details):
    return registration_create(
        workshop=workshop,
        person=person,
        details=details,
        by=by or person.user,
        now=now,
        base_url=BASE_URL,
    )


def test_a_member_registers_themselves_with_travel_and_needs_and_the_partnership_is_noted(
    workshop, swedish_member, partnership, now
):
    registration = register(
        workshop,
        swedish_member,
        now,
        arrival_date=datetime.date(2024, 3, 11),
        departure_date=datetime.date(2024, 3, 15),
        needs_visa_letter=False,
        dietary_needs="Vegetarian",
        interpretation_language="sv",
    )

    assert registration.status == Status.REGISTERED
    assert registration.partnership == partnership
    assert registration.organisation == partnership.swedish_organisation
    assert registration.registered_by == swedish_member.user
    assert registration.dietary_needs == "Vegetarian"
    assert registration.arrival_date == datetime.date(2024, 3, 11)


def test_registering_is_recorded_on_the_workshop_and_on_the_partnership(
    workshop, swedish_member, partnership, now
):
    register(workshop, swedish_member, now)

    (on_workshop,) = entries_for(workshop)
    (on_partnership,) = entries_for(partnership)
    assert on_workshop.action == on_partnership.action == activity.REGISTERED
    assert on_workshop.data["name"] == "Anna Berg"
    assert on_workshop.actor == swedish_member.user


def test_a_latin_american_member_takes_part_for_their_side(
    workshop, latin_member, partnership, now
):
    latin_member.user.person = latin_member

    registration = register(workshop, latin_member, now)

    assert registration.organisation == partnership.latin_organisation


def test_a_member_registers_a_colleague_of_their_municipality(workshop, swedish_member, now):
    colleague = MembershipFactory(organisation=swedish_member.memberships.get().organisation).person

    registration = register(workshop, colleague, now, by=swedish_member.user)

    assert registration.person == colleague
    assert registration.registered_by == swedish_member.user


def test_a_member_registers_a_member_of_the_partner_side(
    workshop, swedish_member, latin_member, now
):
    registration = register(workshop, latin_member, now, by=swedish_member.user)

    assert registration.person == latin_member


def test_registering_a_stranger_is_refused_and_leaves_nothing(workshop, swedish_member, now):
    stranger = PersonFactory()

    with pytest.raises(NotYourColleague):
        register(workshop, stranger, now, by=swedish_member.user)

    assert not Registration.objects.exists()
    assert not AuditEntry.objects.exists()


def test_registering_outside_the_window_is_refused(workshop, swedish_member):
    for when in (
        datetime.datetime(2023, 12, 31, 12, tzinfo=datetime.UTC),
        datetime.datetime(2024, 3, 2, 12, tzinfo=datetime.UTC),
    ):
        with pytest.raises(RegistrationClosed):
            register(workshop, swedish_member, when)
    assert not Registration.objects.exists()


def test_registering_for_a_draft_workshop_is_refused(partnership, swedish_member, now):
    draft = WorkshopFactory(call=partnership.call, state="draft")

    with pytest.raises(RegistrationClosed):
        register(draft, swedish_member, now)


def test_a_person_registers_only_once_per_workshop(workshop, swedish_member, now):
    register(workshop, swedish_member, now)

    with pytest.raises(AlreadyRegistered):
        register(workshop, swedish_member, now)

    assert Registration.objects.count() == 1


def test_the_database_refuses_a_second_active_registration_of_a_person(workshop, swedish_member):
    RegistrationFactory(workshop=workshop, person=swedish_member)

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(workshop=workshop, person=swedish_member, status=Status.WAITLISTED)


def test_after_cancelling_a_person_may_register_again(workshop, swedish_member, now):
    first = register(workshop, swedish_member, now)
    registration_cancel(registration=first, by=swedish_member.user, now=now, base_url=BASE_URL)

    again = register(workshop, swedish_member, now)

    assert again.status == Status.REGISTERED
    assert Registration.objects.filter(person=swedish_member).count() == 2


def test_when_the_places_are_taken_the_next_person_is_waitlisted(partnership, swedish_member, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=2)
    RegistrationFactory.create_batch(2, workshop=workshop)

    registration = register(workshop, swedish_member, now)

    assert registration.status == Status.WAITLISTED
    assert entries_for(workshop).get().action == activity.WAITLISTED


def test_cancelled_and_waitlisted_registrations_take_no_place(partnership, swedish_member, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    RegistrationFactory(workshop=workshop, status=Status.CANCELLED)
    RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)

    assert register(workshop, swedish_member, now).status == Status.REGISTERED


def test_the_places_per_partnership_are_respected(partnership, swedish_member, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=10, capacity_per_partnership=1)
    colleague = MembershipFactory(organisation=partnership.swedish_organisation).person
    outsider = PersonFactory()

    first = register(workshop, swedish_member, now)
    second = register(workshop, colleague, now, by=swedish_member.user)
    third = register(workshop, outsider, now)

    assert first.status == Status.REGISTERED
    assert second.status == Status.WAITLISTED  # the partnership's one place is taken
    assert third.status == Status.REGISTERED  # someone of no partnership is not limited


def test_cancelling_a_place_promotes_the_first_on_the_waiting_list_and_mails_them_in_spanish(
    partnership, swedish_member, now, smtp_server
):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    holder = register(workshop, swedish_member, now)
    first = RegistrationFactory(
        workshop=workshop,
        status=Status.WAITLISTED,
        person=PersonFactory(name="Lucía Pérez", preferred_language="es"),
        registered_at=now + datetime.timedelta(minutes=1),
    )
    second = RegistrationFactory(
        workshop=workshop,
        status=Status.WAITLISTED,
        registered_at=now + datetime.timedelta(minutes=2),
    )

    promoted = registration_cancel(
        registration=holder, by=swedish_member.user, now=now, base_url=BASE_URL
    )

    assert promoted == [first]
    first.refresh_from_db()
    second.refresh_from_db()
    holder.refresh_from_db()
    assert (holder.status, first.status, second.status) == (
        Status.CANCELLED,
        Status.REGISTERED,
        Status.WAITLISTED,
    )
    assert [e.action for e in entries_for(workshop)][:2] == [activity.PROMOTED, activity.CANCELLED]
    message = OutboxMessage.objects.get(kind="workshop_promoted")
    assert message.language == "es"
    assert message.to_address == first.person.email
    mail_deliver_due(now=now)
    smtp_server.wait_for(2)  # the holder's confirmation, then the promotion
    (received,) = smtp_server.messages_to(first.person.email)
    assert received["Content-Language"] == "es"
    assert workshop.titles["es"] in received["Subject"]
    body = text_of(received)
    assert f"{BASE_URL}/es/workshops/{workshop.pk}/" in body
    assert "Hola, Lucía Pérez" in body


def test_the_promotion_mail_is_in_swedish_for_a_swedish_speaker(
    partnership, swedish_member, now, coordinator
):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    holder = RegistrationFactory(workshop=workshop)
    RegistrationFactory(workshop=workshop, person=swedish_member, status=Status.WAITLISTED)

    registration_cancel(registration=holder, by=coordinator, now=now, base_url=BASE_URL)

    message = OutboxMessage.objects.get(kind="workshop_promoted")
    assert message.language == "sv"
    assert "Hej Anna Berg" in message.body_text
    assert f"{BASE_URL}/sv/workshops/mine/" in message.body_text


def test_promotion_skips_someone_whose_partnership_has_its_places(partnership, swedish_member, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=2, capacity_per_partnership=1)
    holder = RegistrationFactory(workshop=workshop)
    RegistrationFactory(workshop=workshop, person=swedish_member, partnership=partnership)
    same_partnership = RegistrationFactory(
        workshop=workshop, status=Status.WAITLISTED, partnership=partnership
    )
    other = RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)

    promoted = registration_cancel(
        registration=holder, by=holder.person.user, now=now, base_url=BASE_URL
    )

    assert promoted == [other]
    same_partnership.refresh_from_db()
    assert same_partnership.status == Status.WAITLISTED


def test_cancelling_a_turn_on_the_waiting_list_promotes_nobody(partnership, now):
    workshop = WorkshopFactory(call=partnership.call, capacity=1)
    RegistrationFactory(workshop=workshop)
    waiting = RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)
    RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)

    promoted = registration_cancel(
        registration=waiting, by=waiting.person.user, now=now, base_url=BASE_URL
    )

    assert promoted == []
    assert not OutboxMessage.objects.exists()


def test_someone_else_cannot_cancel_a_registration(workshop, swedish_member, now):
    registration = RegistrationFactory(workshop=workshop)

    with pytest.raises(NotYourColleague):
        registration_cancel(
            registration=registration, by=swedish_member.user, now=now, base_url=BASE_URL
        )

    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED


def test_whoever_registered_a_colleague_may_cancel_for_them(workshop, swedish_member, now):
    colleague = MembershipFactory(organisation=swedish_member.memberships.get().organisation).person
    registration = register(workshop, colleague, now, by=swedish_member.user)

    registration_cancel(
        registration=registration, by=swedish_member.user, now=now, base_url=BASE_URL
    )

    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_an_attended_registration_cannot_be_cancelled(workshop, now):
    registration = RegistrationFactory(workshop=workshop, status=Status.ATTENDED)

    with pytest.raises(CannotCancel):
        registration_cancel(
            registration=registration, by=registration.person.user, now=now, base_url=BASE_URL
        )


def test_a_coordinator_marks_attendance_and_may_correct_it(workshop, now, coordinator):
    registration = RegistrationFactory(workshop=workshop)

    registration_mark(registration=registration, status=Status.NO_SHOW, by=coordinator, now=now)
    marked = registration_mark(
        registration=registration, status=Status.ATTENDED, by=coordinator, now=now
    )

    assert marked.status == Status.ATTENDED
    assert [e.action for e in entries_for(workshop)] == [activity.ATTENDED, activity.NO_SHOW]


def test_a_waitlisted_registration_cannot_be_marked(workshop, now, coordinator):
    registration = RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)

    with pytest.raises(CannotMark):
        registration_mark(
            registration=registration, status=Status.ATTENDED, by=coordinator, now=now
        )


def test_only_a_coordinator_marks_attendance(workshop, now):
    registration = RegistrationFactory(workshop=workshop)

    with pytest.raises(WorkshopError):
        registration_mark(
            registration=registration,
            status=Status.ATTENDED,
            by=registration.person.user,
            now=now,
        )
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED


def test_a_new_calendar_link_replaces_the_old_one(swedish_member, now):
    first = calendar_feed_renew(person=swedish_member, by=swedish_member.user, now=now).token
    second = calendar_feed_renew(person=swedish_member, by=swedish_member.user, now=now).token

    assert first != second and len(second) >= 40
    swedish_member.workshop_calendar_feed.refresh_from_db()
    assert swedish_member.workshop_calendar_feed.token == second
    assert first not in str(AuditEntry.objects.values_list("data", flat=True))
