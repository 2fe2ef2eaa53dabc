"""Expressions of interest through their services: every step of the workflow, the rules
around them (one active interest per organisation and call, open calls only, consent,
completeness), and a failure half-way that leaves nothing behind."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from puentes.core.models import OutboxMessage
from puentes.networks.tests.factories import CallFactory
from puentes.people.models import Consent, Person
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.models import Interest, Transition
from puentes.recruitment.services import (
    CallClosed,
    ContactInput,
    DuplicateInterest,
    Incomplete,
    RecruitmentError,
    StepNotAllowed,
    interest_create,
    interest_decide,
    interest_match,
    interest_start_review,
    interest_submit,
    interest_update,
    interest_withdraw,
)
from puentes.recruitment.workflow import INTEREST_DECISIONS, INTEREST_STEPS

from .conftest import AFTER_CLOSING, BEFORE_OPENING, OPEN_DAY
from .factories import (
    ContactPersonFactory,
    InterestFactory,
    PrivacyNoticeFactory,
    SeekingProfileFactory,
    contact_people,
)

I = Interest.Status  # noqa: E741
REASON = "Stated on the record."
# Every status a service leads to; no step leads back to a draft.
TARGETS = sorted(set(I.values) - {I.DRAFT})
ALLOWED = [(source, target) for source, targets in INTEREST_STEPS.items() for target in targets]
REFUSED = [
    (source, target)
    for source, targets in INTEREST_STEPS.items()
    for target in TARGETS
    if target not in targets
]


def take_step(interest, to_status, *, by, now):
    """The service that leads to `to_status`, with a reason where the step records one."""
    if to_status == I.SUBMITTED:
        return interest_submit(interest=interest, by=by, now=now)
    if to_status == I.IN_REVIEW:
        return interest_start_review(interest=interest, by=by, now=now)
    if to_status in INTEREST_DECISIONS:
        return interest_decide(interest=interest, decision=to_status, reason=REASON, by=by, now=now)
    if to_status == I.MATCHED:
        return interest_match(interest=interest, reason=REASON, by=by, now=now)
    return interest_withdraw(interest=interest, reason=REASON, by=by, now=now)


def snapshot(interest):
    """Everything a step may change, to compare before and after a refusal."""
    interest.refresh_from_db()
    return {
        "status": interest.status,
        "submitted_at": interest.submitted_at,
        "decision_reason": interest.decision_reason,
        "updated_at": interest.updated_at,
        "motivation": interest.motivation,
        "contacts": [(p.name, p.email) for p in contact_people(interest)],
        "transitions": Transition.objects.count(),
        "outbox": OutboxMessage.objects.count(),
    }


# --- The workflow table -----------------------------------------------------------------


def test_the_workflow_table_names_every_status_and_no_step_back_to_draft():
    assert set(INTEREST_STEPS) == set(I.values)
    assert all(I.DRAFT not in targets for targets in INTEREST_STEPS.values())


@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED)
def test_each_allowed_step_succeeds_and_records_who_when_and_why(
    call, coordinator, from_status, to_status
):
    # given an interest in the step's starting status, in an open call
    interest = InterestFactory(call=call, status=from_status)
    at = OPEN_DAY + datetime.timedelta(hours=1)

    # when the step is taken
    result = take_step(interest, to_status, by=coordinator, now=at)

    # then the interest has the new status and the step is on record
    interest.refresh_from_db()
    assert result.status == interest.status == to_status
    step = interest.transitions.get()
    assert (step.from_status, step.to_status) == (from_status, to_status)
    assert (step.by, step.at) == (coordinator, at)
    expected_reason = REASON if to_status in INTEREST_DECISIONS | {I.WITHDRAWN, I.MATCHED} else ""
    assert step.reason == expected_reason


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED)
def test_each_step_the_workflow_does_not_allow_is_refused_and_changes_nothing(
    call, coordinator, now, from_status, to_status
):
    # given an interest in some status
    interest = InterestFactory(call=call, status=from_status)
    before = snapshot(interest)

    # when a step the table does not allow from there is tried
    with pytest.raises(StepNotAllowed):
        take_step(interest, to_status, by=coordinator, now=now)

    # then nothing changed and nothing was recorded or mailed
    assert snapshot(interest) == before


def test_creating_an_interest_records_its_first_step_as_a_draft(
    call, organisation, member, now, interest_input
):
    interest = interest_create(
        call=call, organisation=organisation, data=interest_input(), by=member, now=now
    )

    step = interest.transitions.get()
    assert interest.status == I.DRAFT
    assert interest.created_by == member
    assert (step.from_status, step.to_status, step.by, step.at) == ("", I.DRAFT, member, now)


def test_submitting_sets_the_time_of_submission(call, member, now):
    interest = InterestFactory(call=call)

    interest_submit(interest=interest, by=member, now=now)

    interest.refresh_from_db()
    assert interest.submitted_at == now


# --- Decisions --------------------------------------------------------------------------


def test_declining_without_a_reason_is_refused_and_changes_nothing(call, coordinator, now):
    interest = InterestFactory(call=call, status=I.IN_REVIEW)
    before = snapshot(interest)

    with pytest.raises(RecruitmentError, match="reason"):
        interest_decide(
            interest=interest, decision=I.DECLINED, reason="   ", by=coordinator, now=now
        )

    assert snapshot(interest) == before


def test_a_declined_interest_keeps_its_reason(call, coordinator, now):
    interest = InterestFactory(call=call, status=I.IN_REVIEW)

    interest_decide(
        interest=interest,
        decision=I.DECLINED,
        reason="  Fler anmälningar än platser.  ",
        by=coordinator,
        now=now,
    )

    interest.refresh_from_db()
    assert interest.decision_reason == "Fler anmälningar än platser."
    assert interest.transitions.get().reason == "Fler anmälningar än platser."


@pytest.mark.parametrize("decision", [I.WITHDRAWN, I.SUBMITTED, "approved"])
def test_a_decision_that_is_not_accept_waitlist_or_decline_is_refused(
    call, coordinator, now, decision
):
    interest = InterestFactory(call=call, status=I.IN_REVIEW)
    before = snapshot(interest)

    with pytest.raises(StepNotAllowed):
        interest_decide(
            interest=interest, decision=decision, reason=REASON, by=coordinator, now=now
        )

    assert snapshot(interest) == before


# --- One active interest per organisation and call --------------------------------------


@pytest.mark.parametrize("existing_status", [I.DRAFT, I.SUBMITTED, I.ACCEPTED, I.DECLINED])
def test_a_second_interest_from_the_same_organisation_is_refused_naming_the_first(
    call, organisation, member, now, interest_input, existing_status
):
    # given an interest of the organisation in the call that is not withdrawn
    existing = InterestFactory(call=call, organisation=organisation, status=existing_status)

    # when the organisation registers again
    with pytest.raises(DuplicateInterest) as refused:
        interest_create(
            call=call, organisation=organisation, data=interest_input(), by=member, now=now
        )

    # then it is refused, naming the existing interest, and nothing was added
    assert refused.value.existing == existing
    assert Interest.objects.count() == 1
    assert not Person.objects.filter(email="maja@stockholm.example.org").exists()


def test_after_withdrawal_the_organisation_may_register_again(
    call, organisation, member, now, interest_input
):
    first = interest_create(
        call=call, organisation=organisation, data=interest_input(), by=member, now=now
    )
    interest_withdraw(interest=first, by=member, now=now, reason="Fel person fyllde i.")

    second = interest_create(
        call=call, organisation=organisation, data=interest_input(), by=member, now=now
    )

    assert second.pk != first.pk
    assert list(Interest.objects.active()) == [second]


def test_the_database_itself_refuses_a_second_active_interest(call, organisation):
    InterestFactory(call=call, organisation=organisation, status=I.SUBMITTED)

    with pytest.raises(IntegrityError), transaction.atomic():
        Interest.objects.create(call=call, organisation=organisation)

    assert Interest.objects.count() == 1


def test_the_database_allows_a_new_interest_beside_withdrawn_ones(call, organisation):
    InterestFactory(call=call, organisation=organisation, status=I.WITHDRAWN)
    InterestFactory(call=call, organisation=organisation, status=I.WITHDRAWN)

    Interest.objects.create(call=call, organisation=organisation)

    assert Interest.objects.count() == 3


def test_the_same_organisation_may_register_in_another_call(
    network, call, organisation, member, now, interest_input
):
    InterestFactory(call=call, organisation=organisation)
    other_call = CallFactory(network=network)

    interest = interest_create(
        call=other_call, organisation=organisation, data=interest_input(), by=member, now=now
    )

    assert interest.call == other_call


# --- Open calls only --------------------------------------------------------------------


@pytest.mark.parametrize("when", [BEFORE_OPENING, AFTER_CLOSING], ids=["upcoming", "closed"])
def test_a_call_that_is_not_open_refuses_a_new_interest(
    call, organisation, member, interest_input, when
):
    with pytest.raises(CallClosed):
        interest_create(
            call=call, organisation=organisation, data=interest_input(), by=member, now=when
        )

    assert not Interest.objects.exists()
    assert not Transition.objects.exists()


@pytest.mark.parametrize("when", [BEFORE_OPENING, AFTER_CLOSING], ids=["upcoming", "closed"])
def test_a_call_that_is_not_open_refuses_changes(call, member, interest_input, when):
    interest = InterestFactory(call=call)
    before = snapshot(interest)

    with pytest.raises(CallClosed):
        interest_update(
            interest=interest,
            data=interest_input(motivation="Ny motivering."),
            by=member,
            now=when,
        )

    assert snapshot(interest) == before


@pytest.mark.parametrize("when", [BEFORE_OPENING, AFTER_CLOSING], ids=["upcoming", "closed"])
def test_a_call_that_is_not_open_refuses_submission(call, member, when):
    interest = InterestFactory(call=call)
    before = snapshot(interest)

    with pytest.raises(CallClosed):
        interest_submit(interest=interest, by=member, now=when)

    assert snapshot(interest) == before


def test_the_call_closes_at_midnight_in_the_networks_time_zone_not_in_utc(call, member):
    # 31 March 2024 at 22:30 UTC is already 1 April, 00:30 in Stockholm: the call has closed
    interest = InterestFactory(call=call)
    after_midnight = datetime.datetime(2024, 3, 31, 22, 30, tzinfo=datetime.UTC)

    with pytest.raises(CallClosed):
        interest_submit(interest=interest, by=member, now=after_midnight)

    interest_submit(interest=interest, by=member, now=after_midnight - datetime.timedelta(hours=1))
    interest.refresh_from_db()
    assert interest.status == I.SUBMITTED


# --- Consent ----------------------------------------------------------------------------


def test_consent_is_recorded_with_the_notice_version_the_time_and_the_language(
    call, organisation, member, now, interest_input, notice
):
    interest = interest_create(
        call=call,
        organisation=organisation,
        data=interest_input(consent_language="en"),
        by=member,
        now=now,
    )

    consent = interest.consent
    assert consent.notice.version == "1"
    assert consent.given_at == now
    assert consent.language == "en"
    assert consent.person == member.person


def test_consent_is_to_the_version_the_person_was_shown(
    call, organisation, member, now, interest_input, notice
):
    PrivacyNoticeFactory(version="2", published_at=now - datetime.timedelta(days=1))

    shown_first = interest_create(
        call=call,
        organisation=organisation,
        data=interest_input(consent_notice_version="1"),
        by=member,
        now=now,
    )

    assert shown_first.consent.notice.version == "1"


def test_consent_without_a_version_is_to_the_latest_notice_published_by_then(
    call, organisation, member, now, interest_input, notice
):
    PrivacyNoticeFactory(version="2", published_at=now - datetime.timedelta(days=1))
    PrivacyNoticeFactory(version="3", published_at=now + datetime.timedelta(days=1))

    interest = interest_create(
        call=call, organisation=organisation, data=interest_input(), by=member, now=now
    )

    assert interest.consent.notice.version == "2"


def test_consent_is_refused_when_no_notice_is_published(
    call, organisation, member, now, interest_input, notice
):
    notice.delete()

    with pytest.raises(RecruitmentError, match="privacy notice"):
        interest_create(
            call=call, organisation=organisation, data=interest_input(), by=member, now=now
        )

    assert not Interest.objects.exists()
    assert not Consent.objects.exists()


def test_an_interest_saved_without_consent_has_none_and_cannot_be_submitted(
    call, organisation, member, now, interest_input
):
    interest = interest_create(
        call=call,
        organisation=organisation,
        data=interest_input(consent_given=False),
        by=member,
        now=now,
    )

    with pytest.raises(Incomplete) as refused:
        interest_submit(interest=interest, by=member, now=now)

    assert interest.consent is None
    assert [str(problem) for problem in refused.value.problems] == [
        "Consent to the privacy notice."
    ]


def test_consent_given_later_is_recorded_once(call, organisation, member, now, interest_input):
    interest = interest_create(
        call=call,
        organisation=organisation,
        data=interest_input(consent_given=False),
        by=member,
        now=now,
    )
    later = now + datetime.timedelta(days=2)

    interest_update(interest=interest, data=interest_input(), by=member, now=later)
    interest_update(interest=interest, data=interest_input(), by=member, now=later)

    interest.refresh_from_db()
    assert interest.consent.given_at == later
    assert Consent.objects.count() == 1


# --- Completeness and input -------------------------------------------------------------


def test_submitting_an_incomplete_interest_is_refused_listing_what_is_missing(call, member, now):
    # given a draft with nothing filled in
    interest = InterestFactory(call=call, complete=False)
    before = snapshot(interest)

    # when it is submitted
    with pytest.raises(Incomplete) as refused:
        interest_submit(interest=interest, by=member, now=now)

    # then each missing part is named and nothing changed
    assert [str(problem) for problem in refused.value.problems] == [
        "Give at least one contact person.",
        "Choose at least one theme.",
        "Write your motivation.",
        "Confirm that your team can take part in the call's workshops.",
        "Consent to the privacy notice.",
    ]
    assert snapshot(interest) == before


def test_a_submitted_interest_cannot_be_changed_into_an_incomplete_one(
    call, member, now, interest_input
):
    interest = InterestFactory(call=call, status=I.SUBMITTED)
    before = snapshot(interest)

    with pytest.raises(Incomplete):
        interest_update(interest=interest, data=interest_input(theme_ids=[]), by=member, now=now)

    assert snapshot(interest) == before
    assert interest.themes.exists()


@pytest.mark.parametrize("status", [I.IN_REVIEW, I.ACCEPTED, I.WITHDRAWN])
def test_an_interest_under_review_or_decided_can_no_longer_be_changed(
    call, member, now, interest_input, status
):
    interest = InterestFactory(call=call, status=status)
    before = snapshot(interest)

    with pytest.raises(StepNotAllowed):
        interest_update(interest=interest, data=interest_input(), by=member, now=now)

    assert snapshot(interest) == before


def test_updating_keeps_renames_adds_and_removes_contact_people_in_order(
    call, organisation, member, now, interest_input
):
    interest = interest_create(
        call=call, organisation=organisation, data=interest_input(), by=member, now=now
    )
    maja = Person.objects.get(email="maja@stockholm.example.org")

    interest_update(
        interest=interest,
        data=interest_input(
            contacts=[
                ContactInput(name="Ny Person", email="ny@stockholm.example.org", role="official"),
                ContactInput(
                    name="Maja Medlem-Berg",
                    email="MAJA@stockholm.example.org",
                    role="official",
                    title="Utvecklingsledare",
                ),
            ]
        ),
        by=member,
        now=now,
    )

    people = contact_people(interest)
    assert [(p.name, p.email) for p in people] == [
        ("Ny Person", "ny@stockholm.example.org"),
        ("Maja Medlem-Berg", "maja@stockholm.example.org"),
    ]
    assert people[1].pk == maja.pk and people[1].title == "Utvecklingsledare"
    assert not Person.objects.filter(email="olof@stockholm.example.org").exists()


def _contact(**changes):
    values = {"name": "Ana", "email": "ana@example.org", "role": "official"}
    return ContactInput(**{**values, **changes})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contacts": [_contact(email="ana@example")]}, "not a valid e-mail address"),
        ({"contacts": [_contact(), _contact(email="ANA@example.org ")]}, "of their own"),
        ({"contacts": [_contact(name="  ")]}, "name of every contact"),
        ({"contacts": [_contact(role="mayor")]}, "official or a politician"),
        ({"contacts": [_contact(language="de")]}, "languages offered"),
        ({"contacts": [_contact(phone="0" * 41)]}, "too long"),
        ({"motivation": "x" * 5001}, "too long"),
        ({"motivation_language": "fr"}, "languages offered"),
        ({"preferred_country": "PE"}, "Guatemala, Colombia or either"),
        ({"preferred_profile_ids": [1, 2, 3, 4]}, "at most three"),
    ],
)
def test_input_no_form_should_let_through_is_refused_and_nothing_is_saved(
    call, organisation, member, now, interest_input, changes, message
):
    with pytest.raises(RecruitmentError, match=message):
        interest_create(
            call=call, organisation=organisation, data=interest_input(**changes), by=member, now=now
        )

    assert not Interest.objects.exists()
    assert not Person.objects.filter(user__isnull=True).exists()


@pytest.mark.parametrize(
    "organisation_kwargs",
    [
        {"country_code": "GT", "code": "0101"},
        {"country_code": "SE", "code": "1480", "can_join": False},
    ],
    ids=["guatemalan", "cannot-join"],
)
def test_only_swedish_organisations_that_can_join_register_interest(
    call, member, now, interest_input, organisation_kwargs
):
    organisation = OrganisationFactory(**organisation_kwargs)

    with pytest.raises(RecruitmentError, match="Swedish"):
        interest_create(
            call=call, organisation=organisation, data=interest_input(), by=member, now=now
        )

    assert not Interest.objects.exists()


def test_preferred_municipalities_are_published_profiles_of_the_same_call(
    network, call, organisation, member, now, interest_input
):
    published = SeekingProfileFactory(call=call)
    unpublished = SeekingProfileFactory(
        call=call,
        organisation=OrganisationFactory(country_code="CO", code="05001"),
        status="submitted",
    )
    other_call = SeekingProfileFactory(call=CallFactory(network=network))

    interest = interest_create(
        call=call,
        organisation=organisation,
        data=interest_input(preferred_profile_ids=[published.pk, unpublished.pk, other_call.pk]),
        by=member,
        now=now,
    )

    assert list(interest.preferred_profiles.all()) == [published]


# --- A failure half-way -----------------------------------------------------------------


def test_a_failure_half_way_through_submission_leaves_the_database_as_it_was(call, member, now):
    # given an interest whose second contact's address cannot be mailed (entered before the
    # services checked addresses), so queueing the second confirmation fails
    interest = InterestFactory(
        call=call, contacts=[ContactPersonFactory(), ContactPersonFactory(email="not-an-address")]
    )
    before = snapshot(interest)

    # when it is submitted
    with pytest.raises(ValidationError):
        interest_submit(interest=interest, by=member, now=now)

    # then the status, the record of steps and the outbox are as before
    assert snapshot(interest) == before
    assert interest.status == I.DRAFT
    assert not Transition.objects.exists()
    assert not OutboxMessage.objects.exists()
