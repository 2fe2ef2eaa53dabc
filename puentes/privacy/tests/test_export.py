"""The person's data: every model that points at a person or an account is in the download,
secrets never are, someone else's records never are, and collecting it takes the same
number of queries however much there is."""

import datetime

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.core.audit import audit_record
from puentes.meetings.models import Meeting, MeetingInvitee, WorkingHours
from puentes.partnerships.models import Comment
from puentes.partnerships.tests.factories import PartnershipMemberFactory
from puentes.people import activity
from puentes.people.models import Person, User
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from puentes.privacy.export import SOURCES
from puentes.privacy.selectors import person_data, readable_sections
from puentes.recruitment.tests.factories import ConsentFactory, InterestFactory
from puentes.reports.tests.factories import ReportSignOffFactory
from puentes.workshops.models import CalendarFeed, VisaLetter
from puentes.workshops.tests.factories import RegistrationFactory

COUNTRIES = ("SE", "GT", "CO")
AT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def references_to_people() -> set[str]:
    """Every field of every installed model that points at a Person or an account."""
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.concrete and field.is_relation and field.related_model in (Person, User):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_model_pointing_at_a_person_or_account_is_in_the_download():
    covered = set().union(*(source.covers() for source in SOURCES))

    missing = references_to_people() - covered

    assert not missing, (
        "These fields point at a Person or User but no source in puentes/privacy/export.py "
        f"lists their records in the person's data download: {sorted(missing)}"
    )


def test_the_sources_name_only_fields_that_exist_and_keys_once():
    # Headings are read from each field's verbose name: a misspelt path fails here.
    sections = readable_sections({source.key: [] for source in SOURCES} | {"audit_about_you": []})

    assert len(sections) == len(SOURCES) + 1
    assert len({source.key for source in SOURCES}) == len(SOURCES)


def give_records(person, count):
    """`count` records of each kind the person can have (and one of each kind per person)."""
    user = person.user
    for n in range(count):
        consent = ConsentFactory(person=person)
        # One organisation per country, as a person is a member of each organisation once.
        MembershipFactory(
            person=person, organisation=OrganisationFactory(country_code=COUNTRIES[n])
        )
        NetworkRoleFactory(person=person)
        registration = RegistrationFactory(person=person, registered_by=user)
        VisaLetter.objects.create(
            registration=registration,
            passport_name="PIA PERSSON",
            nationality="Swedish",
            passport_number="AB1234567",
            requested_by=user,
            requested_at=AT,
        )
        member = PartnershipMemberFactory(person=person)
        Comment.objects.create(
            partnership=member.partnership,
            author=user,
            author_role=Comment.AuthorRole.SWEDISH,
            body="Vi ses i Antigua.",
            language="sv",
            created_at=AT,
        )
        meeting = Meeting.objects.create(
            partnership=member.partnership,
            title="Planning call",
            start_at=AT,
            end_at=AT + datetime.timedelta(hours=1),
            uid=f"meeting-{consent.pk}@puentes.test",
            sent_by=user,
            sent_at=AT,
        )
        MeetingInvitee.objects.create(
            meeting=meeting, person=person, time_zone="Europe/Stockholm", language="sv"
        )
        InterestFactory(created_by=user)
        ReportSignOffFactory(signed_by=user)
        audit_record(
            actor=user,
            action=activity.GENDER_WITHDRAWN,
            target=person,
            at=AT,
        )
    WorkingHours.objects.get_or_create(person=person, defaults={"time_zone": "Europe/Stockholm"})
    CalendarFeed.objects.get_or_create(person=person, defaults={"token": f"secret-{person.pk}"})


@pytest.mark.django_db
def test_collecting_the_data_takes_the_same_queries_for_one_or_many_records():
    # Given one person with one record of each kind, and another with three of each
    few, many = PersonFactory(user=UserFactory()), PersonFactory(user=UserFactory())
    give_records(few, 1)
    give_records(many, 3)
    # When the data of each is collected
    with CaptureQueriesContext(connection) as one:
        small = person_data(Person.objects.select_related("user").get(pk=few.pk))
    with CaptureQueriesContext(connection) as three:
        large = person_data(Person.objects.select_related("user").get(pk=many.pk))
    # Then the number of queries is the same, and the records are all there
    assert len(three.captured_queries) == len(one.captured_queries)
    assert len(one.captured_queries) <= len(SOURCES) + 2
    for key in ("consents", "registrations", "visa_letters", "comments", "meetings_invited"):
        assert (len(small[key]), len(large[key])) == (1, 3), key
    assert len(large["audit_about_you"]) == 3


@pytest.mark.django_db
def test_the_data_holds_the_persons_records_and_not_their_secrets_or_other_peoples():
    # Given a person with records, and someone else with theirs
    person = PersonFactory(user=UserFactory(), name="Pia Persson", phone="+46 70 123 45 67")
    give_records(person, 1)
    other = PersonFactory(user=UserFactory(), name="Olle Annan")
    give_records(other, 1)
    # When the person's data is collected
    data = person_data(person)
    text = str(data)
    # Then it holds their own records: needs, passport data, the comment they wrote
    assert data["person"][0]["phone"] == "+46 70 123 45 67"
    assert data["visa_letters"][0]["passport_number"] == "AB1234567"
    assert data["comments"][0]["body"] == "Vi ses i Antigua."
    assert data["calendar_feed"] and data["working_hours"][0]["time_zone"] == "Europe/Stockholm"
    # and nothing of the other person's, nor any secret
    assert "Olle Annan" not in text and other.email not in text
    assert person.user.password not in text
    assert f"secret-{person.pk}" not in text
    assert all(len(data[key]) == 1 for key in ("consents", "memberships", "registrations"))
