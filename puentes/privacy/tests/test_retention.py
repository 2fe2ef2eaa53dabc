"""Retention policies: each erases exactly what is due and nothing else; a dry run changes
nothing; a second run finds nothing more."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.utils import timezone

from puentes.core.models import AuditEntry, OutboxMessage
from puentes.networks.tests.factories import CallFactory
from puentes.people.models import Person, User
from puentes.people.tests.factories import PersonFactory
from puentes.privacy.models import Erasure, RetentionPolicy
from puentes.privacy.retention import retention_apply
from puentes.recruitment.models import Interest, InterestContact, Transition
from puentes.recruitment.tests.factories import InterestFactory
from puentes.workshops.models import Registration
from puentes.workshops.tests.test_visa import letter_for, swedish_workshop

DAY = datetime.timedelta(days=1)
Kind = RetentionPolicy.Kind


@pytest.fixture(autouse=True)
def policies(db, settings, tmp_path):
    settings.PUENTES_ERASURE_LEDGER = tmp_path / "erasures.jsonl"
    # The seeding migration's rows, made again for tests that flushed them.
    for kind, days in [
        (Kind.DECLINED_INTERESTS, 365),
        (Kind.WITHDRAWN_INTERESTS, 365),
        (Kind.VISA_DATA, 30),
        (Kind.INACTIVE_ACCOUNTS, 3 * 365),
        (Kind.SENT_MAIL, 90),
    ]:
        RetentionPolicy.objects.update_or_create(
            kind=kind, defaults={"period_days": days, "is_active": True}
        )


def snapshot(*labels) -> dict:
    """Every row of the named models, as plain values."""
    rows = {}
    for label in labels:
        model = apps.get_model(label)
        for obj in model._base_manager.order_by("pk"):
            rows[(label, obj.pk)] = model_to_dict(obj) | {
                name: getattr(obj, name) for name in ("updated_at",) if hasattr(obj, name)
            }
    return rows


def changed(before: dict, after: dict) -> set:
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def run(*args) -> str:
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def decided_interest(status, *, days_ago, now):
    interest = InterestFactory(status=status, decision_reason="För få teman")
    Transition.objects.create(
        interest=interest,
        from_status="in_review",
        to_status=status,
        at=now - days_ago * DAY,
        reason="Motivering från samordnaren",
    )
    return interest


INTEREST_MODELS = ("recruitment.Interest", "recruitment.InterestContact", "recruitment.Transition")


def test_declined_interests_lose_what_people_wrote_a_year_after_the_decision(db):
    # Given interests declined and withdrawn long ago and lately, and one still in review
    now = timezone.now()
    old = decided_interest(Interest.Status.DECLINED, days_ago=400, now=now)
    decided_interest(Interest.Status.DECLINED, days_ago=100, now=now)
    decided_interest(Interest.Status.WITHDRAWN, days_ago=100, now=now)
    decided_interest(Interest.Status.IN_REVIEW, days_ago=400, now=now)
    before = snapshot(*INTEREST_MODELS)

    # When the policy is tried first, then applied
    printed = run("--kind", Kind.DECLINED_INTERESTS, "--dry-run")
    assert snapshot(*INTEREST_MODELS) == before
    run("--kind", Kind.DECLINED_INTERESTS)

    # Then only the old declined interest changed: its texts and contacts went, it stays
    assert f"declined_interests (after 365 days): 1 would be erased; ids: {old.pk}" in printed
    after = snapshot(*INTEREST_MODELS)
    assert {key[0] for key in changed(before, after)} <= set(INTEREST_MODELS)
    assert all(
        after.get(key) is None or key[1] == old.pk or after[key].get("interest") == old.pk
        for key in changed(before, after)
    )
    old.refresh_from_db()
    assert (old.status, old.motivation, old.decision_reason) == ("declined", "", "")
    assert not InterestContact.objects.filter(interest=old).exists()
    assert set(Transition.objects.filter(interest=old).values_list("reason", flat=True)) == {""}
    assert AuditEntry.objects.filter(action="privacy.retention_applied").count() == 1

    # And a second run changes nothing
    again = snapshot(*INTEREST_MODELS)
    assert "0 erased" in run("--kind", Kind.DECLINED_INTERESTS)
    assert snapshot(*INTEREST_MODELS) == again


def test_withdrawn_interests_follow_their_own_policy(db):
    # Given a withdrawn interest older than its policy's period, and a declined one as old
    now = timezone.now()
    withdrawn = decided_interest(Interest.Status.WITHDRAWN, days_ago=400, now=now)
    declined = decided_interest(Interest.Status.DECLINED, days_ago=400, now=now)

    # When only the withdrawn-interest policy is applied
    runs = retention_apply(now=now, kinds=[Kind.WITHDRAWN_INTERESTS])

    # Then only the withdrawn interest lost its texts
    assert [(r.kind, r.ids) for r in runs] == [(Kind.WITHDRAWN_INTERESTS, [withdrawn.pk])]
    withdrawn.refresh_from_db(), declined.refresh_from_db()
    assert withdrawn.motivation == "" and declined.motivation != ""


def test_visa_data_is_kept_as_long_as_its_policy_says(db):
    # Given letters for workshops that ended 20 and 5 days ago, and a policy of 10 days
    now = timezone.now()
    call = CallFactory()
    due = letter_for(swedish_workshop(call, start=now - 23 * DAY), number="P0000001")
    kept = letter_for(swedish_workshop(call, start=now - 8 * DAY), number="P0000002")
    RetentionPolicy.objects.filter(kind=Kind.VISA_DATA).update(period_days=10)
    before = snapshot("workshops.VisaLetter", "workshops.Registration")

    # When the policies are tried, then applied twice
    retention_apply(now=now, dry_run=True)
    assert snapshot("workshops.VisaLetter", "workshops.Registration") == before
    runs = {r.kind: r.ids for r in retention_apply(now=now)}
    after = snapshot("workshops.VisaLetter", "workshops.Registration")

    # Then exactly the letter past the policy's period lost its passport data
    assert runs[Kind.VISA_DATA] == [due.pk]
    assert changed(before, after) == {("workshops.VisaLetter", due.pk)}
    due.refresh_from_db(), kept.refresh_from_db()
    assert due.passport_number == "" and kept.passport_number == "P0000002"
    assert Registration.objects.count() == 2
    assert {r.kind: r.ids for r in retention_apply(now=now)}[Kind.VISA_DATA] == []


def account(*, last_login, joined, **fields) -> Person:
    person = PersonFactory(**fields)
    User.objects.filter(pk=person.user_id).update(last_login=last_login, date_joined=joined)
    return person


def test_people_whose_accounts_nobody_used_for_three_years_are_erased(db):
    # Given accounts last used 4 years and 1 year ago, one never used since joining 4 years
    # ago, an operator's superuser account and an account already erased
    now = timezone.now()
    long_ago = now - 4 * 365 * DAY
    idle = account(last_login=long_ago, joined=long_ago - DAY)
    never = account(last_login=None, joined=long_ago)
    active = account(last_login=now - 365 * DAY, joined=long_ago)
    operator = account(last_login=long_ago, joined=long_ago)
    User.objects.filter(pk=operator.user_id).update(is_superuser=True)
    before = snapshot("people.Person")

    # When the policy is tried, then applied, then applied again
    assert f"ids: {idle.pk}, {never.pk}" in run("--kind", Kind.INACTIVE_ACCOUNTS, "--dry-run")
    assert snapshot("people.Person") == before
    run("--kind", Kind.INACTIVE_ACCOUNTS)
    after = snapshot("people.Person")
    assert "0 erased" in run("--kind", Kind.INACTIVE_ACCOUNTS)

    # Then the two idle people are erased, through person_erase, and nobody else changed
    assert changed(before, after) == {("people.Person", idle.pk), ("people.Person", never.pk)}
    assert set(Erasure.objects.values_list("person_pk", "reason")) == {
        (idle.pk, "retention"),
        (never.pk, "retention"),
    }
    assert snapshot("people.Person") == after
    assert User.objects.get(pk=active.user_id).is_active


def mail(status, *, sent_at=None, updated_days_ago=0, now):
    message = OutboxMessage.objects.create(
        to_address="someone@example.org",
        language="sv",
        subject="Ämne",
        body_text="Text",
        body_html="<p>Text</p>",
        message_id=f"<{OutboxMessage.objects.count()}@puentes.test>",
        status=status,
        sent_at=sent_at,
        next_attempt_at=now if status in OutboxMessage.PENDING_STATUSES else None,
    )
    OutboxMessage.objects.filter(pk=message.pk).update(updated_at=now - updated_days_ago * DAY)
    return message


def test_delivered_and_abandoned_mail_is_deleted_after_its_period(db):
    # Given mail delivered 100 and 10 days ago, one abandoned 100 days ago, one still queued
    now = timezone.now()
    Status = OutboxMessage.Status
    old_sent = mail(Status.SENT, sent_at=now - 100 * DAY, updated_days_ago=100, now=now)
    mail(Status.SENT, sent_at=now - 10 * DAY, updated_days_ago=10, now=now)
    old_failed = mail(Status.FAILED, updated_days_ago=100, now=now)
    mail(Status.QUEUED, updated_days_ago=100, now=now)
    before = snapshot("core.OutboxMessage")

    # When the policy is tried, then applied twice
    retention_apply(now=now, dry_run=True, kinds=[Kind.SENT_MAIL])
    assert snapshot("core.OutboxMessage") == before
    retention_apply(now=now, kinds=[Kind.SENT_MAIL])
    after = snapshot("core.OutboxMessage")

    # Then exactly the old delivered and abandoned messages are gone
    assert changed(before, after) == {
        ("core.OutboxMessage", old_sent.pk),
        ("core.OutboxMessage", old_failed.pk),
    }
    assert all(key not in after for key in changed(before, after))
    assert retention_apply(now=now, kinds=[Kind.SENT_MAIL])[0].ids == []


def test_an_inactive_policy_is_not_applied(db):
    # Given old delivered mail and its policy switched off
    now = timezone.now()
    mail(OutboxMessage.Status.SENT, sent_at=now - 100 * DAY, updated_days_ago=100, now=now)
    RetentionPolicy.objects.filter(kind=Kind.SENT_MAIL).update(is_active=False)

    # When the policies are applied, then the mail stays and the policy is not mentioned
    assert Kind.SENT_MAIL not in {r.kind for r in retention_apply(now=now)}
    assert OutboxMessage.objects.count() == 1
