"""Erasure anonymises a person everywhere and keeps every figure they are counted in."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client

from puentes.api.models import ApiToken
from puentes.core import audit
from puentes.core.models import AuditEntry, OutboxAttachment, OutboxMessage
from puentes.dashboards import selectors
from puentes.meetings.models import WorkingHours
from puentes.networks.demo import demo_load
from puentes.partnerships.models import Comment, Partnership, PartnershipMember
from puentes.people.activity import GENDER_GIVEN
from puentes.people.models import Person, User
from puentes.places.testing import load_reference_data_for_tests
from puentes.privacy.erasure import AlreadyErased, ledger_read, person_erase
from puentes.privacy.models import Erasure
from puentes.workshops.models import CalendarFeed, Registration, VisaLetter

NOW = datetime.datetime(2025, 3, 1, 12, 0, tzinfo=datetime.UTC)
LATER = NOW + datetime.timedelta(days=1)
NAME = "Xiomara Ekström-Quiñónez"
EMAIL = "xiomara.ekstrom@lessebo.example"
PHONE = "+46 470 123 456"


@pytest.fixture(autouse=True)
def ledger(settings, tmp_path):
    settings.PUENTES_ERASURE_LEDGER = tmp_path / "var" / "erasures.jsonl"
    return settings.PUENTES_ERASURE_LEDGER


def person_everywhere() -> Person:
    """A demo member who has given every kind of personal data Puentes holds, and whom
    others' mail and the audit trail mention by name."""
    load_reference_data_for_tests()
    demo_load(now=NOW)
    user = User.objects.get(email="lessebo@demo.puentes.test")
    person = user.person
    Person.objects.filter(pk=person.pk).update(
        name=NAME,
        email=EMAIL,
        phone=PHONE,
        title="Jämställdhetsstrateg",
        languages=["sv", "es"],
        gender="woman",
        gender_consent_at=NOW,
    )
    User.objects.filter(pk=user.pk).update(email=EMAIL)
    EmailAddress.objects.filter(user=user).update(email=EMAIL)
    person.refresh_from_db()
    user.refresh_from_db()
    person.memberships.update(position="Samordnare Q7Z")
    partnership = Partnership.objects.get(swedish_organisation__name="Lessebo")
    Comment.objects.create(
        partnership=partnership,
        author=user,
        author_role="swedish",
        body=f"Ring mig på {PHONE} / {NAME}",
        created_at=NOW,
        language="sv",
    )
    registration = Registration.objects.filter(person=person).first()
    assert registration is not None, "the demo registers this member for a workshop"
    Registration.objects.filter(person=person).update(dietary_needs="Vegetarian, ingen gluten")
    VisaLetter.objects.create(
        registration=registration,
        passport_name=NAME.upper(),
        nationality="Swedish",
        date_of_birth=datetime.date(1980, 5, 17),
        passport_number="AB1234567",
        passport_expires_on=datetime.date(2030, 1, 1),
        requested_at=NOW,
    )
    WorkingHours.objects.create(person=person, time_zone="Europe/Stockholm")
    CalendarFeed.objects.create(person=person, token="t" * 40)
    TOTP.activate(user, generate_totp_secret())
    ApiToken.objects.create(
        user=user, name=f"{NAME}s kalkylark", prefix="pnt_abcd", digest="0" * 64
    )
    mail(to=EMAIL, subject=f"Hej {NAME}", body="Välkommen")
    invitation = mail(
        to="coordinator@example.org", subject="Ny kontakt", body=f"{NAME} ({EMAIL}) anmälde"
    )
    OutboxAttachment.objects.create(
        message=invitation,
        filename="meeting.ics",
        mimetype="text/calendar",
        content=f"ATTENDEE;CN={NAME}:mailto:{EMAIL}\r\n".encode(),
    )
    audit.audit_record(
        actor=user, action=GENDER_GIVEN, target=person, data={"who": NAME, "mail": EMAIL}, at=NOW
    )
    return person


def mail(*, to, subject, body):
    return OutboxMessage.objects.create(
        to_address=to,
        language="sv",
        subject=subject,
        body_text=body,
        body_html=f"<p>{body}</p>",
        message_id=f"<{OutboxMessage.objects.count()}.{to}>",
        status=OutboxMessage.Status.SENT,
        sent_at=NOW,
    )


