"""The vocabulary of the access matrix (tests/test_access_matrix.py), shared with the
per-area tables in this package."""

ROLES = (
    "anonymous",
    "member_a",  # member of organisation A (a Swedish municipality)
    "member_b",  # member of organisation B (a Guatemalan municipality)
    "mentor",
    "coordinator",  # with TOTP, signed in with password and code
    "coordinator_without_totp",  # must set up TOTP before any coordinator page or the admin
)

OK, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 403, 404, 405
LOGIN = "→account_login"
ADMIN_LOGIN = "→admin:login"
SET_UP_TOTP = "→mfa_activate_totp"
ACCOUNT_HOME = "→people:account_home"


def policy(anonymous, member, mentor=None, coordinator=None, coordinator_without_totp=None):
    """One table row: members of A and B alike; mentor and coordinators default to member."""
    mentor = member if mentor is None else mentor
    coordinator = member if coordinator is None else coordinator
    if coordinator_without_totp is None:
        coordinator_without_totp = coordinator
    return {
        "anonymous": anonymous,
        "member_a": member,
        "member_b": member,
        "mentor": mentor,
        "coordinator": coordinator,
        "coordinator_without_totp": coordinator_without_totp,
    }


PUBLIC = policy(OK, OK)
SIGNED_IN = policy(LOGIN, OK)
# Allauth's pages for someone who is already signed in send them to their account.
SIGNED_OUT_ONLY = policy(OK, ACCOUNT_HOME)
REAUTHENTICATE = "→account_reauthenticate"
COORDINATORS = policy(LOGIN, FORBIDDEN, coordinator=OK, coordinator_without_totp=SET_UP_TOTP)
SIGNED_IN_REAUTHENTICATED = policy(LOGIN, REAUTHENTICATE)

# URL name → {role: outcome}. For organisation-scoped pages of later issues, see the notes at
# the top: a member of organisation B must get 404 for organisation A's records.

# What coordinators may do with an app's models in the admin.
MANAGES, READS, NO_ACCESS = "manages", "reads", "no access"
