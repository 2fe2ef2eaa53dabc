"""Progress reports: saving, signing off and reopening keep all or nothing."""

import datetime

import pytest
from django.db import transaction

from puentes.core.models import AuditEntry, OutboxMessage
from puentes.core.testing.faults import (
    InjectedWriteFailure,
    assert_all_or_nothing,
    fail_at_write,
    writes_of,
)
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.tests.factories import OrganisationFactory, PersonFactory
from puentes.reports.activity import REMINDER_SENT
from puentes.reports.models import ProgressReport, ReportReminder, ReportSignOff
from puentes.reports.reminders import report_reminders_send
from puentes.reports.services import report_reopen, report_save, report_sign
from puentes.reports.tests.conftest import NOW
from puentes.reports.tests.factories import ProgressReportFactory, ReportSignOffFactory


def texts(sv: str, es: str) -> dict:
    return {"activities": {"sv": sv, "es": es}}


def test_starting_a_report_keeps_nothing_when_any_write_fails(partnership, period, swedish):
    def run():
        report_save(
            partnership=partnership,
            period=period,
            texts=texts("Vi började.", "Empezamos."),
            expected_version=0,
            by=swedish,
            now=NOW,
        )

    assert_all_or_nothing(run)


def test_changing_a_signed_report_keeps_its_sign_off_when_any_write_fails(
    partnership, period, swedish, latin
):
    # given a report the Guatemalan side has signed
    report = ProgressReportFactory(partnership=partnership, period=period)
    ReportSignOffFactory(report=report, side="latin", signed_by=latin)

    # when the Swedish side changes the text (which withdraws the sign-off)
    def run():
        report_save(
            partnership=partnership,
            period=period,
            texts=texts("Ändrad text.", "Texto cambiado."),
            expected_version=ProgressReport.objects.get(pk=report.pk).version,
            by=swedish,
            now=NOW,
        )

    # then a refused write keeps both the old text and the sign-off
    assert_all_or_nothing(run, min_writes=4)
    assert not ReportSignOff.objects.exists()


def test_the_second_sign_off_that_submits_keeps_nothing_when_any_write_fails(
    partnership, period, swedish, latin
):
    # given a report the Swedish side has signed
    report = ProgressReportFactory(partnership=partnership, period=period)
    ReportSignOffFactory(report=report, side="swedish", signed_by=swedish)

    # when the Guatemalan side signs (sign-off, entry, submitted, entry)
    def run():
        report_sign(
            report=ProgressReport.objects.get(pk=report.pk),
            side="latin",
            expected_version=report.version,
            by=latin,
            now=NOW,
        )

    # then a refused write leaves it a draft with one sign-off
    assert_all_or_nothing(run, min_writes=4)
    assert ProgressReport.objects.get(pk=report.pk).is_submitted


def test_reopening_a_submitted_report_keeps_nothing_when_any_write_fails(
    partnership, period, swedish, latin, coordinator
):
    report = ProgressReportFactory(
        partnership=partnership,
        period=period,
        status=ProgressReport.Status.SUBMITTED,
        submitted_at=NOW,
    )
    for side, user in (("swedish", swedish), ("latin", latin)):
        ReportSignOffFactory(report=report, side=side, signed_by=user)

    def run():
        report_reopen(
            report=ProgressReport.objects.get(pk=report.pk),
            reason="A figure is wrong.",
            by=coordinator,
            now=NOW,
        )

    assert_all_or_nothing(run, min_writes=3)


class _Undo(Exception):
    pass


def test_a_reminder_run_cut_short_keeps_each_partnership_s_reminder_whole(
    call, period, partnership, swedish, latin
):
    # given a second partnership in the call with two members of its own, and no report yet
    other = PartnershipFactory(
        call=call,
        swedish_organisation=OrganisationFactory(country_code="SE", code="1480"),
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
    )
    for side in ("swedish", "latin"):
        PartnershipMemberFactory(partnership=other, person=PersonFactory(), side=side)
    three_days_before = datetime.datetime(2025, 1, 28, 8, 0, tzinfo=datetime.UTC)

    def run():
        return report_reminders_send(now=three_days_before, base_url="https://puentes.example")

    # each reminder: its record, a mail per member, its timeline entry
    total = len(writes_of(run))
    per_reminder = total // 2
    assert total == 2 * per_reminder >= 8

    # when the run is cut short at each write of the second partnership's reminder
    for n in range(per_reminder + 1, total + 1):
        try:
            with transaction.atomic():
                with pytest.raises(InjectedWriteFailure), fail_at_write(n):
                    run()

                # then the first reminder is whole: one record, its two mails, its entry
                [record] = ReportReminder.objects.all()
                members = PartnershipMember.objects.filter(partnership=record.partnership)
                assert sorted(OutboxMessage.objects.values_list("to_address", flat=True)) == sorted(
                    members.values_list("person__email", flat=True)
                )
                assert AuditEntry.objects.filter(action=REMINDER_SENT).count() == 1

                # and the next run sends the second partnership's reminder only
                assert run() == {"reminders": 1, "messages": 2}
                assert OutboxMessage.objects.count() == 4
                raise _Undo
        except _Undo:
            pass