def figures() -> dict:
    """What the coordinators' dashboard and the public results page show."""
    _, network, _, call = selectors.dashboard_scope(None, None)
    return {
        **selectors.coordinator_figures(network, call, NOW.date()),
        **{f"public_{k}": v for k, v in selectors.public_figures(network).items()},
    }


def occurrences(*needles: str) -> list[str]:
    """Every table.column in the whole database holding one of the needles, case-insensitive,
    JSON read both as stored and unescaped."""
    found = []
    lowered = [needle.lower() for needle in needles]
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField, models.JSONField)):
                continue
            for value in model._base_manager.values_list(field.attname, flat=True):
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                if any(needle in (text or "").lower() for needle in lowered):
                    found.append(f"{model._meta.db_table}.{field.column}")
    return found


def test_before_erasure_the_scan_finds_the_person_in_many_tables(db):
    # Given the person everywhere (this keeps the scan of the next test honest)
    person_everywhere()

    # Then their name, address and phone number are found in many columns
    assert len(set(occurrences(NAME, EMAIL, PHONE))) >= 8


def test_erasure_leaves_no_name_address_or_phone_in_any_column_of_any_table(db, ledger):
    # Given a person who gave every kind of data, and a session they are signed in with
    person = person_everywhere()
    Client().force_login(person.user)
    assert Session.objects.exists()

    # When they are erased
    erasure = person_erase(person=person, by=None, now=LATER, reason=Erasure.Reason.OWN_REQUEST)

    # Then nothing in the database names them any more
    assert occurrences(NAME, EMAIL, PHONE) == []
    assert occurrences("AB1234567", "Vegetarian, ingen gluten", "Q7Z") == []
    person.refresh_from_db()
    assert person.name == f"Erased person #{person.pk}"
    assert person.email.endswith("@erased.invalid")
    assert (person.phone, person.title, person.gender, person.languages) == ("", "", "", [])
    user = person.user
    assert not user.is_active and not user.has_usable_password()
    assert user.email == person.email
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert not Session.objects.exists()
    assert not WorkingHours.objects.filter(person=person).exists()
    assert not CalendarFeed.objects.filter(person=person).exists()
    # What others wrote stays, with the name replaced
    assert OutboxMessage.objects.get(to_address="coordinator@example.org").body_text == (
        f"Erased person #{person.pk} (erased-{person.pk}@erased.invalid) anmälde"
    )
    assert (
        bytes(OutboxAttachment.objects.get().content)
        == (
            f"ATTENDEE;CN=Erased person #{person.pk}:mailto:erased-{person.pk}@erased.invalid\r\n"
        ).encode()
    )
    # The record of the erasure holds no personal data; the ledger line only ids and dates
    assert (erasure.person_pk, erasure.reason, erasure.erased_at) == (
        person.pk,
        "own_request",
        LATER,
    )
    assert ledger_read() == [
        {
            "person": person.pk,
            "person_created_at": person.created_at.isoformat(),
            "erased_at": LATER.isoformat(),
        }
    ]
    assert AuditEntry.objects.filter(action="privacy.person_erased", target_id=person.pk).count()


def test_erasure_keeps_every_figure_of_the_dashboard_and_the_public_results(db):
    # Given the person, counted in registrations, attendance and a partnership
    person = person_everywhere()
    counted = {
        "registrations": Registration.objects.filter(person=person).count(),
        "memberships": person.memberships.count(),
        "partnership_members": PartnershipMember.objects.filter(person=person).count(),
        "consents": person.consents.count(),
    }
    before = figures()

    # When they are erased
    person_erase(person=person, by=None, now=LATER, reason=Erasure.Reason.COORDINATOR)

    # Then every figure is the same; their gender moves to "not given", the total stays
    after = figures()
    genders_before, genders_after = before.pop("genders"), after.pop("genders")
    assert after == before
    assert genders_after.total == genders_before.total
    assert counted == {
        "registrations": Registration.objects.filter(person=person).count(),
        "memberships": person.memberships.count(),
        "partnership_members": PartnershipMember.objects.filter(person=person).count(),
        "consents": person.consents.count(),
    }


def test_a_person_is_erased_only_once(db):
    # Given an erased person
    person = person_everywhere()
    person_erase(person=person, by=None, now=LATER, reason=Erasure.Reason.OWN_REQUEST)

    # When someone erases them again, then it is refused and nothing more is recorded
    with pytest.raises(AlreadyErased):
        person_erase(person=person, by=None, now=LATER, reason=Erasure.Reason.COORDINATOR)
    assert Erasure.objects.count() == 1 and len(ledger_read()) == 1
