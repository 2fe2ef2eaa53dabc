"""Creating a partnership from a confirmed match, and the refusals that leave nothing behind:
no partnership, no member, no status change and no mail."""

import datetime

import pytest
from django.utils import translation

from puentes.core.models import OutboxMessage
from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.partnerships.services import (
    AlreadyPartnered,
    InterestNotAccepted,
    ProfileNotPublished,
    partnership_create,
)
from puentes.people.tests.factories import NetworkRoleFactory, OrganisationFactory
from puentes.recruitment.models import Interest, SeekingProfile, Transition
from puentes.recruitment.tests.factories import (
    ContactPersonFactory,
    InterestFactory,
    SeekingProfileFactory,
)

NOW = datetime.datetime(2024, 5, 2, 9, 0, tzinfo=datetime.UTC)
REASONS = [{"kind": "themes", "count": 1}]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def network(db):
    return NetworkFactory(contact_email="secretariat@example.org")


@pytest.fixture
def call(network):
    return CallFactory(network=network)


@pytest.fixture
def themes(network):
    return [ThemeFactory(network=network) for _ in range(3)]


@pytest.fixture
def coordinator(network):
    return NetworkRoleFactory(network=network).person.user


def accepted_interest(call, themes, code="0180", contacts=1):
    people = [ContactPersonFactory(preferred_language="sv") for _ in range(contacts)]
    return InterestFactory(
        call=call,
        organisation=OrganisationFactory(country_code="SE", code=code),
        status=Interest.Status.ACCEPTED,
        themes=themes,
        contacts=people,
    )


def published_profile(call, themes, code="0101", status=SeekingProfile.Status.APPROVED):
    return SeekingProfileFactory(
        call=call,
        organisation=OrganisationFactory(country_code="GT", code=code),
        status=status,
        themes=themes,
        challenges={"es": "Pocas mujeres en el Concejo.", "sv": "Få kvinnor i fullmäktige."},
        challenge_language="es",
    )


def create(call, interest, profile, by, **kwargs):
    return partnership_create(
        call=call, interest=interest, profile=profile, by=by, now=NOW, **kwargs
    )


def snapshot():
    return (
        Partnership.objects.count(),
        PartnershipMember.objects.count(),
        OutboxMessage.objects.count(),
        sorted(SeekingProfile.objects.values_list("pk", "status")),
        sorted(Interest.objects.values_list("pk", "status")),
        Transition.objects.count(),
    )


def test_confirming_a_match_creates_the_partnership_with_both_sides_as_members(
    call, themes, coordinator
):
    # Given an accepted interest with two contacts and a published profile sharing a theme
    interest = accepted_interest(call, themes[:2], contacts=2)
    profile = published_profile(call, themes[1:])

    # When a coordinator confirms the pair
    partnership = create(call, interest, profile, coordinator, score=0.8, reasons=REASONS)

    # Then the partnership joins the two organisations, with the shared theme only
    assert partnership.swedish_organisation == interest.organisation
    assert partnership.latin_organisation == profile.organisation
    assert list(partnership.themes.all()) == [themes[1]]
    assert partnership.challenge_statements == profile.challenges
    assert partnership.challenge_language == "es"
    assert partnership.match_score == 0.8
    assert partnership.match_reasons == REASONS
    assert partnership.confirmed_by == coordinator
    assert partnership.confirmed_at == NOW
    # And the interest's contacts are the Swedish side, the profile's contact the Latin one
    sides = {(m.person_id, m.side) for m in partnership.members.all()}
    assert sides == {
        *((link.person_id, "swedish") for link in interest.contacts.all()),
        (profile.contact_id, "latin"),
    }
    # And the profile has left the catalogue as matched, and the interest is matched too
    profile.refresh_from_db()
    assert profile.status == SeekingProfile.Status.MATCHED
    interest.refresh_from_db()
    assert interest.status == Interest.Status.MATCHED
    step = interest.transitions.get()
    assert (step.from_status, step.to_status, step.by, step.at) == (
        "accepted",
        "matched",
        coordinator,
        NOW,
    )
    # And nobody has joined yet: the members are invited by the mail that tells them
    assert all(m.invited_at == NOW and m.joined_at is None for m in partnership.members.all())


