"""Shared set-up of the catalogue tests: real municipalities, a call open today, profiles."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from django.utils import timezone

from puentes.networks.models import Theme
from puentes.networks.tests.factories import CallFactory, ThemeFactory
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests

from .factories import ContactPersonFactory, SeekingProfileFactory

# The first configured backend only grants permissions and cannot load a user.
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def municipality(code: str) -> Organisation:
    """A Guatemalan (4 digits) or Colombian (5 digits) municipality of the reference data."""
    return Organisation.objects.get(country__code="GT" if len(code) == 4 else "CO", code=code)


def catalogue_url(call, **query):
    url = reverse("catalogue:list", args=[call.network.slug, call.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def detail_url(profile):
    return reverse(
        "catalogue:detail", args=[profile.call.network.slug, profile.call.slug, profile.pk]
    )


@pytest.fixture
def reference(db):
    load_reference_data_for_tests()


@pytest.fixture
def open_call(network):
    """A call of the network that is open today (the views judge by today's date)."""
    today = timezone.localdate()
    return CallFactory(
        network=network,
        slug="open-call",
        titles={"sv": "Utlysning idag", "es": "Convocatoria de hoy", "en": "Today's call"},
        open_date=today - datetime.timedelta(days=10),
        close_date=today + datetime.timedelta(days=30),
        rule_year=today.year,
    )


@pytest.fixture
def themes(network):
    """Two themes and a perspective, with names in three languages."""
    return {
        "representation": ThemeFactory(
            network=network,
            slug="representation",
            names={
                "sv": "Politisk representation",
                "es": "Representación política",
                "en": "Political representation",
            },
        ),
        "violence": ThemeFactory(
            network=network,
            slug="violence",
            names={
                "sv": "Mäns våld mot kvinnor",
                "es": "Violencia basada en género",
                "en": "Gender-based violence",
            },
        ),
        "indigenous": ThemeFactory(
            network=network,
            slug="indigenous",
            kind=Theme.Kind.PERSPECTIVE,
            names={
                "sv": "Urfolks inkludering",
                "es": "Inclusión de pueblos indígenas",
                "en": "Indigenous peoples' inclusion",
            },
        ),
    }


@pytest.fixture
def publish(open_call, themes):
    """publish(code, **fields): a published profile of that municipality in the open call."""

    def make(code, **fields):
        fields.setdefault("themes", [themes["representation"]])
        fields.setdefault("call", open_call)
        return SeekingProfileFactory(organisation=municipality(code), **fields)

    return make


@pytest.fixture
def contact_person(db):
    return ContactPersonFactory(
        name="Rosa Caal",
        email="rosa.caal@totonicapan.example.gt",
        title="Directora Municipal de la Mujer",
        preferred_language="es",
    )


@pytest.fixture
def coordinator_client(client, network):
    user = NetworkRoleFactory(network=network, person__name="Carmen Coordinadora").person.user
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user, backend=SIGN_IN_BACKEND)
    client.user = user
    return client


@pytest.fixture
def member_of():
    """member_of(code): an account acting for that municipality, writing in Spanish."""

    def make(code, **person):
        person.setdefault("preferred_language", "es")
        membership = MembershipFactory(
            organisation=municipality(code), **{f"person__{k}": v for k, v in person.items()}
        )
        return membership.person.user

    return make
