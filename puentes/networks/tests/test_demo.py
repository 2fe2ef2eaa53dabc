import io
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.core.cache import cache
from django.core.management import CommandError, call_command

from puentes.networks.demo import (
    CALL_SLUG,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    NETWORK_SLUG,
    demo_load,
)
from puentes.networks.models import Call, Network, Theme
from puentes.people.models import Membership, NetworkRole, Person, User
from puentes.places.testing import load_reference_data_for_tests

COORDINATOR = "coordinator@demo.puentes.test"


@pytest.fixture
def reference_data(db):
    load_reference_data_for_tests()


@pytest.fixture
def demo(reference_data):
    return demo_load()


def row_counts():
    models = [Network, Theme, Call, User, EmailAddress, Person, Membership, NetworkRole]
    return {model.__name__: model.objects.count() for model in [*models, Authenticator]}


def test_demo_creates_the_gender_equality_network_in_three_languages(demo):
    network = Network.objects.get()

    assert network.slug == NETWORK_SLUG
    assert network.is_demo and network.is_published
    assert network.contact_email == "partnership@icld.se"
    assert (network.start_date.year, network.end_date.year) == (2024, 2026)
    assert set(network.names) == set(network.descriptions) == {"sv", "es", "en"}
    assert "Guatemala" in network.descriptions["es"]
    assert "Colombia" in network.descriptions["sv"]


def test_demo_network_has_four_themes_and_three_perspectives_named_in_every_language(demo):
    themes = Theme.objects.filter(network=demo.network)

    assert themes.filter(kind=Theme.Kind.THEME).count() == 4
    assert themes.filter(kind=Theme.Kind.PERSPECTIVE).count() == 3
    assert all(set(theme.names) == {"sv", "es", "en"} for theme in themes)
    assert themes.get(slug="gender-based-violence").names["es"] == "Violencia basada en género"


def test_demo_call_asks_for_a_workshop_in_latin_america_and_one_in_sweden_in_2024(demo):
    call = Call.objects.get(network=demo.network, slug=CALL_SLUG)

    assert call.is_demo
    assert call.rule_year == 2024
    assert (call.rule_min_latin_america, call.rule_min_sweden) == (1, 1)
    assert call.open_date < call.close_date
    assert set(call.titles) == set(call.descriptions) == {"sv", "es", "en"}


@pytest.mark.parametrize(
    ("email", "country", "code"),
    [
        ("lessebo@demo.puentes.test", "SE", "0761"),
        ("boras@demo.puentes.test", "SE", "1490"),
        ("totonicapan@demo.puentes.test", "GT", "0801"),
        ("popayan@demo.puentes.test", "CO", "19001"),
        ("mentor@demo.puentes.test", "SE", "2480"),
    ],
)
def test_demo_members_act_for_real_municipalities_by_official_code(demo, email, country, code):
    membership = Membership.objects.select_related("organisation__country").get(
        person__user__email=email
    )

    assert (membership.organisation.country.code, membership.organisation.code) == (country, code)


def test_demo_people_are_marked_as_demo_and_speak_their_partners_language(demo):
    people = {person.email: person for person in Person.objects.filter(user__isnull=False)}

    assert len(people) == 6
    # The people behind the accounts, and the recruitment demo's contacts without one.
    assert all(
        person.is_demo and person.name.startswith("Demo: ") for person in Person.objects.all()
    )
    assert people["lessebo@demo.puentes.test"].preferred_language == "sv"
    assert people["totonicapan@demo.puentes.test"].preferred_language == "es"
    assert people["boras@demo.puentes.test"].role == Person.Role.POLITICIAN


def test_demo_accounts_have_a_verified_address_and_the_printed_password(demo):
    users = User.objects.all()

    assert users.count() == 6
    for user in users:
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True
        ).exists()


def test_demo_has_a_coordinator_and_a_mentor_of_the_network(demo):
    roles = NetworkRole.objects.filter(network=demo.network)

    assert {(role.person.user.email, role.role) for role in roles} == {
        (COORDINATOR, NetworkRole.Role.COORDINATOR),
        ("mentor@demo.puentes.test", NetworkRole.Role.MENTOR),
    }
    assert User.objects.get(email=COORDINATOR).is_coordinator


def test_demo_coordinator_has_totp_with_the_documented_secret(demo):
    cache.clear()
    authenticator = Authenticator.objects.get(user__email=COORDINATOR, type=Authenticator.Type.TOTP)
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))

    assert decrypt(authenticator.data["secret"]) == DEMO_TOTP_SECRET
    assert TOTP(authenticator).validate_code(code)
    assert Authenticator.objects.count() == 1


def test_running_demo_twice_creates_nothing_new_and_is_fast(demo, django_assert_max_num_queries):
    before = row_counts()

    # Each area's loader looks before it writes: 1 to 4 queries each on a rerun.
    with django_assert_max_num_queries(50):
        result = demo_load()

    assert row_counts() == before
    assert not any(result.created.values())
    assert not any(login.created for login in result.logins)


def test_running_demo_again_keeps_what_people_changed(demo):
    network = demo.network
    network.descriptions = {**network.descriptions, "en": "Our own words."}
    network.save()
    user = User.objects.get(email="lessebo@demo.puentes.test")
    user.set_password("a-password-of-my-own")
    user.save()
    Person.objects.filter(user=user).update(name="Anna Berg")

    demo_load()

    network.refresh_from_db()
    user.refresh_from_db()
    assert network.descriptions["en"] == "Our own words."
    assert user.check_password("a-password-of-my-own")
    assert user.person.name == "Anna Berg"


def test_demo_command_prints_logins_password_and_totp_hint(reference_data):
    out = io.StringIO()

    call_command("demo", stdout=out)

    printed = out.getvalue()
    assert DEMO_PASSWORD in printed
    assert DEMO_TOTP_SECRET in printed
    assert f"puentes totp_code {COORDINATOR}" in printed
    for email in User.objects.values_list("email", flat=True):
        assert email in printed
    assert "Totonicapán" in printed


def test_demo_without_reference_data_fails_and_says_what_to_run(db):
    with pytest.raises(CommandError, match="puentes load_reference_data"):
        call_command("demo", stdout=io.StringIO())

    assert not Network.objects.exists()
    assert not User.objects.exists()
