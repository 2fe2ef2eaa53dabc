"""A network whose call has two reporting periods (2024, 2025) and one partnership with a
plan: an indicator of people with a value for 2024, a plain indicator with a value for 2024
and none for 2025. Another network has its own partnership and indicator, which this
network's import must refuse. The coordinator has TOTP and acts as one."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from puentes.networks.tests.factories import CallFactory, NetworkFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import OrganisationFactory
from puentes.plans.tests.factories import IndicatorValueFactory

from .helpers import plan_with_indicators, year


@pytest.fixture
def world(db):
    network = NetworkFactory(slug="gender")
    call = CallFactory(network=network, slug="call-2024")
    y2024, y2025 = year(call, 2024), year(call, 2025)
    partnership = PartnershipFactory(
        call=call,
        swedish_organisation=OrganisationFactory(country_code="SE", code="0380"),
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
    )
    people, plain = plan_with_indicators(partnership)
    IndicatorValueFactory(indicator=people, period=y2024, value=50, women=20, men=29, other=1)
    IndicatorValueFactory(indicator=plain, period=y2024, value=Decimal("12.50"))

    other_network = NetworkFactory(slug="other")
    other_call = CallFactory(network=other_network, slug="other-call")
    other_period = year(other_call, 2024)
    other_partnership = PartnershipFactory(call=other_call)
    other_people, _other_plain = plan_with_indicators(other_partnership)
    return SimpleNamespace(
        network=network,
        call=call,
        y2024=y2024,
        y2025=y2025,
        partnership=partnership,
        people=people,
        plain=plain,
        other_network=other_network,
        other_period=other_period,
        other_indicator=other_people,
    )


@pytest.fixture
def coordinator(db):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from puentes.people.tests.factories import NetworkRoleFactory

    user = NetworkRoleFactory().person.user
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
