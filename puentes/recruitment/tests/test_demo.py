"""The demo's recruitment: the closed 2024 call with its decisions and history, a call open
today in which every journey can be tried, and a rerun that adds and changes nothing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from puentes.core.models import OutboxMessage
from puentes.networks.demo import demo_load
from puentes.networks.models import Call
from puentes.people.models import Consent, Person, PrivacyNotice, User
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests
from puentes.recruitment.demo import OPEN_CALL_SLUG, PAST_CALL_SLUG, recruitment_demo_load
from puentes.recruitment.models import Interest, InterestContact, SeekingProfile, Transition
from puentes.recruitment.services import (
    ContactInput,
    InterestInput,
    ProfileInput,
    interest_create,
    interest_decide,
    interest_start_review,
    profile_submit,
    profile_withdraw,
)
from puentes.recruitment.workflow import (
    INTEREST_DECISIONS,
    interest_step_allowed,
    profile_step_allowed,
)

NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)
AUTUMN_2023 = (
    datetime.datetime(2023, 9, 1, tzinfo=datetime.UTC),
    datetime.datetime(2023, 12, 22, tzinfo=datetime.UTC),
)
I, P = Interest.Status, SeekingProfile.Status  # noqa: E741


@pytest.fixture
def demo(db):
    load_reference_data_for_tests()
    return demo_load(now=NOW)


def user(login):
    return User.objects.get(email=f"{login}@demo.puentes.test")


def interests_of(call_slug):
    return {
        interest.organisation.name: interest
        for interest in Interest.objects.filter(call__slug=call_slug).select_related("organisation")
    }


def profiles_of(call_slug):
    return {
        profile.organisation.name: profile
        for profile in SeekingProfile.objects.filter(call__slug=call_slug).select_related(
            "organisation__country"
        )
    }


def row_counts():
    models = [PrivacyNotice, Consent, Call, Person, Interest, InterestContact, SeekingProfile]
    return {model.__name__: model.objects.count() for model in [*models, Transition]}


def test_demo_publishes_a_privacy_notice_in_three_languages(demo):
    notice = PrivacyNotice.objects.get()

    assert notice.version == "1"
    assert set(notice.texts) == {"sv", "es", "en"}
    assert all("partnership@icld.se" in text for text in notice.texts.values())
    assert "IMY" in notice.texts["sv"]
    assert notice.published_at < datetime.datetime(2023, 9, 1, tzinfo=datetime.UTC)


def test_demo_2024_call_has_its_decided_expressions_of_interest(demo):
    interests = interests_of(PAST_CALL_SLUG)

    assert {name: interest.status for name, interest in interests.items()} == {
        "Lessebo": I.MATCHED,
        "Borås": I.MATCHED,
        "Åre": I.WAITLISTED,
        "Umeå": I.DECLINED,
    }
    assert interests["Umeå"].decision_reason
    assert interests["Åre"].decision_reason
    for interest in interests.values():
        roles = {link.person.role for link in interest.contacts.select_related("person")}
        assert roles == {Person.Role.OFFICIAL, Person.Role.POLITICIAN}
        assert interest.is_demo and interest.workshop_commitment and interest.themes.exists()
        assert (interest.consent.notice.version, interest.consent.language) == ("1", "sv")
        assert interest.submitted_at.year == 2023
    assert interests["Lessebo"].created_by == user("lessebo")
    assert list(interests["Lessebo"].preferred_profiles.values_list("organisation__name")) == [
        ("Totonicapán",)
    ]


def test_each_2024_interest_has_its_steps_on_record_dated_in_autumn_2023(demo):
    coordinator = user("coordinator")

    for interest in interests_of(PAST_CALL_SLUG).values():
        steps = list(interest.transitions.all())
        assert [step.to_status for step in steps][:3] == [I.DRAFT, I.SUBMITTED, I.IN_REVIEW]
        assert steps[-1].to_status == interest.status
        assert all(interest_step_allowed(s.from_status, s.to_status) for s in steps[1:])
        assert all(AUTUMN_2023[0] <= step.at < AUTUMN_2023[1] for step in steps)
        assert [step.at for step in steps] == sorted(step.at for step in steps)
        assert steps[-1].by == coordinator
        decision = next(s for s in reversed(steps) if s.to_status in INTEREST_DECISIONS)
        assert decision.reason == interest.decision_reason


def test_demo_2024_call_has_six_seeking_profiles_with_challenges_in_spanish(demo):
    profiles = profiles_of(PAST_CALL_SLUG)

    assert {name: profile.status for name, profile in profiles.items()} == {
        "Totonicapán": P.MATCHED,
        "San Juan La Laguna": P.APPROVED,
        "Panajachel": P.APPROVED,
        "Puerto Nariño": P.APPROVED,
        "Leticia": P.APPROVED,
        "Popayán": P.MATCHED,
    }
    for profile in profiles.values():
        assert profile.challenge_language == "es" and len(profile.challenges["es"]) > 200
        assert profile.local_contexts["es"] and profile.themes.exists() and profile.is_demo
        steps = list(profile.transitions.all())
        assert (steps[0].from_status, steps[0].to_status) == ("", P.SUBMITTED)
        assert all(profile_step_allowed(s.from_status, s.to_status) for s in steps[1:])
        assert steps[-1].to_status == profile.status
        assert all(step.at.year == 2023 for step in steps)
    assert set(profiles["Popayán"].challenges) == {"es", "sv", "en"}
    assert set(profiles["Panajachel"].challenges) == {"es"}
    assert profiles["Totonicapán"].contact.user == user("totonicapan")


def test_demo_has_a_call_open_today_with_published_profiles_from_guatemala_and_colombia(demo):
    call = Call.objects.get(slug=OPEN_CALL_SLUG)
    published = (
        SeekingProfile.objects.published().filter(call=call).select_related("organisation__country")
    )

    assert call.is_open_on(timezone.localdate(NOW)) and call.is_demo
    assert call.rule_year == 2026
    assert set(call.titles) == set(call.descriptions) == {"sv", "es", "en"}
    assert {profile.organisation.country.code for profile in published} == {"GT", "CO"}
    assert len(published) == 4


def test_demo_open_call_has_an_interest_waiting_for_review(demo):
    (waiting,) = Interest.objects.filter(call__slug=OPEN_CALL_SLUG)

    assert waiting.status == I.SUBMITTED
    assert waiting.organisation.name == "Åre"
    assert waiting.preferred_profiles.count() == 2


def test_demo_sends_no_mail_to_its_people(demo):
    assert not OutboxMessage.objects.exists()


def test_demo_profiles_are_found_without_accents(demo):
    found = SeekingProfile.objects.search("narino").values_list("organisation__name", flat=True)

    assert set(found) == {"Puerto Nariño"}
    assert SeekingProfile.objects.search("totonicapan").count() == 1


def test_every_journey_can_be_tried_in_the_open_call(demo):
    call = Call.objects.get(slug=OPEN_CALL_SLUG)
    today = NOW + datetime.timedelta(hours=1)
    theme = call.network.themes.first()

    # a Swedish member registers their municipality's interest
    lessebo = Organisation.objects.get(country__code="SE", code="0761")
    interest = interest_create(
        call=call,
        organisation=lessebo,
        data=InterestInput(
            contacts=[ContactInput("Anna Berg", "anna@lessebo.example.org", "official")],
            theme_ids=[theme.pk],
            motivation="Vi vill fortsätta.",
            motivation_language="sv",
            consent_given=True,
        ),
        by=user("lessebo"),
        now=today,
    )
    # a Guatemalan member publishes that they seek a partner
    totonicapan = Organisation.objects.get(country__code="GT", code="0801")
    profile = profile_submit(
        call=call,
        organisation=totonicapan,
        data=ProfileInput(
            challenge="Queremos seguir.",
            challenge_language="es",
            theme_ids=[theme.pk],
            contact=ContactInput("María Tzul", "totonicapan@demo.puentes.test", "official"),
        ),
        by=user("totonicapan"),
        now=today,
    )
    # the coordinator decides on the interest waiting for review
    waiting = Interest.objects.get(call=call, status=I.SUBMITTED)
    interest_start_review(interest=waiting, by=user("coordinator"), now=today)
    decided = interest_decide(
        interest=waiting, decision=I.ACCEPTED, reason="", by=user("coordinator"), now=today
    )

    assert interest.consent.notice.version == "1"
    assert profile.contact == user("totonicapan").person
    assert decided.status == I.ACCEPTED


def test_rerunning_the_demo_creates_nothing_and_keeps_what_people_changed(demo):
    # given a withdrawn profile, a corrected challenge and moved call dates
    open_profiles = profiles_of(OPEN_CALL_SLUG)
    profile_withdraw(profile=open_profiles["Leticia"], by=user("coordinator"), now=NOW)
    corrected = open_profiles["Panajachel"]
    corrected.challenges = {"es": "Nuestro propio texto."}
    corrected.save()
    Call.objects.filter(slug=OPEN_CALL_SLUG).update(close_date=datetime.date(2026, 12, 1))
    before = row_counts()

    # when the demo is loaded again, a month later
    result = demo_load(now=NOW + datetime.timedelta(days=30))

    # then nothing was added and the changes stand
    assert row_counts() == before
    assert not any(result.created.values())
    assert SeekingProfile.objects.get(pk=open_profiles["Leticia"].pk).status == P.WITHDRAWN
    assert SeekingProfile.objects.get(pk=corrected.pk).challenges == {"es": "Nuestro propio texto."}
    assert Call.objects.get(slug=OPEN_CALL_SLUG).close_date == datetime.date(2026, 12, 1)


def test_rerunning_the_recruitment_demo_costs_four_queries(demo):
    with CaptureQueriesContext(connection) as queries:
        created = recruitment_demo_load(now=NOW)

    assert not any(created.values())
    assert len(queries) <= 4


def test_a_deleted_demo_profile_comes_back_on_a_rerun(demo):
    profile = SeekingProfile.objects.get(call__slug=PAST_CALL_SLUG, organisation__code="0710")
    profile.delete()

    result = demo_load(now=NOW)

    assert result.created["seeking_profiles"] == 1
    assert SeekingProfile.objects.filter(organisation__code="0710").count() == 2
