"""Consents to the privacy notice: given and withdrawn through services, never deleted, and
always with an entry in the person's audit trail."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from puentes.core.models import AuditEntry
from puentes.people.models import Consent, Person
from puentes.people.tests.factories import PersonFactory, UserFactory
from puentes.privacy.services import ConsentError, consent_give, consent_withdraw
from puentes.recruitment.tests.factories import ConsentFactory, PrivacyNoticeFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 5, 4, 10, 0, tzinfo=datetime.UTC)


def person_entries(person, action):
    person_type = ContentType.objects.get_for_model(Person)
    return AuditEntry.objects.filter(action=action, scope_type=person_type, scope_id=str(person.pk))


def test_withdrawing_a_consent_keeps_it_with_the_moment_and_records_it():
    # Given a person's standing consent
    person = PersonFactory(user=UserFactory())
    consent = ConsentFactory(person=person)
    # When they withdraw it
    consent_withdraw(consent=consent, by=person.user, now=NOW)
    # Then the consent is still there, withdrawn at that moment, and the trail says so
    consent.refresh_from_db()
    assert consent.withdrawn_at == NOW
    entry = person_entries(person, "people.consent_withdrawn").get()
    assert entry.actor == person.user
    assert entry.data == {"version": consent.notice.version}


def test_a_withdrawn_consent_cannot_be_withdrawn_again():
    person = PersonFactory(user=UserFactory())
    consent = ConsentFactory(person=person)
    consent_withdraw(consent=consent, by=person.user, now=NOW)

    with pytest.raises(ConsentError):
        consent_withdraw(consent=consent, by=person.user, now=NOW + datetime.timedelta(hours=1))

    consent.refresh_from_db()
    assert consent.withdrawn_at == NOW
    assert person_entries(person, "people.consent_withdrawn").count() == 1


def test_giving_consent_to_a_new_version_records_it_in_the_language_read():
    # Given a person who consented to version 1, and a published version 2
    person = PersonFactory(user=UserFactory())
    ConsentFactory(person=person, notice=PrivacyNoticeFactory(version="1"))
    second = PrivacyNoticeFactory(version="2")
    # When they consent to version 2 reading it in Spanish
    consent = consent_give(person=person, notice=second, language="es", by=person.user, now=NOW)
    # Then a second consent is recorded, the first untouched, and the trail says so
    assert (consent.notice, consent.language, consent.given_at) == (second, "es", NOW)
    assert Consent.objects.filter(person=person).count() == 2
    assert person_entries(person, "people.consent_given").get().data == {"version": "2"}


def test_a_second_standing_consent_to_the_same_version_is_refused():
    person = PersonFactory(user=UserFactory())
    consent = ConsentFactory(person=person)

    with pytest.raises(ConsentError):
        consent_give(person=person, notice=consent.notice, language="sv", by=None, now=NOW)

    assert Consent.objects.filter(person=person).count() == 1


def test_consent_after_withdrawing_the_same_version_is_a_new_record():
    person = PersonFactory(user=UserFactory())
    first = ConsentFactory(person=person)
    consent_withdraw(consent=first, by=person.user, now=NOW)

    again = consent_give(person=person, notice=first.notice, language="en", by=person.user, now=NOW)

    assert again.pk != first.pk
    first.refresh_from_db()
    assert first.withdrawn_at == NOW


def test_consent_to_a_version_not_yet_published_or_in_an_unknown_language_is_refused():
    person = PersonFactory(user=UserFactory())
    future = PrivacyNoticeFactory(published_at=NOW + datetime.timedelta(days=1))
    current = PrivacyNoticeFactory(published_at=NOW - datetime.timedelta(days=1))

    with pytest.raises(ConsentError):
        consent_give(person=person, notice=future, language="sv", by=person.user, now=NOW)
    with pytest.raises(ConsentError):
        consent_give(person=person, notice=current, language="de", by=person.user, now=NOW)

    assert not Consent.objects.filter(person=person).exists()
