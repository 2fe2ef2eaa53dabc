"""A partnership of Stockholm and Guatemala City in a call with a period due on 31 January
2025: a Swedish member writing in Swedish, a Guatemalan member in Spanish, a mentor and a
coordinator with two-factor authentication."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import translation

from puentes.networks.tests.factories import CallFactory, NetworkFactory, ReportingPeriodFactory
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import NetworkRoleFactory, OrganisationFactory, PersonFactory

NOW = datetime.datetime(2025, 1, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def network(db):
    return NetworkFactory(slug="gender-equality", contact_email="network@example.org")


@pytest.fixture
def call(network):
    return CallFactory(network=network)


@pytest.fixture
def period(call):
    return ReportingPeriodFactory(
        call=call,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 12, 31),
        due_date=datetime.date(2025, 1, 31),
    )


@pytest.fixture
def mentor(network):
    return NetworkRoleFactory(
        network=network,
        role=NetworkRole.Role.MENTOR,
        person__name="Lena Mentor",
        person__preferred_language="sv",
    ).person.user


@pytest.fixture
def partnership(call, mentor):
    return PartnershipFactory(
        call=call,
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
        mentor=mentor.person,
    )


@pytest.fixture
def swedish(partnership):
    person = PersonFactory(name="Sara Svensson", preferred_language="sv")
    PartnershipMemberFactory(
        partnership=partnership, person=person, side=PartnershipMember.Side.SWEDISH
    )
    return person.user


@pytest.fixture
def latin(partnership):
    person = PersonFactory(name="Ana López", preferred_language="es", languages=["es"])
    PartnershipMemberFactory(
        partnership=partnership, person=person, side=PartnershipMember.Side.LATIN
    )
    return person.user


@pytest.fixture
def coordinator(network):
    user = NetworkRoleFactory(network=network, person__name="Carmen Coordinadora").person.user
    TOTP.activate(user, generate_totp_secret())
    return user
