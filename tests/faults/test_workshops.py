"""Workshops: registering, cancelling with the waiting list moving up, telling everyone of a
cancelled workshop, check-in and calendar links keep all or nothing."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import transaction
from django.utils import timezone

from puentes.core.models import AuditEntry, OutboxMessage
from puentes.core.testing.faults import (
    InjectedWriteFailure,
    assert_all_or_nothing,
    fail_at_write,
    writes_of,
)
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.models import Person
from puentes.people.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
    reference_country,
)
from puentes.workshops.activity import REMINDED
from puentes.workshops.models import Registration, Workshop, WorkshopReminder
from puentes.workshops.reminders import workshop_reminders_send
from puentes.workshops.services import (
    calendar_feed_renew,
    registration_cancel,
    registration_create,
    registration_mark,
    waitlist_fill,
    workshop_cancellation_tell,
)
from puentes.workshops.tests.factories import OPEN_NOW, RegistrationFactory, WorkshopFactory
from puentes.workshops.tests.test_visa import PASSPORT
from puentes.workshops.visa import visa_letter_save

BASE_URL = "https://puentes.example"
Status = Registration.Status


@pytest.fixture
def partnership(db):
    return PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
    )


@pytest.fixture
def workshop(partnership):
    return WorkshopFactory(call=partnership.call, capacity=1)


@pytest.fixture
def coordinator(partnership):
    user = NetworkRoleFactory(network=partnership.call.network).person.user
    TOTP.activate(user, generate_totp_secret())
    return user


def member_of(partnership, language="es") -> Person:
    person = PersonFactory(preferred_language=language)
    PartnershipMemberFactory(
        partnership=partnership, person=person, side=PartnershipMember.Side.LATIN
    )
    return person


def fresh(workshop) -> Workshop:
    return Workshop.objects.get(pk=workshop.pk)


@pytest.mark.parametrize("place_taken", [False, True], ids=["place", "waiting list"])
def test_registering_keeps_nothing_when_any_write_fails(partnership, workshop, place_taken):
    # given a partnership member, and the only place free or already taken
    if place_taken:
        RegistrationFactory(workshop=workshop, person=PersonFactory())
    person = member_of(partnership)

    # when they register (registration, timeline of workshop and partnership, mail, calendar)
    def run():
        registration_create(
            workshop=fresh(workshop),
            person=person,
            details={},
            by=person.user,
            now=OPEN_NOW,
            base_url=BASE_URL,
        )

    # then a refused write leaves no registration, entry or mail
    assert_all_or_nothing(run, min_writes=4)


def test_cancelling_a_place_keeps_nothing_when_any_write_fails_while_the_waiting_list_moves_up(
    partnership, workshop, coordinator
):
    # given the only place taken and two people waiting
    holder = RegistrationFactory(workshop=workshop, person=member_of(partnership))
    for _ in range(2):
        RegistrationFactory(
            workshop=workshop, person=member_of(partnership), status=Status.WAITLISTED
        )

    # when the place is cancelled and the first waiting is promoted and told
    def run():
        promoted = registration_cancel(
            registration=Registration.objects.get(pk=holder.pk),
            by=coordinator,
            now=OPEN_NOW,
            base_url=BASE_URL,
        )
        assert len(promoted) == 1

    # then a refused write leaves the place with its holder and nobody promoted or told
    assert_all_or_nothing(run, min_writes=5)


def test_filling_places_from_the_waiting_list_keeps_nothing_when_any_write_fails(
    partnership, workshop, coordinator
):
    # given two people waiting and, after a coordinator's change, two more places
    for _ in range(2):
        RegistrationFactory(
            workshop=workshop, person=member_of(partnership), status=Status.WAITLISTED
        )
    Workshop.objects.filter(pk=workshop.pk).update(capacity=3)

    def run():
        assert (
            len(waitlist_fill(fresh(workshop), by=coordinator, now=OPEN_NOW, base_url=BASE_URL))
            == 2
        )

    assert_all_or_nothing(run, min_writes=5)


def test_telling_everyone_of_a_cancelled_workshop_keeps_nothing_when_any_write_fails(
    partnership, workshop, coordinator
):
    # given a cancelled workshop with one place taken and one person waiting
    RegistrationFactory(workshop=workshop, person=member_of(partnership))
    RegistrationFactory(
        workshop=workshop, person=member_of(partnership, "sv"), status=Status.WAITLISTED
    )
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CANCELLED)

    # when both are told; then a refused write tells nobody (or it would never be retold)
    def run():
        assert (
            len(
                workshop_cancellation_tell(
                    fresh(workshop), by=coordinator, now=OPEN_NOW, base_url=BASE_URL
                )
            )
            == 2
        )

    assert_all_or_nothing(run, min_writes=5)


def test_checking_in_keeps_nothing_when_any_write_fails(partnership, workshop, coordinator):
    registration = RegistrationFactory(
        workshop=workshop, person=member_of(partnership), partnership=partnership
    )

    def run():
        registration_mark(
            registration=Registration.objects.get(pk=registration.pk),
            status=Status.ATTENDED,
            by=coordinator,
            now=OPEN_NOW,
        )

    assert_all_or_nothing(run, min_writes=3)


def test_renewing_a_calendar_link_keeps_nothing_when_any_write_fails(partnership):
    person = member_of(partnership)

    def run():
        calendar_feed_renew(person=person, by=person.user, now=OPEN_NOW)

    assert_all_or_nothing(run)


def test_asking_for_a_visa_letter_keeps_nothing_when_any_write_fails(partnership):
    # given a place at a workshop in Sweden, two months ahead
    start = (timezone.now() + datetime.timedelta(days=60)).replace(microsecond=0)
    coming = WorkshopFactory(
        call=partnership.call,
        city="Stockholm",
        country=reference_country("SE"),
        time_zone="Europe/Stockholm",
        start_at=start,
        end_at=start + datetime.timedelta(days=3),
        registration_opens_at=start - datetime.timedelta(days=90),
        registration_closes_at=start - datetime.timedelta(days=10),
    )
    person = member_of(partnership)
    place = RegistrationFactory(
        workshop=coming,
        person=person,
        partnership=partnership,
        organisation=partnership.latin_organisation,
        arrival_date=coming.start_at.date() - datetime.timedelta(days=1),
        departure_date=coming.end_at.date() + datetime.timedelta(days=1),
    )

    # when the passport data is given (letter, registration marked, two timeline entries)
    def run():
        visa_letter_save(registration=place, data=PASSPORT, by=person.user, now=timezone.now())

    # then a refused write keeps no passport data
    assert_all_or_nothing(run, min_writes=4)


class _Undo(Exception):
    pass


def test_a_reminder_run_cut_short_keeps_each_reminder_whole_and_the_next_run_sends_the_rest(
    partnership, workshop
):
    # given two people with a place, a week before the workshop
    for _ in range(2):
        RegistrationFactory(workshop=workshop, person=member_of(partnership))
    week_before = workshop.start_at - datetime.timedelta(days=7)

    def run():
        return workshop_reminders_send(now=week_before, base_url=BASE_URL)

    total = len(writes_of(run))
    per_reminder = total // 2
    assert total == 2 * per_reminder >= 4

    # when the run is cut short at each write of the second reminder in turn
    for n in range(per_reminder + 1, total + 1):
        try:
            with transaction.atomic():
                with pytest.raises(InjectedWriteFailure), fail_at_write(n):
                    run()

                # then the first reminder is whole and nothing of the second is kept
                assert WorkshopReminder.objects.count() == 1
                [message] = OutboxMessage.objects.all()
                reminded = WorkshopReminder.objects.get().registration
                assert message.to_address == reminded.person.email
                assert AuditEntry.objects.filter(action=REMINDED).count() == 1

                # and the next run sends the second reminder only
                assert run() == 1
                assert OutboxMessage.objects.count() == WorkshopReminder.objects.count() == 2
                assert len(set(OutboxMessage.objects.values_list("to_address", flat=True))) == 2
                raise _Undo
        except _Undo:
            pass
