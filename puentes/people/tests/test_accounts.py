"""Sign-up with e-mail verification, sign-in and password reset, with mail over real SMTP."""

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core.mail import send_mail
from django.test import Client
from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import links_in, text_of
from puentes.people.models import User

from .factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-passphrase-42"


def sign_in(client, email, password, language="en"):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password})


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def path_of(url):
    return urlsplit(url).path


def delivered(smtp_server, count):
    """Account mail goes through the outbox: run the worker once, then read what arrived."""
    mail_deliver_due(now=timezone.now())
    return smtp_server.wait_for(count)


def test_sign_up_sends_a_verification_mail_whose_link_lets_the_account_sign_in(client, smtp_server):
    # Given nobody has an account for ana@example.org
    # When she signs up
    response = client.post(
        "/en/accounts/signup/",
        {"email": "ana@example.org", "password1": DEFAULT_PASSWORD, "password2": DEFAULT_PASSWORD},
    )

    # Then an unverified account exists and a verification mail arrives at the SMTP server
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    [mail] = delivered(smtp_server, 1)
    assert mail["To"] == "ana@example.org"
    assert "Please Confirm Your Email Address" in mail["Subject"]
    [confirm_url] = [link for link in links_in(mail) if "/confirm-email/" in link]

    # And she cannot sign in before verifying
    browser = Client()
    sign_in(browser, "ana@example.org", DEFAULT_PASSWORD)
    assert signed_in_user_id(browser) is None

    # When she follows the link and confirms
    assert client.get(path_of(confirm_url)).status_code == 200
    response = client.post(path_of(confirm_url))

    # Then the address is verified and she can sign in
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    sign_in(browser, "ana@example.org", DEFAULT_PASSWORD)
    assert signed_in_user_id(browser) == str(user.pk)


def test_sign_up_in_swedish_gets_the_verification_mail_in_swedish(client, smtp_server):
    # Given a visitor on the Swedish pages
    # When she signs up
    client.post(
        "/sv/accounts/signup/",
        {"email": "sara@example.org", "password1": DEFAULT_PASSWORD, "password2": DEFAULT_PASSWORD},
    )

    # Then the verification mail is in Swedish and links to the Swedish pages
    [mail] = delivered(smtp_server, 1)
    assert "bekräfta din epost-adress" in mail["Subject"]
    assert "Du får det här mailet" in text_of(mail)
    assert any(path_of(link).startswith("/sv/accounts/confirm-email/") for link in links_in(mail))


def test_unverified_account_cannot_sign_in_until_the_address_is_verified(smtp_server):
    # Given an account whose address is not verified
    user = UserFactory(email="olle@example.org", verified=False)
    client = Client()

    # When the owner signs in with the right password
    response = sign_in(client, user.email, DEFAULT_PASSWORD)

    # Then they are not signed in, and are sent a verification mail instead
    assert signed_in_user_id(client) is None
    assert path_of(response.url) == "/en/accounts/confirm-email/"
    [mail] = delivered(smtp_server, 1)
    [confirm_url] = [link for link in links_in(mail) if "/confirm-email/" in link]

    # When they confirm the address through the link, in another browser
    Client().post(path_of(confirm_url))

    # Then signing in works
    response = sign_in(client, user.email, DEFAULT_PASSWORD)
    assert path_of(response.url) == "/en/account/"
    assert signed_in_user_id(client) == str(user.pk)


def test_verified_account_signs_in_with_email_and_password(client):
    # Given a verified account
    user = UserFactory(email="lucia@example.org")

    # When its owner signs in with e-mail (in any letter case) and password
    response = sign_in(client, "Lucia@Example.org", DEFAULT_PASSWORD)

    # Then they are signed in and land on their account page
    assert response.status_code == 302
    assert path_of(response.url) == "/en/account/"
    assert signed_in_user_id(client) == str(user.pk)
    assert client.get("/en/account/").status_code == 200


def test_sign_in_with_a_wrong_password_is_refused(client):
    # Given a verified account
    user = UserFactory(email="lucia@example.org")

    # When someone signs in with the wrong password
    response = sign_in(client, user.email, "not-the-password-at-all")

    # Then the form is shown again with an error and nobody is signed in
    assert response.status_code == 200
    assert response.context["form"].errors
    assert signed_in_user_id(client) is None


def test_password_reset_by_mail_replaces_the_old_password(client, smtp_server):
    # Given a verified account that forgot its password
    user = UserFactory(email="pedro@example.org")

    # When the owner asks for a reset
    response = client.post("/en/accounts/password/reset/", {"email": user.email})

    # Then a mail with a reset link arrives
    assert response.status_code == 302
    [mail] = delivered(smtp_server, 1)
    assert mail["To"] == user.email
    [reset_url] = [link for link in links_in(mail) if "/password/reset/key/" in link]

    # When they follow the link and choose a new password
    # (allauth moves the key from the URL into the session before showing the form)
    response = client.get(path_of(reset_url))
    assert path_of(response.url).endswith("-set-password/")
    response = client.post(response.url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert path_of(response.url) == "/en/accounts/password/reset/key/done/"

    # Then the old password no longer works and the new one does
    client.logout()
    sign_in(client, user.email, DEFAULT_PASSWORD)
    assert signed_in_user_id(client) is None
    sign_in(client, user.email, NEW_PASSWORD)
    assert signed_in_user_id(client) == str(user.pk)


def test_the_test_smtp_server_refuses_mail_while_stopped_and_takes_it_again_after_start(
    smtp_server,
):
    # (The fixture other mail tests rely on; it belongs with puentes.core.testing.)
    # Given the SMTP server has received one message
    send_mail("first", "body", None, ["ana@example.org"])
    smtp_server.wait_for(1)

    # When it is stopped, Then Django cannot deliver
    smtp_server.stop()
    with pytest.raises(OSError):
        send_mail("lost", "body", None, ["ana@example.org"])

    # When it is started again, Then mail arrives on the same port and the first is kept
    smtp_server.start()
    send_mail("åter", "brödtext", None, ["ana@example.org"])
    assert [m["Subject"] for m in smtp_server.wait_for(2)] == ["first", "åter"]
    assert text_of(smtp_server.messages[-1]).strip() == "brödtext"
    assert len(smtp_server.messages_to("ANA@example.org")) == 2


def test_a_password_reset_asked_while_the_mail_server_is_down_arrives_once_it_is_back(
    client, smtp_server
):
    # Given a verified account, and the mail server down
    user = UserFactory(email="lucia@example.org")
    smtp_server.stop()

    # When the owner asks for a reset, Then the page answers as usual and the mail waits
    response = client.post("/es/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    mail_deliver_due(now=timezone.now())
    [waiting] = OutboxMessage.objects.all()
    assert waiting.status == OutboxMessage.Status.QUEUED
    assert waiting.last_error
    assert waiting.language == "es"

    # When the server is back and the worker runs again, Then the mail arrives, once
    smtp_server.start()
    mail_deliver_due(now=waiting.next_attempt_at)
    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == user.email
    assert any("/password/reset/key/" in link for link in links_in(mail))
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT
