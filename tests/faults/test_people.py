"""People and API tokens: a change and its audit entry are kept together or not at all."""

import datetime

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from puentes.api.models import ApiToken
from puentes.api.services import token_create, token_revoke
from puentes.core.testing.faults import assert_all_or_nothing
from puentes.people.models import Person
from puentes.people.services import person_gender_give, person_gender_withdraw
from puentes.people.tests.factories import NetworkRoleFactory, PersonFactory

NOW = datetime.datetime(2025, 4, 1, 8, 0, tzinfo=datetime.UTC)


def test_giving_a_gender_keeps_nothing_when_any_write_fails(db):
    person = PersonFactory(gender="")

    def run():
        person_gender_give(
            person=Person.objects.get(pk=person.pk), gender="woman", by=person.user, now=NOW
        )

    assert_all_or_nothing(run)


def test_withdrawing_a_gender_keeps_it_when_any_write_fails(db):
    person = PersonFactory(gender="woman", gender_consent_at=NOW)

    def run():
        person_gender_withdraw(person=Person.objects.get(pk=person.pk), by=person.user, now=NOW)

    assert_all_or_nothing(run)


def coordinator():
    user = NetworkRoleFactory().person.user
    TOTP.activate(user, generate_totp_secret())
    return user


def test_making_an_api_token_keeps_nothing_when_any_write_fails(db):
    user = coordinator()

    assert_all_or_nothing(lambda: token_create(user=user, name="Power BI", now=NOW))


def test_revoking_an_api_token_keeps_it_working_when_any_write_fails(db):
    user = coordinator()
    token, _secret = token_create(user=user, name="Power BI", now=NOW)

    def run():
        token_revoke(token=ApiToken.objects.get(pk=token.pk), by=user, now=NOW)

    assert_all_or_nothing(run)
