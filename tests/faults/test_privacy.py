"""Privacy: consents, and erasing a person everywhere, keep all or nothing; a refused write
leaves no line in the erasure ledger either."""

import datetime

import pytest

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.people.models import Consent, Person
from puentes.people.tests.factories import PersonFactory
from puentes.privacy.erasure import ledger_read, person_erase
from puentes.privacy.services import consent_give, consent_withdraw
from puentes.privacy.tests.test_erasure import person_everywhere
from puentes.recruitment.tests.factories import ConsentFactory, PrivacyNoticeFactory

NOW = datetime.datetime(2025, 6, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def ledger(settings, tmp_path):
    settings.PUENTES_ERASURE_LEDGER = tmp_path / "var" / "erasures.jsonl"


def test_consenting_keeps_nothing_when_any_write_fails(db):
    person = PersonFactory()
    notice = PrivacyNoticeFactory(version="2")

    assert_all_or_nothing(
        lambda: consent_give(person=person, notice=notice, language="es", by=person.user, now=NOW)
    )


def test_withdrawing_a_consent_keeps_it_when_any_write_fails(db):
    consent = ConsentFactory(person=PersonFactory())

    def run():
        consent_withdraw(
            consent=Consent.objects.get(pk=consent.pk), by=consent.person.user, now=NOW
        )

    assert_all_or_nothing(run)


def test_erasing_a_person_keeps_every_trace_and_writes_no_ledger_line_when_any_write_fails(db):
    # given a member who has given every kind of personal data Puentes holds
    person = person_everywhere()

    # when they are erased (their row, account, what they gave, mentions everywhere, the
    # record, the entry, then the ledger line) and any write is refused
    def run():
        person_erase(person=Person.objects.get(pk=person.pk), by=None, now=NOW, reason="asked")

    # then nothing of the erasure is kept, in the database or the ledger
    assert_all_or_nothing(run, min_writes=10, outside=ledger_read)
