"""Security events go to the "puentes.security" logger, one line each, with the account's id
and the client's address, and never a password, a TOTP code, a key or an e-mail address."""

import logging
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.test import Client
from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.testing.smtp import links_in

from .factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WRONG_PASSWORD = "a-wrong-but-secret-passphrase-1"
NEW_PASSWORD = "the-new-secret-passphrase-2"
PERIOD = 30


@pytest.fixture
def events(caplog):
    """The security lines logged during the test; and a check that no logger at all wrote
    any of the secrets the test typed."""
    caplog.set_level(logging.INFO, logger="puentes.security")

    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "puentes.security"]

    def assert_absent(*secrets):
        everything = caplog.text + "\n".join(lines())
        for secret in secrets:
            assert secret not in everything

    lines.assert_absent = assert_absent
    return lines


def sign_in(client, login, password):
    return client.post("/en/accounts/login/", {"login": login, "password": password})


def code_at(secret, moment):
    return format_hotp_value(hotp_value(secret, int(moment) // PERIOD))


def wait_for_a_fresh_period():
    if PERIOD - time.time() % PERIOD < 3:
        time.sleep(3)


def test_a_wrong_password_is_logged_with_the_account_id_and_no_secret(client, events):
    user = UserFactory(email="ana.secreta@example.org")

    sign_in(client, user.email, WRONG_PASSWORD)

    assert events() == [f"event=signin_failed user={user.pk} address=127.0.0.1"]
    events.assert_absent(WRONG_PASSWORD, DEFAULT_PASSWORD, "ana.secreta")


def test_an_unknown_login_is_logged_as_a_hash_that_links_repeated_attempts(events):
    sign_in(Client(), "Nadie@Example.org", WRONG_PASSWORD)
    sign_in(Client(REMOTE_ADDR="192.0.2.9"), "nadie@example.org", WRONG_PASSWORD)
    sign_in(Client(), "otra@example.org", WRONG_PASSWORD)

    first, second, third = events()
    hashes = [line.split()[1] for line in (first, second, third)]
    assert all(h.startswith("login_hash=") for h in hashes)
    assert hashes[0] == hashes[1] != hashes[2]
    assert second.endswith("address=192.0.2.9")
    events.assert_absent(WRONG_PASSWORD, "nadie", "Nadie", "otra@")


def test_sign_in_and_sign_out_are_logged(client, events):
    user = UserFactory()

    sign_in(client, user.email, DEFAULT_PASSWORD)
    client.post("/en/accounts/logout/")

    assert events() == [
        f"event=signin_succeeded user={user.pk} address=127.0.0.1",
        f"event=signed_out user={user.pk} address=127.0.0.1",
    ]
    events.assert_absent(DEFAULT_PASSWORD, user.email)


def test_a_throttled_attempt_is_logged_as_such_without_the_right_password(client, events):
    user = UserFactory()
    for _ in range(5):
        sign_in(client, user.email, WRONG_PASSWORD)

    sign_in(client, user.email, DEFAULT_PASSWORD)

    assert events()[-1] == f"event=signin_throttled user={user.pk} address=127.0.0.1"
    assert len(events()) == 6
    events.assert_absent(DEFAULT_PASSWORD, WRONG_PASSWORD)


def test_behind_the_proxy_the_logged_address_is_the_client_it_reports(settings, events):
    settings.PUENTES_BEHIND_PROXY = True
    user = UserFactory()

    sign_in(
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"),
        user.email,
        WRONG_PASSWORD,
    )

    assert events() == [f"event=signin_failed user={user.pk} address=203.0.113.5"]


def test_a_password_change_is_logged_without_either_password(client, events):
    user = UserFactory()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")

    client.post(
        "/en/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert f"event=password_changed user={user.pk} address=127.0.0.1" in events()
    events.assert_absent(DEFAULT_PASSWORD, NEW_PASSWORD)


def test_a_password_reset_is_logged_without_the_key_or_the_password(client, smtp_server, events):
    user = UserFactory()
    client.post("/en/accounts/password/reset/", {"email": user.email})
    mail_deliver_due(now=timezone.now())
    [mail] = smtp_server.wait_for(1)
    [reset_url] = [link for link in links_in(mail) if "/password/reset/key/" in link]
    set_password_url = client.get(reset_url).url

    client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert f"event=password_reset user={user.pk} address=127.0.0.1" in events()
    key = reset_url.rstrip("/").rsplit("/", 1)[-1]
    events.assert_absent(NEW_PASSWORD, key)


def test_totp_activation_is_logged_without_the_secret_or_the_code(
    client, events, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    setup = "/en/accounts/2fa/totp/activate/"
    client.post(client.get(setup).url, {"password": DEFAULT_PASSWORD})
    client.get(setup)
    secret = client.session["mfa.totp.secret"]
    wait_for_a_fresh_period()
    code = code_at(secret, time.time())

    # allauth announces the new authenticator once the transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        client.post(setup, {"code": code})

    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert f"event=mfa_added user={user.pk} address=127.0.0.1 kind=totp" in events()
    events.assert_absent(secret, code, DEFAULT_PASSWORD)


def test_wrong_totp_codes_are_logged_and_the_sixth_code_is_refused(client, events):
    # Given an account with TOTP that passed the password step
    user = UserFactory()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    assert sign_in(client, user.email, DEFAULT_PASSWORD).url == "/en/accounts/2fa/authenticate/"

    # When five wrong codes are given, then the right one
    wait_for_a_fresh_period()
    right = code_at(secret, time.time())
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for _ in range(5):
        client.post("/en/accounts/2fa/authenticate/", {"code": wrong})
    response = client.post("/en/accounts/2fa/authenticate/", {"code": right})

    # Then every wrong code is logged, without the codes, and the right one comes too late
    assert events().count(f"event=mfa_code_refused user={user.pk} address=127.0.0.1 kind=totp") == 5
    assert response.status_code == 200
    assert client.session.get("_auth_user_id") is None
    events.assert_absent(right, wrong, DEFAULT_PASSWORD)
