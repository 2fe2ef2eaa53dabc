"""Partnerships in the admin: a coordinator sets the mentor and the phase, lists without a
query per row, and can neither add nor delete a partnership (only confirming a match makes
one)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puentes.networks.tests.factories import CallFactory
from puentes.partnerships.models import Partnership
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import NetworkRoleFactory

from .factories import PartnershipFactory, PartnershipMemberFactory

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@pytest.fixture
def coordinator_client(client, db):
    user = NetworkRoleFactory().person.user
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(user, backend=SIGN_IN_BACKEND)
    return client


def test_a_coordinator_sets_the_mentor_and_the_phase(coordinator_client):
    partnership = PartnershipFactory()
    member = PartnershipMemberFactory(partnership=partnership)
    mentor = NetworkRoleFactory(role=NetworkRole.Role.MENTOR).person
    url = reverse("admin:partnerships_partnership_change", args=[partnership.pk])

    response = coordinator_client.post(
        url,
        {
            "phase": "inception",
            "mentor": mentor.pk,
            "areas_of_cooperation_sv": "Ny rad",
            "areas_of_cooperation_es": "",
            "areas_of_cooperation_en": "",
            "members-TOTAL_FORMS": 1,
            "members-INITIAL_FORMS": 1,
            "members-0-id": member.pk,
            "members-0-partnership": partnership.pk,
            "members-0-person": member.person.pk,
            "members-0-side": "swedish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    partnership.refresh_from_db()
    assert (partnership.phase, partnership.mentor) == ("inception", mentor)
    assert partnership.areas_of_cooperation == {"sv": "Ny rad"}


def test_a_coordinator_cannot_add_or_delete_a_partnership(coordinator_client):
    partnership = PartnershipFactory()

    add = coordinator_client.get(reverse("admin:partnerships_partnership_add"))
    delete = coordinator_client.post(
        reverse("admin:partnerships_partnership_delete", args=[partnership.pk]), {"post": "yes"}
    )

    assert add.status_code == delete.status_code == 403
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_the_changelist_runs_the_same_queries_for_2_and_20_partnerships(coordinator_client):
    url = reverse("admin:partnerships_partnership_changelist")
    for _ in range(2):
        PartnershipFactory(call=CallFactory())
    coordinator_client.get(url)
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    for _ in range(18):
        PartnershipFactory(call=CallFactory())
    with CaptureQueriesContext(connection) as many:
        response = coordinator_client.get(url)

    assert response.status_code == 200
    assert len(many) == len(few)
