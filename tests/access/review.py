"""The coordinators' review of expressions of interest: coordinators only, every page.

Deciding is a POST, so a coordinator's GET of a decision URL answers 405.
"""

from tests.access.policy import COORDINATORS, NOT_ALLOWED

POST_ONLY = {**COORDINATORS, "coordinator": NOT_ALLOWED}

EXPECTED = {
    "review:queue": COORDINATORS,
    "review:export_csv": COORDINATORS,
    "review:export_xlsx": COORDINATORS,
    "review:interest_detail": COORDINATORS,
    "review:start_review": POST_ONLY,
    "review:decide": POST_ONLY,
}

_CALL = {"network_slug": lambda w: w.network.slug, "call_slug": lambda w: w.call.slug}


def _call_kwargs(world):
    return {key: value(world) for key, value in _CALL.items()}


def _interest(world):
    return {"pk": world.review_interest.pk}


EXAMPLE_KWARGS = {
    "review:queue": _call_kwargs,
    "review:export_csv": _call_kwargs,
    "review:export_xlsx": _call_kwargs,
    "review:interest_detail": _interest,
    "review:start_review": _interest,
    "review:decide": _interest,
}


def populate(world):
    """A submitted interest, in a call of its own so that no other area's records clash with
    it (one interest per organisation and call)."""
    import datetime

    from puentes.networks.tests.factories import CallFactory
    from puentes.people.tests.factories import OrganisationFactory
    from puentes.recruitment.models import Interest
    from puentes.recruitment.tests.factories import InterestFactory

    world.review_interest = InterestFactory(
        call=CallFactory(network=world.network, slug="review-access-call"),
        organisation=OrganisationFactory(country_code="SE", code="1480"),
        status=Interest.Status.SUBMITTED,
        submitted_at=datetime.datetime(2024, 2, 1, 9, 0, tzinfo=datetime.UTC),
    )
