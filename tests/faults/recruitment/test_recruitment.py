"""Expressions of interest and seeking profiles: every write refused in turn keeps nothing."""

import pytest

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.recruitment.services import (
    interest_create,
    interest_decide,
    interest_start_review,
    interest_submit,
    interest_update,
    interest_withdraw,
    profile_decide,
    profile_submit,
    profile_withdraw,
)
from puentes.recruitment.tests.factories import InterestFactory, SeekingProfileFactory


def test_creating_an_interest_keeps_nothing_when_any_write_fails(
    call, organisation, member, interest_input, now
):
    # given a member's complete interest form
    def run():
        interest_create(
            call=call, organisation=organisation, data=interest_input(), by=member, now=now
        )

    # when each write is refused in turn, then nothing of the interest is kept
    assert_all_or_nothing(run)


def test_changing_an_interest_keeps_nothing_when_any_write_fails(
    call, organisation, member, interest_input, now
):
    # given a draft interest
    draft = interest_create(
        call=call, organisation=organisation, data=interest_input(), by=member, now=now
    )

    # when its contacts and motivation are changed and a write is refused
    def run():
        interest_update(
            interest=Interest.objects.get(pk=draft.pk),
            data=interest_input(
                motivation="Ny motivering.", contacts=interest_input().contacts[:1]
            ),
            by=member,
            now=now,
        )

    # then the draft is as it was
    assert_all_or_nothing(run)


def test_submitting_an_interest_keeps_nothing_and_queues_no_mail_when_any_write_fails(
    call, member, now
):
    # given a complete draft
    draft = InterestFactory(call=call, contacts=2)

    # when it is submitted (status, history, confirmation mail, notice to the network)
    def run():
        interest_submit(interest=Interest.objects.get(pk=draft.pk), by=member, now=now)

    # then a refused write leaves the draft a draft, with no mail and no history
    assert_all_or_nothing(run, min_writes=3)


@pytest.mark.parametrize("decision", ["accepted", "declined"])
def test_deciding_an_interest_keeps_nothing_when_any_write_fails(call, coordinator, now, decision):
    # given an interest in review
    in_review = InterestFactory(call=call, status=Interest.Status.IN_REVIEW, contacts=2)

    # when a coordinator decides and a write is refused
    def run():
        interest_decide(
            interest=Interest.objects.get(pk=in_review.pk),
            decision=decision,
            reason="Reason.",
            by=coordinator,
            now=now,
        )

    # then it is still submitted, with no decision mail
    assert_all_or_nothing(run, min_writes=3)


def test_withdrawing_an_interest_keeps_nothing_when_any_write_fails(call, member, now):
    submitted = InterestFactory(call=call, status=Interest.Status.SUBMITTED)

    def run():
        interest_withdraw(interest=Interest.objects.get(pk=submitted.pk), by=member, now=now)

    assert_all_or_nothing(run)


def test_submitting_a_profile_keeps_nothing_when_any_write_fails(
    call, guatemalan_member, profile_input, now
):
    # given a Guatemalan member's profile naming a new contact person
    organisation = guatemalan_member.person.memberships.get().organisation

    def run():
        profile_submit(
            call=call,
            organisation=organisation,
            data=profile_input(),
            by=guatemalan_member,
            now=now,
        )

    # then no profile, contact person, theme link or history is left by a refused write
    assert_all_or_nothing(run, min_writes=3)


@pytest.mark.parametrize("approve", [True, False])
def test_deciding_a_profile_keeps_nothing_when_any_write_fails(call, coordinator, now, approve):
    waiting = SeekingProfileFactory(call=call, status=SeekingProfile.Status.SUBMITTED)

    def run():
        profile_decide(
            profile=SeekingProfile.objects.get(pk=waiting.pk),
            approve=approve,
            reason="Reason.",
            by=coordinator,
            now=now,
        )

    assert_all_or_nothing(run, min_writes=3)


def test_taking_an_interest_into_review_keeps_nothing_when_any_write_fails(call, coordinator, now):
    submitted = InterestFactory(call=call, status=Interest.Status.SUBMITTED)

    def run():
        interest_start_review(
            interest=Interest.objects.get(pk=submitted.pk), by=coordinator, now=now
        )

    assert_all_or_nothing(run)


def test_withdrawing_a_profile_keeps_nothing_when_any_write_fails(call, coordinator, now):
    published = SeekingProfileFactory(call=call, status=SeekingProfile.Status.APPROVED)

    def run():
        profile_withdraw(
            profile=SeekingProfile.objects.get(pk=published.pk), by=coordinator, now=now
        )

    assert_all_or_nothing(run)
