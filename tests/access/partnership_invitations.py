"""Partnership invitations: inviting is for those who edit the workspace (members of both
organisations and coordinators; a mentor reads only, so 403; anyone else 404). The accept
link is public, as the invitee may have no account yet, so a bad token is a 404 page for
everyone, signed in or not."""

from tests.access.policy import FORBIDDEN, LOGIN, NOT_FOUND, OK, SET_UP_TOTP, policy

EXPECTED = {
    "partnerships:invitation_create": {
        **policy(LOGIN, OK, coordinator=OK, coordinator_without_totp=SET_UP_TOTP),
        "mentor": FORBIDDEN,
    },
    "partnerships:invitation_accept": policy(NOT_FOUND, NOT_FOUND),
}

# world.partnership is made by tests/access/partnerships.py; kwargs are read after populate.
EXAMPLE_KWARGS = {
    "partnerships:invitation_create": lambda w: {"pk": w.partnership.pk},
    "partnerships:invitation_accept": lambda w: {"token": "1:1xRkjd:not-a-valid-signature"},
}
