"""Coordinators must use two-factor authentication (TOTP) before coordinator pages and the admin."""

import time
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.people.models import User

from .factories import DEFAULT_PASSWORD, MembershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

TOTP_SETUP_PATH = "/sv/accounts/2fa/totp/activate/"
PERIOD = 30  # allauth's default TOTP period; the tolerance is 0 periods


def totp_code(email):
    """The code the authenticator app shows now, via `puentes totp_code`; never one that
    expires before the request using it arrives (allauth accepts only the current period)."""
    left = PERIOD - time.time() % PERIOD
    if left < 3:
        time.sleep(left + 0.1)
    out = StringIO()
    call_command("totp_code", email, stdout=out)
    return out.getvalue().strip()


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def sign_in_with_password(client, user):
    return client.post("/sv/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})


@pytest.mark.parametrize("path", ["/sv/coordination/", "/admin/"])
def test_coordinator_without_totp_is_sent_to_set_it_up(client, coordinator, path):
    # Given a coordinator without TOTP, signed in with e-mail and password
    sign_in_with_password(client, coordinator)
    assert signed_in_user_id(client) == str(coordinator.pk)

    # When they open a coordinator page or the admin
    response = client.get(path)

    # Then they are sent to the TOTP set-up page
    assert response.status_code == 302
    assert response.url == TOTP_SETUP_PATH


def test_coordinator_sets_up_totp_through_the_pages_and_then_reaches_coordination(
    client, coordinator
):
    # Given a coordinator without TOTP, signed in and sent to the set-up page
    sign_in_with_password(client, coordinator)
    assert client.get("/sv/coordination/").url == TOTP_SETUP_PATH

    # When they confirm their password (allauth asks before any security change),
    response = client.get(TOTP_SETUP_PATH)
    assert response.url.startswith("/sv/accounts/reauthenticate/")
    response = client.post(response.url, {"password": DEFAULT_PASSWORD})
    assert response.url == TOTP_SETUP_PATH
    # and enter the code their app shows for the secret on the set-up page
    assert client.get(TOTP_SETUP_PATH).status_code == 200
    secret = client.session["mfa.totp.secret"]
    if PERIOD - time.time() % PERIOD < 3:
        time.sleep(3)
    code = format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD))
    response = client.post(TOTP_SETUP_PATH, {"code": code})

    # Then TOTP is active and the coordination page opens
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()
    assert client.get("/sv/coordination/").status_code == 200


def test_coordinator_with_totp_signs_in_with_the_code_and_reaches_coordination_and_admin(
    client, coordinator
):
    # Given a coordinator who has activated TOTP
    TOTP.activate(coordinator, generate_totp_secret())

    # When they sign in with e-mail and password
    response = sign_in_with_password(client, coordinator)

    # Then they are asked for the code and are not signed in yet
    assert response.url == "/sv/accounts/2fa/authenticate/"
    assert signed_in_user_id(client) is None

    # When they give a wrong code
    good_code = totp_code(coordinator.email)
    wrong_code = f"{(int(good_code) + 1) % 1_000_000:06d}"
    response = client.post("/sv/accounts/2fa/authenticate/", {"code": wrong_code})

    # Then they are still not signed in
    assert response.status_code == 200
    assert signed_in_user_id(client) is None

    # When they give the current code
    response = client.post("/sv/accounts/2fa/authenticate/", {"code": totp_code(coordinator.email)})

    # Then they are signed in and reach the coordination page and the admin
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(coordinator.pk)
    coordination = client.get("/sv/coordination/")
    assert coordination.status_code == 200
    assert coordination.resolver_match.view_name == "networks:coordination_home"
    admin_index = client.get("/admin/")
    assert admin_index.status_code == 200
    assert admin_index.resolver_match.view_name == "admin:index"


def test_member_is_refused_coordination_and_the_admin(client, member, sign_in_as):
    # Given a signed-in member without any network role
    sign_in_as(member)

    # When they open the coordination page, Then access is denied
    assert client.get("/sv/coordination/").status_code == 403

    # When they open the admin, Then they are shown the admin sign-in instead
    for path in ("/admin/", "/admin/people/person/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")


def test_coordinator_gets_through_without_totp_when_the_rule_is_off(
    client, coordinator, settings, sign_in_as
):
    # Given the TOTP rule for coordinators is switched off
    settings.PUENTES_COORDINATOR_MFA_REQUIRED = False
    sign_in_as(coordinator)

    # When a coordinator without TOTP opens coordination and the admin, Then both open
    assert client.get("/sv/coordination/").status_code == 200
    assert client.get("/admin/").status_code == 200
    assert not Authenticator.objects.filter(user=coordinator).exists()


def test_totp_code_command_prints_the_code_allauth_accepts(coordinator):
    # Given a coordinator with TOTP
    totp = TOTP.activate(coordinator, generate_totp_secret())

    # When the command is asked for their code (e-mail in any letter case)
    code = totp_code(coordinator.email.upper())

    # Then it is six digits, and allauth takes it as the current code
    assert len(code) == 6 and code.isdigit()
    assert totp.validate_code(code)


def test_totp_code_command_fails_for_an_unknown_account_or_one_without_totp(member):
    with pytest.raises(CommandError, match="No account"):
        call_command("totp_code", "nobody@example.org")
    with pytest.raises(CommandError, match="has not set up"):
        call_command("totp_code", member.email)


@pytest.mark.parametrize(
    "path", ["/admin/people/user/", "/admin/people/person/", "/admin/people/networkrole/"]
)
def test_admin_lists_of_people_take_the_same_queries_for_more_rows(
    client, coordinator, path, sign_in_as
):
    # Given a coordinator with TOTP, in the admin
    TOTP.activate(coordinator, generate_totp_secret())
    sign_in_as(coordinator)

    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    # When the lists grow from a few rows to many
    MembershipFactory()
    few = queries_for_list()
    MembershipFactory.create_batch(5)
    PersonFactory.create_batch(3, user=None)
    many = queries_for_list()

    # Then the number of queries stays the same
    assert many == few


def test_coordinator_adds_an_account_in_the_admin_by_e_mail(client, coordinator, sign_in_as):
    # Given a coordinator with TOTP, in the admin
    TOTP.activate(coordinator, generate_totp_secret())
    sign_in_as(coordinator)

    # When they add an account with a mixed-case address
    response = client.post(
        "/admin/people/user/add/",
        {
            "email": "Nueva.Persona@Example.org",
            "usable_password": "true",
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )

    # Then the account exists under the lower-case address and can be opened for editing
    assert response.status_code == 302
    user = User.objects.get(email="nueva.persona@example.org")
    assert user.check_password(DEFAULT_PASSWORD)
    assert client.get(f"/admin/people/user/{user.pk}/change/").status_code == 200


def test_admin_refuses_a_second_account_with_the_same_address_in_other_case(
    client, coordinator, sign_in_as
):
    # Given an account for ana@example.org and a coordinator with TOTP in the admin
    UserFactory(email="ana@example.org")
    TOTP.activate(coordinator, generate_totp_secret())
    sign_in_as(coordinator)

    # When the coordinator adds ANA@example.org
    response = client.post(
        "/admin/people/user/add/",
        {"email": "ANA@example.org", "usable_password": "false"},
    )

    # Then the form is refused and there is still one such account
    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert User.objects.filter(email__iexact="ana@example.org").count() == 1