def test_without_shared_themes_the_partnership_keeps_the_themes_of_both(call, themes, coordinator):
    interest = accepted_interest(call, themes[:1])
    profile = published_profile(call, themes[1:])

    partnership = create(call, interest, profile, coordinator)

    assert set(partnership.themes.all()) == set(themes)


def test_every_member_is_told_in_their_own_language(call, themes, coordinator):
    # Given a Swedish-speaking contact and a Spanish-speaking one
    interest = accepted_interest(call, themes)
    profile = published_profile(call, themes)
    swedish = interest.contacts.get().person

    # When the pair is confirmed
    create(call, interest, profile, coordinator)

    # Then each gets one message, in their language, naming the partner
    to_swede = OutboxMessage.objects.get(to_address=swedish.email)
    to_latin = OutboxMessage.objects.get(to_address=profile.contact.email)
    assert to_swede.language == "sv"
    assert interest.organisation.name in to_swede.subject
    assert "partner" in to_swede.subject
    assert profile.organisation.name in to_swede.body_text
    assert to_latin.language == "es"
    assert interest.organisation.name in to_latin.body_text
    assert OutboxMessage.objects.count() == 2


@pytest.mark.parametrize(
    "status",
    [
        Interest.Status.IN_REVIEW,
        Interest.Status.WAITLISTED,
        Interest.Status.WITHDRAWN,
        Interest.Status.MATCHED,
    ],
)
def test_an_interest_that_is_not_accepted_is_refused(call, themes, coordinator, status):
    interest = accepted_interest(call, themes)
    Interest.objects.filter(pk=interest.pk).update(status=status)
    interest.refresh_from_db()
    profile = published_profile(call, themes)
    before = snapshot()

    with pytest.raises(InterestNotAccepted) as refused:
        create(call, interest, profile, coordinator)

    assert "accepted" in str(refused.value.message)
    assert snapshot() == before


@pytest.mark.parametrize(
    "status",
    [SeekingProfile.Status.SUBMITTED, SeekingProfile.Status.WITHDRAWN],
)
def test_a_profile_that_is_not_published_is_refused(call, themes, coordinator, status):
    interest = accepted_interest(call, themes)
    profile = published_profile(call, themes, status=status)
    before = snapshot()

    with pytest.raises(ProfileNotPublished):
        create(call, interest, profile, coordinator)

    assert snapshot() == before


def test_an_interest_or_profile_of_another_call_is_refused(call, network, themes, coordinator):
    other_call = CallFactory(network=network)
    interest = accepted_interest(other_call, themes)
    profile = published_profile(call, themes)
    before = snapshot()

    with pytest.raises(InterestNotAccepted):
        create(call, interest, profile, coordinator)
    with pytest.raises(ProfileNotPublished):
        create(other_call, interest, profile, coordinator)

    assert snapshot() == before


def test_a_second_partnership_for_the_same_swedish_organisation_is_refused_and_nothing_saved(
    call, network, themes, coordinator
):
    # Given Stockholm already partnered with Guatemala City in this call
    first = create(
        call, accepted_interest(call, themes), published_profile(call, themes), coordinator
    )
    # And a second accepted interest of Stockholm (its first was withdrawn, say) and a
    # second published profile
    Interest.objects.filter(pk=first.interest_id).update(status=Interest.Status.WITHDRAWN)
    second_interest = accepted_interest(call, themes)
    second_profile = published_profile(call, themes, code="1601")
    before = snapshot()

    # When a coordinator confirms Stockholm again
    with pytest.raises(AlreadyPartnered) as refused:
        create(call, second_interest, second_profile, coordinator)

    # Then it is refused, pointing at the partnership that exists, and nothing changed
    assert refused.value.existing == first
    assert snapshot() == before
    second_profile.refresh_from_db()
    assert second_profile.status == SeekingProfile.Status.APPROVED


def test_a_matched_profile_cannot_be_matched_again(call, themes, coordinator):
    profile = published_profile(call, themes)
    create(call, accepted_interest(call, themes), profile, coordinator)
    other_interest = accepted_interest(call, themes, code="1480")
    before = snapshot()

    with pytest.raises(ProfileNotPublished):
        create(call, other_interest, profile, coordinator)

    assert snapshot() == before
