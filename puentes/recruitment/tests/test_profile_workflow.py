"""Seeking profiles through their services: submission in Spanish, the coordinator's
decision, withdrawal and matching, one active profile per municipality and call, and who
may seek a partner at all."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from puentes.people.models import Person
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.models import SeekingProfile, Transition
from puentes.recruitment.services import (
    CallClosed,
    ContactInput,
    DuplicateProfile,
    Incomplete,
    RecruitmentError,
    StepNotAllowed,
    profile_decide,
    profile_match,
    profile_submit,
    profile_withdraw,
)
from puentes.recruitment.workflow import PROFILE_STEPS

from .conftest import AFTER_CLOSING, BEFORE_OPENING, OPEN_DAY
from .factories import SeekingProfileFactory

P = SeekingProfile.Status
REASON = "Stated on the record."
TARGETS = sorted(set(P.values) - {P.SUBMITTED})  # a profile starts submitted
ALLOWED = [(source, target) for source, targets in PROFILE_STEPS.items() for target in targets]
REFUSED = [
    (source, target)
    for source, targets in PROFILE_STEPS.items()
    for target in TARGETS
    if target not in targets
]


def take_step(profile, to_status, *, by, now):
    if to_status in (P.APPROVED, P.REJECTED):
        return profile_decide(
            profile=profile, approve=to_status == P.APPROVED, reason=REASON, by=by, now=now
        )
    if to_status == P.WITHDRAWN:
        return profile_withdraw(profile=profile, reason=REASON, by=by, now=now)
    return profile_match(profile=profile, reason=REASON, by=by, now=now)


def snapshot(profile):
    profile.refresh_from_db()
    return {
        "status": profile.status,
        "decided_by": profile.decided_by_id,
        "decided_at": profile.decided_at,
        "decision_reason": profile.decision_reason,
        "updated_at": profile.updated_at,
        "transitions": Transition.objects.count(),
    }


@pytest.fixture
def coban():
    return OrganisationFactory(country_code="GT", code="1601")


# --- Submission -------------------------------------------------------------------------


def test_a_guatemalan_municipality_submits_its_challenge_in_spanish_for_approval(
    call, coban, guatemalan_member, now, profile_input, theme
):
    # when a member of Cobán submits its profile
    profile = profile_submit(
        call=call, organisation=coban, data=profile_input(), by=guatemalan_member, now=now
    )

    # then it waits for approval, with its texts, themes and a contact who reads Spanish
    assert profile.status == P.SUBMITTED
    assert profile not in SeekingProfile.objects.published()
    assert profile.challenge_language == "es"
    assert profile.challenges == {
        "es": "Pocas mujeres participan en el Concejo Municipal de Cobán.",
        "en": "Few women take part in Cobán's municipal council.",
    }
    assert profile.local_contexts == {"es": "Municipio mayoritariamente maya q'eqchi'."}
    assert list(profile.themes.all()) == [theme]
    assert (profile.contact.email, profile.contact.preferred_language) == (
        "rosa@coban.example.org",
        "es",
    )
    assert profile.submitted_by == guatemalan_member
    step = profile.transitions.get()
    assert (step.from_status, step.to_status, step.by, step.at) == (
        "",
        P.SUBMITTED,
        guatemalan_member,
        now,
    )


def test_a_member_naming_themselves_as_contact_is_not_duplicated(
    call, coban, guatemalan_member, now, profile_input
):
    own = guatemalan_member.person
    data = profile_input(
        contact=ContactInput(name="Rosa Caal", email=own.email.upper(), role="official")
    )

    profile = profile_submit(
        call=call, organisation=coban, data=data, by=guatemalan_member, now=now
    )

    assert profile.contact == own
    assert Person.objects.filter(email__iexact=own.email).count() == 1


def test_an_incomplete_profile_is_refused_listing_what_is_missing(
    call, coban, guatemalan_member, now, profile_input
):
    with pytest.raises(Incomplete) as refused:
        profile_submit(
            call=call,
            organisation=coban,
            data=profile_input(challenge="   ", theme_ids=[]),
            by=guatemalan_member,
            now=now,
        )

    assert [str(problem) for problem in refused.value.problems] == [
        "Describe your gender-equality challenge.",
        "Choose at least one theme.",
    ]
    assert str(refused.value.message) == "The partner-seeking profile is not complete."
    assert not SeekingProfile.objects.exists()


def test_themes_of_another_network_do_not_count(call, coban, guatemalan_member, now, profile_input):
    foreign = SeekingProfileFactory().themes.get()  # a theme of some other network

    with pytest.raises(Incomplete):
        profile_submit(
            call=call,
            organisation=coban,
            data=profile_input(theme_ids=[foreign.pk]),
            by=guatemalan_member,
            now=now,
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"challenge": "x" * 5001}, "too long"),
        ({"challenge_language": "fr"}, "languages offered"),
        ({"translations": {"de": "Wenige Frauen …"}}, "languages offered"),
        ({"contact": ContactInput(name="Rosa", email="rosa@", role="official")}, "e-mail"),
    ],
)
def test_profile_input_no_form_should_let_through_is_refused(
    call, coban, guatemalan_member, now, profile_input, changes, message
):
    with pytest.raises(RecruitmentError, match=message):
        profile_submit(
            call=call,
            organisation=coban,
            data=profile_input(**changes),
            by=guatemalan_member,
            now=now,
        )

    assert not SeekingProfile.objects.exists()


@pytest.mark.parametrize(
    "organisation_kwargs",
    [
        {"country_code": "SE", "code": "0180"},
        {"country_code": "CO", "code": "05001", "can_join": False},
    ],
    ids=["swedish", "cannot-join"],
)
def test_only_guatemalan_and_colombian_municipalities_can_seek_a_partner(
    call, guatemalan_member, now, profile_input, organisation_kwargs
):
    organisation = OrganisationFactory(**organisation_kwargs)

    with pytest.raises(RecruitmentError, match="Guatemala or Colombia"):
        profile_submit(
            call=call,
            organisation=organisation,
            data=profile_input(),
            by=guatemalan_member,
            now=now,
        )

    assert not SeekingProfile.objects.exists()


def test_a_colombian_municipality_can_seek_a_partner(call, guatemalan_member, now, profile_input):
    medellin = OrganisationFactory(country_code="CO", code="05001")

    profile = profile_submit(
        call=call, organisation=medellin, data=profile_input(), by=guatemalan_member, now=now
    )

    assert profile.organisation == medellin


@pytest.mark.parametrize("when", [BEFORE_OPENING, AFTER_CLOSING], ids=["upcoming", "closed"])
def test_a_call_that_is_not_open_refuses_a_profile(
    call, coban, guatemalan_member, profile_input, when
):
    with pytest.raises(CallClosed):
        profile_submit(
            call=call, organisation=coban, data=profile_input(), by=guatemalan_member, now=when
        )

    assert not SeekingProfile.objects.exists()


# --- One active profile per municipality and call ---------------------------------------


@pytest.mark.parametrize("existing_status", [P.SUBMITTED, P.APPROVED, P.MATCHED])
def test_a_second_active_profile_of_the_same_municipality_is_refused(
    call, coban, guatemalan_member, now, profile_input, existing_status
):
    existing = SeekingProfileFactory(call=call, organisation=coban, status=existing_status)

    with pytest.raises(DuplicateProfile) as refused:
        profile_submit(
            call=call, organisation=coban, data=profile_input(), by=guatemalan_member, now=now
        )

    assert refused.value.existing == existing
    assert SeekingProfile.objects.count() == 1


@pytest.mark.parametrize("ended_status", [P.WITHDRAWN, P.REJECTED])
def test_after_withdrawal_or_rejection_the_municipality_may_seek_again(
    call, coban, guatemalan_member, now, profile_input, ended_status
):
    SeekingProfileFactory(call=call, organisation=coban, status=ended_status)

    profile = profile_submit(
        call=call, organisation=coban, data=profile_input(), by=guatemalan_member, now=now
    )

    assert list(SeekingProfile.objects.active()) == [profile]


def test_the_database_itself_refuses_a_second_active_profile(call, coban):
    first = SeekingProfileFactory(call=call, organisation=coban)

    with pytest.raises(IntegrityError), transaction.atomic():
        SeekingProfile.objects.create(call=call, organisation=coban, contact=first.contact)

    assert SeekingProfile.objects.count() == 1


# --- The workflow table -----------------------------------------------------------------


def test_the_profile_workflow_table_names_every_status():
    assert set(PROFILE_STEPS) == set(P.values)


@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED)
def test_each_allowed_profile_step_succeeds_and_records_who_when_and_why(
    call, coordinator, from_status, to_status
):
    profile = SeekingProfileFactory(call=call, status=from_status)
    at = OPEN_DAY + datetime.timedelta(hours=2)

    result = take_step(profile, to_status, by=coordinator, now=at)

    profile.refresh_from_db()
    assert result.status == profile.status == to_status
    step = profile.transitions.get()
    assert (step.from_status, step.to_status) == (from_status, to_status)
    assert (step.by, step.at, step.reason) == (coordinator, at, REASON)


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED)
def test_each_profile_step_the_workflow_does_not_allow_is_refused_and_changes_nothing(
    call, coordinator, now, from_status, to_status
):
    profile = SeekingProfileFactory(call=call, status=from_status)
    before = snapshot(profile)

    with pytest.raises(StepNotAllowed):
        take_step(profile, to_status, by=coordinator, now=now)

    assert snapshot(profile) == before


def test_approval_publishes_the_profile_and_records_the_decision(call, coordinator, now):
    profile = SeekingProfileFactory(call=call, status=P.SUBMITTED)

    profile_decide(profile=profile, approve=True, reason="", by=coordinator, now=now)

    profile.refresh_from_db()
    assert list(SeekingProfile.objects.published()) == [profile]
    assert (profile.decided_by, profile.decided_at) == (coordinator, now)


def test_not_approving_needs_a_reason_and_without_one_changes_nothing(call, coordinator, now):
    profile = SeekingProfileFactory(call=call, status=P.SUBMITTED)
    before = snapshot(profile)

    with pytest.raises(RecruitmentError, match="reason"):
        profile_decide(profile=profile, approve=False, reason=" ", by=coordinator, now=now)

    assert snapshot(profile) == before


def test_a_rejected_profile_keeps_its_reason(call, coordinator, now):
    profile = SeekingProfileFactory(call=call, status=P.SUBMITTED)

    profile_decide(
        profile=profile, approve=False, reason=" Falta el contacto. ", by=coordinator, now=now
    )

    profile.refresh_from_db()
    assert profile.status == P.REJECTED
    assert profile.decision_reason == profile.transitions.get().reason == "Falta el contacto."
