"""Partnerships: confirming a match, the statement, invitations and joining keep all or nothing."""

import datetime

import pytest
from django.utils import translation

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.matching.services import pair_confirm
from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.partnerships.invitations import invitation_accept, partnership_invite
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.partnerships.services import (
    member_mark_joined,
    partnership_create,
    partnership_update_statement,
)
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.models import User
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
)
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.recruitment.tests.factories import (
    ContactPersonFactory,
    InterestFactory,
    SeekingProfileFactory,
)

NOW = datetime.datetime(2025, 3, 3, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def call(db):
    return CallFactory(network=NetworkFactory(contact_email="secretariat@example.org"))


@pytest.fixture
def coordinator(call):
    return NetworkRoleFactory(network=call.network).person.user


@pytest.fixture
def pair(call):
    """An accepted Swedish interest with two contacts and a published Guatemalan profile."""
    themes = [ThemeFactory(network=call.network) for _ in range(2)]
    interest = InterestFactory(
        call=call,
        organisation=OrganisationFactory(country_code="SE", code="0180"),
        status=Interest.Status.ACCEPTED,
        themes=themes,
        contacts=[ContactPersonFactory(preferred_language="sv") for _ in range(2)],
    )
    profile = SeekingProfileFactory(
        call=call,
        organisation=OrganisationFactory(country_code="GT", code="0101"),
        status=SeekingProfile.Status.APPROVED,
        themes=themes,
    )
    return interest, profile


@pytest.fixture
def partnership(call):
    return PartnershipFactory(
        call=call,
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
    )


def test_confirming_a_match_keeps_nothing_when_any_write_fails(call, coordinator, pair):
    # given an accepted interest and a published profile
    interest, profile = pair

    # when the partnership is made (partnership, themes, members, both matched, audit, mail)
    def run():
        partnership_create(
            call=call,
            interest=Interest.objects.get(pk=interest.pk),
            profile=SeekingProfile.objects.get(pk=profile.pk),
            by=coordinator,
            now=NOW,
        )

    # then a refused write leaves no partnership and both sides as they were
    log = assert_all_or_nothing(run, min_writes=6)
    assert Partnership.objects.count() == 1
    assert "core_outboxmessage" in log.tables


def test_confirming_a_pair_on_the_matching_board_keeps_nothing_when_any_write_fails(
    call, coordinator, pair
):
    interest, profile = pair

    def run():
        pair_confirm(
            call=call, interest_id=interest.pk, profile_id=profile.pk, by=coordinator, now=NOW
        )

    assert_all_or_nothing(run, min_writes=6)


def test_saving_the_statement_keeps_nothing_when_any_write_fails(partnership, coordinator):
    def run():
        current = Partnership.objects.get(pk=partnership.pk)
        partnership_update_statement(
            partnership=current,
            texts={"sv": "Ny text.", "es": "Texto nuevo."},
            expected_version=current.version,
            by=coordinator,
            now=NOW,
        )

    assert_all_or_nothing(run)


def test_joining_the_workspace_keeps_nothing_when_any_write_fails(partnership):
    # given a member with an account who has not joined yet
    person = PersonFactory()
    PartnershipMember.objects.create(
        partnership=partnership, person=person, side="swedish", invited_at=NOW
    )

    # when they open the workspace and the joining or its audit entry is refused
    def run():
        assert member_mark_joined(
            partnership=partnership, by=User.objects.get(pk=person.user.pk), now=NOW
        )

    # then they have not joined
    assert_all_or_nothing(run)


def test_inviting_a_new_person_keeps_nothing_when_any_write_fails(partnership):
    # given a member of the Swedish organisation
    inviter = MembershipFactory(organisation=partnership.swedish_organisation).person.user

    # when they invite someone new (person, account, member, audit, mail)
    def run():
        partnership_invite(
            partnership=partnership,
            name="Erik Berg",
            email="erik@example.se",
            side="swedish",
            role="official",
            language="sv",
            by=inviter,
            now=NOW,
            base_url="https://puentes.example",
        )

    # then neither person nor account nor membership nor mail is left
    assert_all_or_nothing(run, min_writes=4)


def test_accepting_an_invitation_keeps_nothing_when_any_write_fails(partnership):
    # given an invited member with an account
    person = PersonFactory(user__email="lucia@example.gt")
    member = PartnershipMember.objects.create(
        partnership=partnership, person=person, side="latin", invited_at=NOW
    )

    # when they accept with a password (password, verified address, joined, audit)
    def run():
        invitation_accept(
            member=PartnershipMember.objects.get(pk=member.pk),
            password="Tre-broar-over-Atlanten-24",
            now=NOW,
        )

    # then nothing of it is kept
    assert_all_or_nothing(run, min_writes=3)
