"""Fixtures for recruitment tests: a network with an open call, its people, and inputs."""

import dataclasses
import datetime

import pytest
from django.utils import translation

from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
)
from puentes.recruitment.services import ContactInput, InterestInput, ProfileInput

from .factories import PrivacyNoticeFactory

# CallFactory's calls are open from 15 January to 31 March 2024.
OPEN_DAY = datetime.datetime(2024, 2, 1, 10, 0, tzinfo=datetime.UTC)
BEFORE_OPENING = datetime.datetime(2024, 1, 10, 10, 0, tzinfo=datetime.UTC)
AFTER_CLOSING = datetime.datetime(2024, 4, 2, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _english():
    """Refusals are compared with their English words; mail picks its own language."""
    with translation.override("en"):
        yield


@pytest.fixture
def now():
    return OPEN_DAY


@pytest.fixture
def network(db):
    return NetworkFactory(slug="gender-equality", contact_email="secretariat@example.org")


@pytest.fixture
def call(network):
    return CallFactory(network=network, slug="call-2024")


@pytest.fixture
def theme(network):
    return ThemeFactory(network=network, slug="political-participation")


@pytest.fixture
def notice(db):
    return PrivacyNoticeFactory(version="1")


@pytest.fixture
def coordinator(network):
    return NetworkRoleFactory(network=network, person__name="Carmen Coordinadora").person.user


@pytest.fixture
def member(db):
    """An account acting for Stockholm."""
    organisation = OrganisationFactory(country_code="SE", code="0180")
    return MembershipFactory(organisation=organisation, person__name="Maja Medlem").person.user


@pytest.fixture
def organisation(member):
    return member.person.memberships.get().organisation


@pytest.fixture
def guatemalan_member(db):
    """An account acting for Cobán, Guatemala, writing in Spanish."""
    organisation = OrganisationFactory(country_code="GT", code="1601")
    return MembershipFactory(
        organisation=organisation,
        person__name="Rosa Caal",
        person__preferred_language="es",
    ).person.user


@pytest.fixture
def interest_input(theme, notice):
    """A complete InterestInput; pass changes as keyword arguments."""

    def build(**changes):
        data = InterestInput(
            contacts=[
                ContactInput(
                    name="Maja Medlem",
                    email="maja@stockholm.example.org",
                    role="official",
                    title="Jämställdhetsstrateg",
                ),
                ContactInput(
                    name="Olof Ordförande",
                    email="olof@stockholm.example.org",
                    role="politician",
                    title="Kommunalråd",
                    language="en",
                ),
            ],
            theme_ids=[theme.pk],
            motivation="Vi vill stärka unga kvinnors deltagande i den lokala demokratin.",
            motivation_language="sv",
            preferred_country="GT",
            workshop_commitment=True,
            consent_given=True,
            consent_language="sv",
        )
        return dataclasses.replace(data, **changes)

    return build


@pytest.fixture
def profile_input(theme):
    """A complete ProfileInput in Spanish; pass changes as keyword arguments."""

    def build(**changes):
        data = ProfileInput(
            challenge="Pocas mujeres participan en el Concejo Municipal de Cobán.",
            challenge_language="es",
            theme_ids=[theme.pk],
            contact=ContactInput(name="Rosa Caal", email="rosa@coban.example.org", role="official"),
            local_context="Municipio mayoritariamente maya q'eqchi'.",
            translations={"en": "Few women take part in Cobán's municipal council."},
        )
        return dataclasses.replace(data, **changes)

    return build
