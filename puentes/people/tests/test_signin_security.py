"""Sign-in throttling (5 failures per 30 minutes per account and per address), one message
for an unknown account and a wrong password, and the client address behind the proxy."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.internal.ratelimit import get_cache_key, get_rates
from django.core.cache import cache
from django.test import Client, RequestFactory

from .factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WRONG_PASSWORD = "not-the-right-passphrase-7"
THROTTLED = "Too many failed login attempts. Try again later."
HALF_AN_HOUR = 30 * 60


def sign_in(client, login, password, *, language="en", **headers):
    return client.post(
        f"/{language}/accounts/login/", {"login": login, "password": password}, **headers
    )


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def form_errors(response):
    return response.context["form"].non_field_errors()


def let_time_pass(seconds, *, address, login):
    """Moves the failures recorded for `address` and `login` `seconds` into the past, as the
    clock would: allauth keeps their times in the shared cache and forgets those too old."""
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    key = get_adapter()._get_login_attempts_cache_key(request, email=login)
    for rate in get_rates(app="allauth.account", action="login_failed"):
        cache_key = get_cache_key(
            request, app="allauth.account", action="login_failed", rate=rate, key=key
        )
        history = cache.get(cache_key, [])
        assert history, f"no failures recorded under {rate}"
        cache.set(cache_key, [moment - seconds for moment in history], rate.duration)


def test_sixth_attempt_within_half_an_hour_is_refused_even_with_the_right_password(client):
    # Given an account whose password was mistyped five times
    user = UserFactory()
    for _ in range(5):
        response = sign_in(client, user.email, WRONG_PASSWORD)
        assert THROTTLED not in form_errors(response)

    # When the right password comes sixth
    response = sign_in(client, user.email, DEFAULT_PASSWORD)

    # Then it is refused with the throttling message and nobody is signed in
    assert response.status_code == 200
    assert form_errors(response) == [THROTTLED]
    assert signed_in_user_id(client) is None


def test_the_limit_lifts_after_half_an_hour(client):
    # Given an account throttled after five failures
    user = UserFactory()
    for _ in range(5):
        sign_in(client, user.email, WRONG_PASSWORD)
    assert form_errors(sign_in(client, user.email, DEFAULT_PASSWORD)) == [THROTTLED]

    # When 29 minutes have passed, it is still refused
    let_time_pass(HALF_AN_HOUR - 60, address="127.0.0.1", login=user.email)
    assert form_errors(sign_in(client, user.email, DEFAULT_PASSWORD)) == [THROTTLED]

    # When half an hour has passed since the failures
    let_time_pass(61, address="127.0.0.1", login=user.email)
    sign_in(client, user.email, DEFAULT_PASSWORD)

    # Then the right password signs in
    assert signed_in_user_id(client) == str(user.pk)


def test_failures_from_five_addresses_throttle_the_account_everywhere():
    # Given five failures for one account, each from another address
    user = UserFactory()
    for n in range(5):
        sign_in(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), user.email, WRONG_PASSWORD)

    # When its owner signs in from a sixth address with the right password
    owner = Client(REMOTE_ADDR="192.0.2.77")
    response = sign_in(owner, user.email, DEFAULT_PASSWORD)

    # Then it is refused
    assert form_errors(response) == [THROTTLED]
    assert signed_in_user_id(owner) is None


def test_failures_on_five_accounts_throttle_the_address_for_every_account(client):
    # Given five failures from one address, each for another login
    for n in range(5):
        sign_in(client, f"guess{n}@example.org", WRONG_PASSWORD)

    # When a real account signs in from that address with the right password
    user = UserFactory()
    response = sign_in(client, user.email, DEFAULT_PASSWORD)

    # Then it is refused, while the same account signs in from another address
    assert form_errors(response) == [THROTTLED]
    elsewhere = Client(REMOTE_ADDR="192.0.2.10")
    sign_in(elsewhere, user.email, DEFAULT_PASSWORD)
    assert signed_in_user_id(elsewhere) == str(user.pk)


def test_successful_sign_ins_do_not_earn_an_attacker_more_guesses(client):
    # Given four failures, a successful sign-in, then one more failure on the same account
    user = UserFactory()
    for _ in range(4):
        sign_in(client, user.email, WRONG_PASSWORD)
    sign_in(Client(REMOTE_ADDR="192.0.2.20"), user.email, DEFAULT_PASSWORD)
    sign_in(client, user.email, WRONG_PASSWORD)

    # When the sixth attempt comes
    response = sign_in(client, user.email, DEFAULT_PASSWORD)

    # Then the success in between did not reset the count of failures
    assert form_errors(response) == [THROTTLED]


@pytest.mark.parametrize(("language", "message"), [("sv", "Försök igen senare"), ("es", "más")])
def test_the_throttling_message_is_in_the_page_language(client, language, message):
    user = UserFactory()
    for _ in range(5):
        sign_in(client, user.email, WRONG_PASSWORD, language=language)

    response = sign_in(client, user.email, DEFAULT_PASSWORD, language=language)

    [error] = form_errors(response)
    assert message in error
    assert error != THROTTLED


def test_unknown_account_and_wrong_password_get_the_same_answer():
    # Given an account, and an address that has none
    user = UserFactory(email="ana@example.org")

    # When one client signs in with a wrong password and another with an unknown address
    wrong = sign_in(Client(), user.email, WRONG_PASSWORD)
    unknown = sign_in(Client(REMOTE_ADDR="192.0.2.30"), "bea@example.org", WRONG_PASSWORD)

    # Then the status, the errors and the page are the same but for the address typed
    assert wrong.status_code == unknown.status_code == 200
    assert form_errors(wrong) == form_errors(unknown)
    assert form_errors(wrong) == [
        "The email address and/or password you specified are not correct."
    ]
    assert wrong.context["form"].errors == unknown.context["form"].errors
    strip = [("ana@example.org", "EMAIL"), ("bea@example.org", "EMAIL")]
    pages = []
    for response in (wrong, unknown):
        page = response.content.decode()
        for address, placeholder in strip:
            page = page.replace(address, placeholder)
        pages.append(_without_tokens(page))
    assert pages[0] == pages[1]


def _without_tokens(page):
    """The CSRF token differs per client; everything else must not."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_forwarded_for_is_ignored_when_not_behind_a_proxy(client, settings):
    # Given no proxy in front of Puentes
    settings.PUENTES_BEHIND_PROXY = False

    # When five failures each claim another address in X-Forwarded-For
    for n in range(5):
        sign_in(
            client, f"guess{n}@example.org", WRONG_PASSWORD, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"
        )

    # Then the sixth is still refused: the address counted is the connection's own
    user = UserFactory()
    response = sign_in(client, user.email, DEFAULT_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert form_errors(response) == [THROTTLED]


def test_behind_the_proxy_the_client_address_it_reports_is_counted(settings):
    # Given Puentes behind its reverse proxy at 10.0.0.1
    settings.PUENTES_BEHIND_PROXY = True
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    user = UserFactory()

    # When one visitor fails five times
    for n in range(5):
        sign_in(proxy, f"guess{n}@example.org", WRONG_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5")

    # Then that visitor is refused, even when it prepends a made-up address of its own,
    spoofed = sign_in(
        proxy, user.email, DEFAULT_PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5"
    )
    assert form_errors(spoofed) == [THROTTLED]
    # and another visitor coming through the same proxy signs in
    sign_in(proxy, user.email, DEFAULT_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert signed_in_user_id(proxy) == str(user.pk)


def test_the_admin_sign_in_form_is_no_way_around_the_throttle(client):
    # Given an account throttled on the sign-in page
    user = UserFactory(is_staff=True)
    for _ in range(5):
        sign_in(client, user.email, WRONG_PASSWORD)

    # When the right password is posted to the admin's own sign-in form
    response = client.post("/admin/login/", {"username": user.email, "password": DEFAULT_PASSWORD})

    # Then the admin sends it to the sign-in page instead of signing in
    assert response.status_code == 302
    assert urlsplit(response.url).path.endswith("/accounts/login/")
    assert signed_in_user_id(client) is None
