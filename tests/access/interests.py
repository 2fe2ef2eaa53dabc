"""Expressions of interest: the form and the account's list need a signed-in person; an
interest is seen by its creator, the members of its organisation and coordinators, and is
404 for everyone else (a member of B never learns that A has a draft)."""

from tests.access.policy import LOGIN, NOT_FOUND, OK, PUBLIC, SET_UP_TOTP, SIGNED_IN, policy

# Organisation A's draft: member_a (its creator and a member) sees it, member_b and the
# mentor get 404, coordinators see it once they have TOTP.
ORGANISATION_A_ONLY = {
    **policy(LOGIN, NOT_FOUND, coordinator=OK, coordinator_without_totp=SET_UP_TOTP),
    "member_a": OK,
}

EXPECTED = {
    "interests:interest_new": SIGNED_IN,
    "interests:my_interests": SIGNED_IN,
    "interests:interest_detail": ORGANISATION_A_ONLY,
    "interests:interest_edit": ORGANISATION_A_ONLY,  # a draft in an open call: editable
    "interests:interest_withdraw": ORGANISATION_A_ONLY,  # GET asks to confirm
    "interests:privacy_notice": PUBLIC,
}

EXAMPLE_KWARGS = {
    "interests:interest_new": lambda w: {
        "network_slug": w.network.slug,
        "call_slug": w.interest_call.slug,
    },
    "interests:interest_detail": lambda w: {"pk": w.interest_a.pk},
    "interests:interest_edit": lambda w: {"pk": w.interest_a.pk},
    "interests:interest_withdraw": lambda w: {"pk": w.interest_a.pk},
}


def populate(world):
    import datetime

    from django.utils import timezone

    from puentes.networks.tests.factories import CallFactory
    from puentes.recruitment.tests.factories import InterestFactory

    today = timezone.localdate()
    world.interest_call = CallFactory(
        network=world.network,
        slug="open-call",
        open_date=today - datetime.timedelta(days=7),
        close_date=today + datetime.timedelta(days=30),
    )
    world.interest_a = InterestFactory(
        call=world.interest_call,
        organisation=world.organisation_a,
        created_by=world.users["member_a"],
        complete=False,
    )
