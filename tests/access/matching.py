"""The matching board: coordinators only, every page. Rulings, balance and confirming are
POSTs, so a coordinator's GET of those URLs answers 405.

In the admin coordinators manage a call's matching settings and rulings.
"""

from tests.access.policy import COORDINATORS, MANAGES, NOT_ALLOWED

POST_ONLY = {**COORDINATORS, "coordinator": NOT_ALLOWED}

ADMIN_APPS = {"matching": MANAGES}

EXPECTED = {
    "matching:board": COORDINATORS,
    "matching:constraint_add": POST_ONLY,
    "matching:constraint_remove": POST_ONLY,
    "matching:balance": POST_ONLY,
    "matching:confirm": POST_ONLY,
}


def _call(world):
    return {"network_slug": world.network.slug, "call_slug": world.matching_call.slug}


EXAMPLE_KWARGS = {
    "matching:board": _call,
    "matching:constraint_add": _call,
    "matching:constraint_remove": lambda w: {**_call(w), "pk": w.matching_constraint.pk},
    "matching:balance": _call,
    "matching:confirm": _call,
}


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
