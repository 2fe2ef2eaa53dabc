"""Shared set-up of the matching board's tests: a call with accepted interests and published
profiles of real municipalities, and a coordinator signed in with their second factor."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from django.utils import translation

from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.people.tests.factories import NetworkRoleFactory
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.recruitment.tests.factories import (
    ContactPersonFactory,
    InterestFactory,
    SeekingProfileFactory,
)

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
NOW = datetime.datetime(2024, 3, 20, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def reference_data(db):
    load_reference_data_for_tests()


@pytest.fixture
def network(reference_data):
    return NetworkFactory(slug="gender-equality")


@pytest.fixture
def themes(network):
    return {
        "violence": ThemeFactory(
            network=network,
            slug="violence",
            names={"sv": "Mäns våld mot kvinnor", "en": "Gender-based violence"},
        ),
        "representation": ThemeFactory(
            network=network,
            slug="representation",
            names={"sv": "Politisk representation", "en": "Political representation"},
        ),
        "economy": ThemeFactory(
            network=network,
            slug="economy",
            names={"sv": "Ekonomisk egenmakt", "en": "Economic empowerment"},
        ),
    }


@pytest.fixture
def call(network):
    return CallFactory(network=network, slug="call-2024")


@pytest.fixture
def coordinator(network):
    user = NetworkRoleFactory(network=network).person.user
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)
    return client


def organisation(country: str, code: str) -> Organisation:
    """A municipality of the loaded reference data."""
    return Organisation.objects.get(country__code=country, code=code)


def accepted_interest(call, org, *, themes=(), preferred_country="", languages=("sv",), **kw):
    contact = ContactPersonFactory(languages=list(languages), preferred_language="sv")
    return InterestFactory(
        call=call,
        organisation=org,
        status=Interest.Status.ACCEPTED,
        themes=list(themes),
        preferred_country=preferred_country,
        contacts=[contact],
        **kw,
    )


def published_profile(call, org, *, themes=(), languages=("es",)):
    contact = ContactPersonFactory(languages=list(languages), preferred_language="es")
    return SeekingProfileFactory(
        call=call,
        organisation=org,
        status=SeekingProfile.Status.APPROVED,
        themes=list(themes),
        contact=contact,
    )


def board_url(call, language="en"):
    with translation.override(language):
        return reverse("matching:board", args=[call.network.slug, call.slug])


def action_url(name, call, language="en", **kwargs):
    with translation.override(language):
        return reverse(
            f"matching:{name}",
            kwargs={"network_slug": call.network.slug, "call_slug": call.slug, **kwargs},
        )
