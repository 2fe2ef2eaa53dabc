"""The catalogue of municipalities seeking a partner: public list and profiles, the contact
relay's answer page, the submission form, and the coordinators' review.

An unpublished profile belongs to its municipality: its members and coordinators (with their
second factor) see it, anyone else is told it does not exist (404).
"""

from tests.access.policy import (
    COORDINATORS,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    SET_UP_TOTP,
)


def _call(w):
    return {"network_slug": w.network.slug, "call_slug": w.call.slug}


EXPECTED = {
    "catalogue:list": PUBLIC,
    # Only members of a Guatemalan or Colombian municipality, and coordinators, may submit;
    # the world's call is closed, so they are told so (200) and nothing more.
    "catalogue:new": {
        "anonymous": LOGIN,
        "member_a": FORBIDDEN,
        "member_b": OK,
        "mentor": FORBIDDEN,
        "coordinator": OK,
        "coordinator_without_totp": SET_UP_TOTP,
    },
    # The example is organisation B's profile awaiting approval.
    "catalogue:detail": {
        "anonymous": NOT_FOUND,
        "member_a": NOT_FOUND,
        "member_b": OK,
        "mentor": NOT_FOUND,
        "coordinator": OK,
        "coordinator_without_totp": NOT_FOUND,
    },
    "catalogue:contact_sent": PUBLIC,  # for a published profile
    "catalogue:review": COORDINATORS,
    "catalogue:review_profile": COORDINATORS,
    "catalogue:decide": {**COORDINATORS, "coordinator": NOT_ALLOWED},  # deciding is a POST
}

EXAMPLE_KWARGS = {
    "catalogue:list": _call,
    "catalogue:new": _call,
    "catalogue:detail": lambda w: {**_call(w), "pk": w.catalogue_pending.pk},
    "catalogue:contact_sent": lambda w: {**_call(w), "pk": w.catalogue_published.pk},
    "catalogue:review": _call,
    "catalogue:review_profile": lambda w: {**_call(w), "pk": w.catalogue_pending.pk},
    "catalogue:decide": lambda w: {**_call(w), "pk": w.catalogue_pending.pk},
}


def populate(world):
    from puentes.people.tests.factories import OrganisationFactory
    from puentes.recruitment.models import SeekingProfile
    from puentes.recruitment.tests.factories import SeekingProfileFactory

    # Organisation B may hold one active profile per call (another area gives it one in the
    # world's call), so its unpublished one here is a refused one: still B's own record.
    world.catalogue_pending = SeekingProfileFactory(
        call=world.call,
        organisation=world.organisation_b,
        status=SeekingProfile.Status.REJECTED,
    )
    world.catalogue_published = SeekingProfileFactory(
        call=world.call, organisation=OrganisationFactory(country_code="CO", code="05001")
    )
