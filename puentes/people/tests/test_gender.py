"""A person gives their gender with explicit consent on their account, and can withdraw it."""

import pytest
from django.db import IntegrityError
from django.utils import timezone

from puentes.core.models import AuditEntry
from puentes.people.models import Person

pytestmark = pytest.mark.django_db

URL = "/en/account/gender/"


def test_gender_with_consent_is_saved_and_recorded_without_its_value(member, sign_in_as, client):
    # Given a member on their gender page
    sign_in_as(member)
    assert client.get(URL).status_code == 200
    # When they choose "woman" and tick the consent
    response = client.post(URL, {"gender": "woman", "consent": "on"})
    # Then it is saved with the moment of consent, and the trail says so without the value
    assert response.status_code == 302
    person = Person.objects.get(user=member)
    assert person.gender == Person.Gender.WOMAN
    assert person.gender_consent_at is not None
    entry = AuditEntry.objects.get(action="people.gender_given")
    assert "woman" not in str(entry.data)
    assert "Woman" in client.get("/en/account/").content.decode()


def test_gender_without_the_consent_box_is_refused_and_nothing_saved(member, sign_in_as, client):
    sign_in_as(member)
    response = client.post(URL, {"gender": "man"})
    assert response.status_code == 200
    assert 'href="#id_consent"' in response.content.decode()
    person = Person.objects.get(user=member)
    assert (person.gender, person.gender_consent_at) == ("", None)


def test_withdrawing_clears_the_gender_and_the_consent(member, sign_in_as, client):
    # Given a member who gave their gender
    sign_in_as(member)
    client.post(URL, {"gender": "another", "consent": "on"})
    # When they withdraw
    response = client.post(URL, {"withdraw": "1"})
    # Then both are gone
    assert response.status_code == 302
    person = Person.objects.get(user=member)
    assert (person.gender, person.gender_consent_at) == ("", None)
    assert AuditEntry.objects.filter(action="people.gender_withdrawn").count() == 1


def test_the_database_refuses_a_gender_without_consent_or_outside_the_choices(member):
    person = Person.objects.get(user=member)
    with pytest.raises(IntegrityError):
        Person.objects.filter(pk=person.pk).update(gender="woman", gender_consent_at=None)


def test_the_database_refuses_a_free_text_gender(member):
    person = Person.objects.get(user=member)
    with pytest.raises(IntegrityError):
        Person.objects.filter(pk=person.pk).update(
            gender="prefer-not", gender_consent_at=timezone.now()
        )
