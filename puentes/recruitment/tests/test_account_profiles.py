"""A member finds their municipality's partner-seeking profiles on their account page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.people.tests.factories import MembershipFactory, OrganisationFactory
from puentes.recruitment.models import SeekingProfile
from puentes.recruitment.tests.factories import SeekingProfileFactory


@pytest.fixture
def member_of_coban(db):
    coban = OrganisationFactory(country_code="GT", code="1601")
    return MembershipFactory(organisation=coban).person.user, coban


def test_a_member_sees_their_municipalitys_profile_in_any_state(client, member_of_coban):
    user, coban = member_of_coban
    SeekingProfileFactory(organisation=coban, status=SeekingProfile.Status.SUBMITTED)
    SeekingProfileFactory(organisation=OrganisationFactory(country_code="CO"))
    client.force_login(user)

    html = client.get("/en/account/").content.decode()

    assert "Cobán" in html
    assert "awaiting approval" in html
    assert "Medellín" not in html


def test_the_account_page_runs_the_same_queries_for_one_or_many_profiles(
    client, member_of_coban, django_assert_num_queries
):
    user, coban = member_of_coban
    SeekingProfileFactory(organisation=coban)
    client.force_login(user)
    client.get("/en/account/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/account/")
    for _ in range(4):
        SeekingProfileFactory(organisation=coban, status=SeekingProfile.Status.WITHDRAWN)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get("/en/account/")

    assert response.content.decode().count("Cobán —") == 5
