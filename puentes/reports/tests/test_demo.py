"""The demo's progress reports: both 2024 reports and Lessebo–Totonicapán's 2025 report
signed off by both sides, Borås–Popayán's 2025 report late and signed by Popayán only."""

import datetime

import pytest

from puentes.core import audit
from puentes.networks.demo import demo_load
from puentes.places.testing import load_reference_data_for_tests
from puentes.reports.models import SECTION_NAMES, ProgressReport
from puentes.reports.selectors import State, report_state


@pytest.fixture
def reference_data(db):
    load_reference_data_for_tests()


def reports():
    return {
        (r.partnership.swedish_organisation.name, r.period.label): r
        for r in ProgressReport.objects.select_related(
            "partnership__swedish_organisation", "period"
        ).prefetch_related("sign_offs")
    }


def test_the_demo_has_three_submitted_reports_and_one_late_draft_signed_by_one_side(
    reference_data,
):
    result = demo_load(now=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))

    assert result.created["progress reports"] == 4
    found = reports()
    assert set(found) == {
        ("Lessebo", "2024"),
        ("Lessebo", "2025"),
        ("Borås", "2024"),
        ("Borås", "2025"),
    }
    for key in [("Lessebo", "2024"), ("Lessebo", "2025"), ("Borås", "2024")]:
        assert found[key].is_submitted
        assert {s.side for s in found[key].sign_offs.all()} == {"swedish", "latin"}
    late = found[("Borås", "2025")]
    assert late.status == ProgressReport.Status.DRAFT
    assert [s.side for s in late.sign_offs.all()] == ["latin"]
    assert report_state(late, late.period.due_date, datetime.date(2026, 3, 1)) == State.OVERDUE


def test_every_demo_report_is_written_in_swedish_and_spanish_by_the_side_of_each_language(
    reference_data,
):
    demo_load(now=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))

    for report in ProgressReport.objects.all():
        for section in SECTION_NAMES:
            assert set(getattr(report, section)) == {"sv", "es"}
            assert report.authors[section] == {"sv": "swedish", "es": "latin"}


def test_the_partnerships_timeline_tells_how_the_report_was_written_and_signed(reference_data):
    demo_load(now=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
    lessebo = reports()[("Lessebo", "2024")].partnership

    entries = audit.entries_for(lessebo).filter(action__startswith="reports.", data__period="2024")

    assert [e.action for e in entries.order_by("at", "pk")] == [
        "reports.saved",
        "reports.saved",
        "reports.signed",
        "reports.signed",
        "reports.submitted",
    ]
    assert entries.order_by("at").first().at == datetime.datetime(
        2025, 1, 13, 10, 0, tzinfo=datetime.UTC
    )


def test_reports_dated_after_now_are_left_out_and_a_rerun_adds_only_what_is_missing(
    reference_data,
):
    early = demo_load(now=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC))
    assert early.created["progress reports"] == 2
    assert {key[1] for key in reports()} == {"2024"}

    later = demo_load(now=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
    again = demo_load(now=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))

    assert later.created["progress reports"] == 2
    assert again.created["progress reports"] == 0
    assert ProgressReport.objects.count() == 4
