"""Rules the people tables keep by themselves: constraints, stored shapes, derived roles."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from puentes.people.models import Membership, NetworkRole, Person, User

from .factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_gender_without_a_consent_time_is_refused_by_the_database():
    # Given a person who has not consented to recording their gender
    person = PersonFactory(gender="", gender_consent_at=None)

    # When their gender is stored anyway, Then the database refuses it
    person.gender = "woman"
    with pytest.raises(IntegrityError), transaction.atomic():
        person.save()
    person.refresh_from_db()
    assert person.gender == ""


def test_gender_with_a_consent_time_is_stored():
    # Given a person who consented at a known moment
    consent_at = datetime.datetime(2024, 5, 2, 10, 0, tzinfo=datetime.UTC)

    # When their gender is stored with that consent time
    person = PersonFactory(gender="woman", gender_consent_at=consent_at)

    # Then both are kept
    person.refresh_from_db()
    assert (person.gender, person.gender_consent_at) == ("woman", consent_at)


def test_languages_are_stored_as_a_list_in_the_order_given():
    # Given a person who speaks Spanish, K'iche' and English
    person = PersonFactory(languages=["es", "quc", "en"])

    # When the person is read back from the database
    stored = Person.objects.get(pk=person.pk)

    # Then the languages are the same list
    assert stored.languages == ["es", "quc", "en"]


def test_new_accounts_store_the_email_address_in_lower_case():
    user = User.objects.create_user("Ana.Lopez@Example.ORG", password="long-enough-passphrase")

    assert user.email == "ana.lopez@example.org"
    assert str(user) == "ana.lopez@example.org"


def test_only_a_coordinator_role_makes_an_account_a_coordinator():
    # Given a coordinator, a mentor and a member of a municipality
    coordinator = NetworkRoleFactory(role=NetworkRole.Role.COORDINATOR).person.user
    mentor = NetworkRoleFactory(role=NetworkRole.Role.MENTOR).person.user
    member = MembershipFactory().person.user

    # Then only the coordinator is one; the mentor is a mentor
    assert [User.objects.get(pk=u.pk).is_coordinator for u in (coordinator, mentor, member)] == [
        True,
        False,
        False,
    ]
    assert User.objects.get(pk=mentor.pk).is_mentor


def test_a_person_is_a_member_of_an_organisation_only_once():
    # Given a person who acts for Stockholm
    membership = MembershipFactory()

    # When the same tie is recorded again, Then the database refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(person=membership.person, organisation=membership.organisation)


def test_organisation_factory_gives_real_municipalities_with_their_official_codes():
    # When organisations are made by code, by country, and again by the same code
    stockholm = OrganisationFactory(code="0180")
    colombian = OrganisationFactory(country_code="CO")
    stockholm_again = OrganisationFactory(code="0180")

    # Then they carry the official codes, names and areas, and a code is made only once
    assert (stockholm.country.code, stockholm.area.code, stockholm.name) == (
        "SE",
        "01",
        "Stockholm",
    )
    assert (colombian.country.code, colombian.code, colombian.name) in {
        ("CO", "05001", "Medellín"),
        ("CO", "11001", "Bogotá, D.C."),
    }
    assert stockholm_again.pk == stockholm.pk
    with pytest.raises(ValueError, match="No reference organisation"):
        OrganisationFactory(code="9999")


def test_user_factory_makes_a_verified_unverified_or_no_allauth_address():
    verified, unverified = UserFactory(), UserFactory(verified=False)
    without = UserFactory(email_address=None)

    assert list(verified.emailaddress_set.values_list("email", "verified")) == [
        (verified.email, True)
    ]
    assert list(unverified.emailaddress_set.values_list("verified", flat=True)) == [False]
    assert not without.emailaddress_set.exists()
