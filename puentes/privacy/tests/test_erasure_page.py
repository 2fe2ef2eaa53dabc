"""The erasure page: the person confirms with their password and is erased at once; a
coordinator erases someone on the admin's erasure page, through the same service."""

import pytest
from django.urls import reverse
from django.utils import translation

from puentes.people.models import Person
from puentes.people.tests.factories import DEFAULT_PASSWORD, MembershipFactory, PersonFactory
from puentes.privacy.models import Erasure


@pytest.fixture(autouse=True)
def ledger(settings, tmp_path):
    settings.PUENTES_ERASURE_LEDGER = tmp_path / "erasures.jsonl"


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def member(db):
    return MembershipFactory(person__name="Karin Lindqvist").person


def test_the_page_explains_what_erasure_does_before_asking_for_the_password(client, member):
    # Given a signed-in member
    client.force_login(member.user)

    # When they open the erasure page in English
    response = client.get(url("privacy:erasure"))

    # Then it says what happens and asks for the password; nothing is erased yet
    page = response.content.decode()
    assert "That you took part is still counted" in page
    assert 'type="password"' in page and 'autocomplete="current-password"' in page
    assert not Erasure.objects.exists()


def test_a_wrong_password_erases_nothing_and_says_why(client, member):
    # Given a signed-in member
    client.force_login(member.user)

    # When they confirm with a wrong password
    response = client.post(url("privacy:erasure"), {"password": "not-the-password"})

    # Then the page answers with the error and the person is untouched
    assert response.status_code == 200
    assert "The password is not right." in response.content.decode()
    member.refresh_from_db()
    assert member.name == "Karin Lindqvist" and not Erasure.objects.exists()


def test_the_right_password_erases_the_person_at_once_and_signs_them_out(client, member):
    # Given a signed-in member
    client.force_login(member.user)

    # When they confirm with their password
    response = client.post(url("privacy:erasure"), {"password": DEFAULT_PASSWORD})

    # Then they are erased, signed out, and told so on the next page
    assert response.status_code == 302 and response.url == url("privacy:erasure_done")
    member.refresh_from_db()
    assert member.name == f"Erased person #{member.pk}"
    assert Erasure.objects.get().reason == Erasure.Reason.OWN_REQUEST
    assert "_auth_user_id" not in client.session
    assert "Your data is erased" in client.get(response.url).content.decode()
    assert client.get(url("privacy:erasure")).status_code == 302  # to the sign-in page


def test_a_coordinator_erases_a_person_on_the_admins_erasure_page(client, member, settings):
    # Given a coordinator in the admin (the TOTP requirement is not what this test is about)
    settings.PUENTES_COORDINATOR_MFA_REQUIRED = False
    coordinator = PersonFactory()
    coordinator.user.is_superuser = True
    coordinator.user.save()
    client.force_login(coordinator.user)
    erase = url("admin:privacy_erasure_erase")
    assert member.name in client.get(erase, {"person": member.pk}).content.decode()

    # When they choose the member and confirm
    response = client.post(erase, {"person": member.pk, "confirm": "on"})

    # Then the member is erased through the same service, recorded as by the coordinator
    assert response.status_code == 302
    erasure = Erasure.objects.get()
    assert (erasure.person_pk, erasure.by, erasure.reason) == (
        member.pk,
        coordinator.user,
        Erasure.Reason.COORDINATOR,
    )
    assert Person.objects.get(pk=member.pk).name == f"Erased person #{member.pk}"
