"""Password rules: at least 12 characters, long ones welcome, common ones and the name of the
person's own municipality or region refused, on sign-up, password change and reset."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.testing.smtp import links_in
from puentes.people.models import User

from .factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LONG_PASSWORD = (
    "a sentence of exactly one hundred characters is a fine password, "
    "long and easy to remember, really!!"
)
OWN_PLACE_PASSWORD = "totonicapan2024!!"


def sign_up(client, password):
    return client.post(
        "/en/accounts/signup/",
        {"email": "ana@example.org", "password1": password, "password2": password},
    )


def change_password(client, new):
    return client.post(
        "/en/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": new, "password2": new},
    )


def member_of(organisation_name, *, country_code="GT", code="0101"):
    """An account acting for `organisation_name`, in the area of the reference row `code`
    (GT 0101: the department of Guatemala; SE 0180: Stockholms län)."""
    membership = MembershipFactory(
        organisation__country_code=country_code,
        organisation__code=code,
        organisation__name=organisation_name,
    )
    return membership.person.user


def signed_in(client, user):
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    return client


def test_sign_up_refuses_a_password_of_eleven_characters_and_accepts_twelve(client):
    response = sign_up(client, "Abcdefgh-7x")
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.exists()

    response = sign_up(client, "Abcdefgh-7xy")
    assert response.status_code == 302
    assert User.objects.get().check_password("Abcdefgh-7xy")


def test_a_password_of_a_hundred_characters_is_accepted_and_signs_in(client):
    # Given a password of 100 characters
    assert len(LONG_PASSWORD) == 100
    user = UserFactory()

    # When the account changes to it
    response = change_password(signed_in(client, user), LONG_PASSWORD)

    # Then it is kept whole and signs in
    assert response.status_code == 302
    client.logout()
    client.post("/en/accounts/login/", {"login": user.email, "password": LONG_PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)
    user.refresh_from_db()
    assert not user.check_password(LONG_PASSWORD[:99])


def test_sign_up_refuses_a_common_password_of_twelve_characters(client):
    response = sign_up(client, "qwerty123456")

    assert response.status_code == 200
    assert "This password is too common." in response.context["form"].errors["password1"]


def test_password_change_refuses_the_name_of_the_own_municipality_without_accents(client):
    # Given someone who acts for Totonicapán
    user = member_of("Totonicapán")

    # When they choose a password containing "totonicapan"
    response = change_password(signed_in(client, user), OWN_PLACE_PASSWORD)

    # Then it is refused with a message naming the place, and the old password still works
    assert response.status_code == 200
    [error] = response.context["form"].errors["password1"]
    assert error == (
        "Your password contains the name Totonicapán, where you work. "
        "Choose a password that does not contain it."
    )
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_password_reset_refuses_the_name_of_the_own_municipality(client, smtp_server):
    # Given someone from Totonicapán who asked for a reset link
    user = member_of("Totonicapán")
    client.post("/en/accounts/password/reset/", {"email": user.email})
    mail_deliver_due(now=timezone.now())
    [mail] = smtp_server.wait_for(1)
    [reset_url] = [link for link in links_in(mail) if "/password/reset/key/" in link]
    set_password_url = client.get(reset_url).url

    # When they choose a password with the place's name in capitals
    response = client.post(
        set_password_url, {"password1": "TOTONICAPÁN-2024!!", "password2": "TOTONICAPÁN-2024!!"}
    )

    # Then it is refused and the old password still works
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_sign_up_has_no_municipality_to_compare_with(client):
    # Someone from Totonicapán exists, but a new account belongs to no organisation yet
    member_of("Totonicapán")

    response = sign_up(client, OWN_PLACE_PASSWORD)

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("password", "refused"),
    [
        ("Totonicapan-rocks-42", True),
        ("my-TOTONICAPÁN-42!", True),
        ("toto-nica-pan-42-x", True),
        ("guatemala-forever-42", True),  # the department the municipality lies in
        ("quetzaltenango-2024!", False),
    ],
)
def test_own_place_names_are_compared_without_case_accents_or_punctuation(password, refused):
    user = member_of("Totonicapán")  # area: the department of Guatemala

    if refused:
        with pytest.raises(ValidationError) as error:
            validate_password(password, user)
        assert "password_contains_own_place" in [e.code for e in error.value.error_list]
    else:
        validate_password(password, user)


def test_words_for_the_kind_of_organisation_are_not_refused():
    # Given someone who acts for "Region Stockholm" (a Swedish region)
    user = member_of("Region Stockholm", country_code="SE", code="0180")

    # Then "region" alone is allowed, the place's name is not
    validate_password("our-region-is-lovely-42", user)
    with pytest.raises(ValidationError):
        validate_password("stockholm-is-lovely-42", user)


def test_someone_elses_municipality_is_not_refused():
    member_of("Totonicapán")
    stranger = UserFactory()

    validate_password(OWN_PLACE_PASSWORD, stranger)
