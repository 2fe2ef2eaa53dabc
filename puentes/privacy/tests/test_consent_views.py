"""The person's privacy page: their consents, withdrawing one in one click and a confirmation,
consenting to a newer version; and the public notice with its earlier versions."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse
from django.utils import translation

from puentes.people.models import Consent, PrivacyNotice
from puentes.people.tests.factories import PersonFactory, UserFactory
from puentes.recruitment.tests.factories import (
    ConsentFactory,
    InterestFactory,
    PrivacyNoticeFactory,
)

pytestmark = pytest.mark.django_db

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def person(client):
    person = PersonFactory(user=UserFactory(), name="Pia Persson")
    client.force_login(person.user, backend=SIGN_IN_BACKEND)
    return person


def test_the_privacy_page_lists_consents_with_a_withdraw_link_for_standing_ones_only(
    client, person
):
    # Given one standing and one withdrawn consent
    standing = ConsentFactory(person=person, notice=PrivacyNoticeFactory(version="1"))
    withdrawn = ConsentFactory(
        person=person,
        notice=PrivacyNoticeFactory(version="0"),
        withdrawn_at=standing.given_at,
    )
    # When the person opens their privacy page
    page = client.get(url("privacy:overview")).text
    # Then both are listed, and only the standing one can be withdrawn
    assert "Version 1" in page and "Version 0" in page
    assert url("privacy:consent_withdraw", standing.pk) in page
    assert url("privacy:consent_withdraw", withdrawn.pk) not in page
    assert "Withdrawn on" in page
    assert url("people:gender") in page
    assert url("privacy:data") in page and url("privacy:data_json") in page
    assert url("privacy:erasure") in page


def test_withdrawing_takes_one_click_and_a_confirmation_and_the_interest_keeps_its_record(
    client, person
):
    # Given an expression of interest sent with the person's consent
    consent = ConsentFactory(person=person)
    interest = InterestFactory(consent=consent)
    # When they click "withdraw", read the confirmation and confirm
    confirmation = client.get(url("privacy:consent_withdraw", consent.pk))
    assert "Yes, withdraw my consent" in confirmation.text
    assert "the secretariat sees in its review" in confirmation.text
    response = client.post(url("privacy:consent_withdraw", consent.pk))
    # Then the consent is withdrawn (not deleted) and the interest still points at it
    assert response.status_code == 302
    assert response["Location"] == url("privacy:overview")
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    interest.refresh_from_db()
    assert interest.consent_id == consent.pk
    assert "Your consent is withdrawn." in client.get(response["Location"]).text


def test_someone_elses_consent_cannot_be_seen_or_withdrawn(client, person):
    other = ConsentFactory(person=PersonFactory(user=UserFactory()))

    assert client.get(url("privacy:consent_withdraw", other.pk)).status_code == 404
    assert client.post(url("privacy:consent_withdraw", other.pk)).status_code == 404

    other.refresh_from_db()
    assert other.withdrawn_at is None


def test_an_account_without_a_person_gets_404_and_a_visitor_is_sent_to_sign_in(client):
    anonymous = client.get(url("privacy:overview"))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]

    client.force_login(UserFactory(), backend=SIGN_IN_BACKEND)
    assert client.get(url("privacy:overview")).status_code == 404


def test_a_newer_version_is_offered_and_consenting_records_it_in_the_page_language(client, person):
    # Given a consent to version 1, and version 2 published since
    first = PrivacyNoticeFactory(version="1")
    ConsentFactory(person=person, notice=first)
    PrivacyNoticeFactory(version="2", published_at=first.published_at + datetime.timedelta(1))
    # When the person reads their page in Spanish and consents to the new version
    page = client.get(url("privacy:overview", language="es")).text
    assert url("privacy:consent_new", language="es") in page
    client.post(url("privacy:consent_new", language="es"), {"version": "2"})
    # Then a consent to version 2 is recorded in Spanish, and nothing more is offered
    new = Consent.objects.get(person=person, notice__version="2")
    assert new.language == "es"
    assert url("privacy:consent_new") not in client.get(url("privacy:overview")).text


def test_consenting_to_a_version_that_is_not_the_latest_is_refused(client, person):
    first = PrivacyNoticeFactory(version="1")
    ConsentFactory(person=person, notice=first)
    PrivacyNoticeFactory(version="2", published_at=first.published_at + datetime.timedelta(1))

    client.post(url("privacy:consent_new"), {"version": "1"})

    assert not Consent.objects.filter(person=person, notice__version="2").exists()
    assert Consent.objects.filter(person=person).count() == 1


def test_someone_who_never_consented_is_not_asked_to(client, person):
    PrivacyNoticeFactory()

    page = client.get(url("privacy:overview")).text

    assert url("privacy:consent_new") not in page
    assert "You have not given any consent" in page


# --- The public notice and its versions --------------------------------------------------


def test_the_notice_lists_earlier_versions_each_readable_at_its_own_address(client):
    # Given two published versions
    first = PrivacyNoticeFactory(version="1")
    PrivacyNoticeFactory(version="2", published_at=first.published_at + datetime.timedelta(1))
    # When a visitor reads the notice, then version 1 from the list
    latest = client.get(url("interests:privacy_notice")).text
    earlier = client.get(url("interests:privacy_notice_version", "1")).text
    # Then the latest is shown with a link to the earlier one, which shows its own text
    assert "Privacy notice, version 2." in latest
    assert url("interests:privacy_notice_version", "1") in latest
    assert "Privacy notice, version 1." in earlier
    assert "This is an earlier version." in earlier
    assert client.get(url("interests:privacy_notice_version", "9")).status_code == 404


def test_a_version_not_yet_published_cannot_be_read(client):
    notice = PrivacyNoticeFactory(version="next")
    PrivacyNotice.objects.filter(pk=notice.pk).update(
        published_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
    )

    assert client.get(url("interests:privacy_notice_version", "next")).status_code == 404


def test_a_notice_missing_in_the_readers_language_says_which_language_is_shown(client):
    PrivacyNoticeFactory(texts={"sv": "Bara på svenska."})

    page = client.get(url("interests:privacy_notice", language="en")).text

    assert "Bara på svenska." in page
    assert "it is shown in Swedish" in page
    assert 'lang="sv"' in page


# --- Publishing in the admin -------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_superuser=True)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(user, backend=SIGN_IN_BACKEND)
    return client


def test_a_new_version_is_published_in_the_admin_with_its_text_in_every_language(admin_client):
    texts = {"texts_sv": "Ny text.", "texts_es": "Texto nuevo.", "texts_en": "New text."}

    response = admin_client.post(
        reverse("admin:people_privacynotice_add"), {"version": "3", **texts}
    )

    assert response.status_code == 302
    notice = PrivacyNotice.objects.get(version="3")
    assert notice.texts == {"sv": "Ny text.", "es": "Texto nuevo.", "en": "New text."}
    assert notice.published_at is not None


def test_a_version_missing_a_language_is_not_published(admin_client):
    response = admin_client.post(
        reverse("admin:people_privacynotice_add"),
        {"version": "3", "texts_sv": "Ny text.", "texts_es": "", "texts_en": "New text."},
    )

    assert response.status_code == 200
    assert not PrivacyNotice.objects.filter(version="3").exists()


def test_a_published_version_cannot_be_rewritten_in_the_admin(admin_client):
    notice = PrivacyNoticeFactory(version="1")
    change = reverse("admin:people_privacynotice_change", args=[notice.pk])

    assert admin_client.get(change).status_code == 200
    admin_client.post(change, {"version": "1b", "texts_sv": "Ändrad."})

    notice.refresh_from_db()
    assert notice.version == "1"
    assert "Ändrad." not in str(notice.texts)
