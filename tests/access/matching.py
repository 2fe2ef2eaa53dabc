"""The matching board: coordinators only, every page. Rulings, balance and confirming are
POSTs, so a coordinator's GET of those URLs answers 405.

In the admin coordinators manage a call's matching settings and rulings.
"""

from tests.access.policy import COORDINATORS, MANAGES, NOT_ALLOWED

POST_ONLY = {**COORDINATORS, "coordinator": NOT_ALLOWED}

ADMIN_APPS = {"matching": MANAGES}

EXPECTED = {}

EXAMPLE_KWARGS = {}


def populate(world):
    """Candidates in a call of their own (one interest and one profile per organisation and
    call), a ruling on their pair and the call's settings."""
    from puentes.matching.models import MatchConstraint, MatchSettings
    from puentes.networks.tests.factories import CallFactory
    from puentes.people.tests.factories import OrganisationFactory
    from puentes.recruitment.models import Interest, SeekingProfile
    from puentes.recruitment.tests.factories import InterestFactory, SeekingProfileFactory

    call = CallFactory(network=world.network, slug="matching-access-call")
    world.matching_call = call
    world.matching_interest = InterestFactory(
        call=call,
        organisation=OrganisationFactory(country_code="SE", code="0380"),
        status=Interest.Status.ACCEPTED,
    )
    world.matching_profile = SeekingProfileFactory(
        call=call,
        organisation=OrganisationFactory(country_code="CO", code="11001"),
        status=SeekingProfile.Status.APPROVED,
    )
    world.matching_constraint = MatchConstraint.objects.create(
        call=call,
        interest=world.matching_interest,
        seeking_profile=world.matching_profile,
        kind=MatchConstraint.Kind.NEVER,
    )
    MatchSettings.objects.create(call=call, balance={"GT": 1, "CO": 1})
