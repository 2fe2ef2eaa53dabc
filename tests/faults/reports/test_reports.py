"""Progress reports: saving, signing off and reopening keep all or nothing."""

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.reports.models import ProgressReport, ReportSignOff
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
