"""A partnership with everyone around it, for the workspace's tests (comments, phases,
activity, members): `ws.partnership` of Stockholm and Guatemala, and `ws.users` of each role.
"""

import datetime
from types import SimpleNamespace

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from django.utils import translation

from puentes.networks.tests.factories import CallFactory, NetworkFactory
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
)
from puentes.recruitment.tests.factories import ContactPersonFactory

from .factories import PartnershipFactory

NOW = datetime.datetime(2025, 3, 3, 10, 0, tzinfo=datetime.UTC)
INVITED_AT = datetime.datetime(2025, 1, 20, 9, 0, tzinfo=datetime.UTC)
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def workspace_url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"partnerships:{name}", kwargs=kwargs)


def coordinator_of(network):
    """A coordinator with TOTP: without it, a coordinator's powers are not theirs yet."""
    user = NetworkRoleFactory(network=network).person.user
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def ws(db):
    network = NetworkFactory(contact_email="secretariat@example.org")
    partnership = PartnershipFactory(
        call=CallFactory(network=network),
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
        phase=Partnership.Phase.FORMING,
    )
    swede = PersonFactory(name="Karin Lind", preferred_language="sv")
    guatemalan = PersonFactory(name="María José Caal", preferred_language="es")
    without_account = ContactPersonFactory(name="Pedro Xol", preferred_language="es")
    for person, side in (
        (swede, PartnershipMember.Side.SWEDISH),
        (guatemalan, PartnershipMember.Side.LATIN),
        (without_account, PartnershipMember.Side.LATIN),
    ):
        PartnershipMember.objects.create(
            partnership=partnership, person=person, side=side, invited_at=INVITED_AT
        )
    mentor = NetworkRoleFactory(
        network=network,
        role=NetworkRole.Role.MENTOR,
        person=PersonFactory(name="Eva Mentor", preferred_language="sv"),
    ).person
    Partnership.objects.filter(pk=partnership.pk).update(mentor=mentor)
    partnership.refresh_from_db()
    users = {
        "swede": swede.user,
        "guatemalan": guatemalan.user,
        # Acts for the Swedish municipality without being a member of the partnership.
        "colleague": MembershipFactory(
            organisation=partnership.swedish_organisation,
            person=PersonFactory(name="Olle Kollega"),
        ).person.user,
        "mentor": mentor.user,
        "coordinator": coordinator_of(network),
        "outsider": MembershipFactory(
            organisation=OrganisationFactory(country_code="SE", code="1480")
        ).person.user,
    }
    return SimpleNamespace(
        network=network,
        partnership=partnership,
        users=users,
        without_account=without_account,
    )


@pytest.fixture
def sign_in(client):
    """sign_in(user): the test client acts as `user`, as after signing in with allauth."""

    def sign_in(user):
        client.force_login(user, backend=SIGN_IN_BACKEND)
        return client

    return sign_in
