"""Workshops: registering, cancelling with the waiting list moving up, telling everyone of a
cancelled workshop, check-in and calendar links keep all or nothing."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.models import Person
from puentes.people.tests.factories import NetworkRoleFactory, OrganisationFactory, PersonFactory
from puentes.workshops.models import Registration, Workshop
from puentes.workshops.services import (
    calendar_feed_renew,
    registration_cancel,
    registration_create,
    registration_mark,
    waitlist_fill,
    workshop_cancellation_tell,
)
from puentes.workshops.tests.factories import OPEN_NOW, RegistrationFactory, WorkshopFactory

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
