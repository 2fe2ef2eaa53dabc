"""Writing a progress report under optimistic locking, signing it off per side, and reopening
it: the rules, the refusals, the audit trail, and nothing half-saved."""

import datetime

import pytest

from puentes.core import audit
from puentes.core.models import AuditEntry
from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.people.tests.factories import MembershipFactory
from puentes.reports import services
from puentes.reports.models import ProgressReport, ReportSignOff
from puentes.reports.services import (
    AlreadySigned,
    ChangedBeforeSignOff,
    EmptyReport,
    NotAllowed,
    NotCoordinator,
    NothingToSign,
    NotOfSide,
    NotSubmitted,
    PeriodNotOfPartnership,
    ReasonMissing,
    ReportLocked,
    StaleVersion,
    TextTooLong,
    report_reopen,
    report_save,
    report_sign,
)

from .conftest import NOW
from .factories import ProgressReportFactory

LATER = NOW + datetime.timedelta(hours=2)
pytestmark = pytest.mark.usefixtures("english")


def texts(**sections):
    """{"activities": {"sv": ..., "es": ...}} from activities=("sv text", "es text")."""
    return {name: {"sv": sv, "es": es} for name, (sv, es) in sections.items()}


def save(partnership, period, by, version, now=NOW, **sections):
    return report_save(
        partnership=partnership,
        period=period,
        texts=texts(**sections),
        expected_version=version,
        by=by,
        now=now,
    )


def actions(partnership):
    return [entry.action for entry in audit.entries_for(partnership).order_by("at", "pk")]


def signed_sides(report):
    return set(ReportSignOff.objects.filter(report=report).values_list("side", flat=True))


# --- Saving -------------------------------------------------------------------------------


def test_the_first_save_starts_a_draft_marking_which_side_wrote_each_text(
    partnership, period, swedish
):
    report = save(partnership, period, swedish, 0, activities=(" Två workshoppar. ", ""))

    assert report.status == ProgressReport.Status.DRAFT
    assert report.version == 1
    assert report.activities == {"sv": "Två workshoppar."}
    assert report.results == {}
    assert report.authors["activities"] == {"sv": "swedish"}
    assert (report.text_saved_by, report.text_saved_at) == (swedish, NOW)
    assert actions(partnership) == ["reports.saved"]


def test_a_save_bumps_the_version_and_marks_only_the_changed_texts_as_the_savers(
    partnership, period, swedish, latin
):
    save(partnership, period, swedish, 0, activities=("Två workshoppar.", ""))

    report = save(
        partnership,
        period,
        latin,
        1,
        activities=("Två workshoppar.", "Dos talleres."),
        results=("", "Más mujeres en los COCODE."),
    )

    assert report.version == 2
    assert report.authors["activities"] == {"sv": "swedish", "es": "latin"}
    assert report.authors["results"] == {"es": "latin"}
    assert report.text_saved_by == latin


def test_a_coordinator_writes_as_the_networks_secretariat(partnership, period, coordinator):
    report = save(partnership, period, coordinator, 0, lessons=("Svårt att resa.", ""))

    assert report.authors["lessons"] == {"sv": "secretariat"}


def test_a_member_of_the_organisation_writes_for_its_side_without_being_a_partnership_member(
    partnership, period
):
    official = MembershipFactory(organisation=partnership.latin_organisation).person.user

    report = save(partnership, period, official, 0, activities=("", "Dos talleres."))

    assert report.authors["activities"] == {"es": "latin"}


def test_a_save_based_on_an_old_version_is_refused_with_what_is_saved_and_changes_nothing(
    partnership, period, swedish, latin
):
    # Given Sara and Ana opened version 1, and Ana saved first
    save(partnership, period, swedish, 0, activities=("Två workshoppar.", ""))
    save(partnership, period, latin, 1, activities=("", "Texto de Ana."))

    # When Sara saves on top of version 1
    with pytest.raises(StaleVersion) as refused:
        save(partnership, period, swedish, 1, activities=("Saras text.", ""))

    # Then she is told, with Ana's text to compare, and Ana's text is kept
    assert refused.value.current.activities == {"es": "Texto de Ana."}
    assert refused.value.current.version == 2
    report = ProgressReport.objects.get()
    assert report.activities == {"es": "Texto de Ana."}
    assert report.text_saved_by == latin


def test_two_people_starting_the_same_report_the_second_meets_the_first_ones_text(
    partnership, period, swedish, latin
):
    save(partnership, period, swedish, 0, activities=("Saras text.", ""))

    with pytest.raises(StaleVersion) as refused:
        save(partnership, period, latin, 0, activities=("", "Texto de Ana."))

    assert refused.value.current.activities == {"sv": "Saras text."}
    assert ProgressReport.objects.count() == 1


def test_a_save_that_changes_nothing_keeps_the_version_and_the_sign_offs(
    partnership, period, swedish
):
    save(partnership, period, swedish, 0, activities=("Två workshoppar.", ""))
    report = report_sign(
        report=ProgressReport.objects.get(), side="swedish", expected_version=1, by=swedish, now=NOW
    )

    again = save(partnership, period, swedish, 1, now=LATER, activities=(" Två workshoppar. ", ""))

    assert again.version == 1
    assert signed_sides(report) == {"swedish"}
    assert actions(partnership) == ["reports.saved", "reports.signed"]


def test_texts_in_other_languages_are_kept(partnership, period, swedish):
    ProgressReportFactory(
        partnership=partnership, period=period, activities={"sv": "Förr.", "en": "Before."}
    )

    report = save(partnership, period, swedish, 1, activities=("Nu.", "Ahora."))

    assert report.activities == {"sv": "Nu.", "es": "Ahora.", "en": "Before."}


def test_an_empty_report_is_refused(partnership, period, swedish):
    with pytest.raises(EmptyReport) as refused:
        save(partnership, period, swedish, 0, activities=(" ", ""))

    assert "at least one section" in str(refused.value.message)
    assert not ProgressReport.objects.exists()


def test_an_oversized_text_is_refused_not_cut(partnership, period, swedish):
    with pytest.raises(TextTooLong):
        save(partnership, period, swedish, 0, results=("x" * 10_001, ""))

    assert not ProgressReport.objects.exists()


def test_the_mentor_may_not_write(partnership, period, mentor):
    with pytest.raises(NotAllowed):
        save(partnership, period, mentor, 0, activities=("Mentorns text.", ""))

    assert not ProgressReport.objects.exists()


def test_a_period_of_another_call_is_refused(partnership, swedish):
    other_period = ReportingPeriodFactory()

    with pytest.raises(PeriodNotOfPartnership):
        save(partnership, other_period, swedish, 0, activities=("Text.", ""))


# --- Signing off ----------------------------------------------------------------------------


@pytest.fixture
def report(partnership, period, swedish):
    return save(partnership, period, swedish, 0, activities=("Två workshoppar.", "Dos talleres."))


def sign(report, side, by, version=None, now=NOW):
    return report_sign(
        report=report,
        side=side,
        expected_version=report.version if version is None else version,
        by=by,
        now=now,
    )


def test_a_member_signs_off_for_their_side_and_the_timeline_says_so(report, swedish, partnership):
    sign(report, "swedish", swedish)

    sign_off = ReportSignOff.objects.get()
    assert (sign_off.side, sign_off.signed_by, sign_off.signed_at) == ("swedish", swedish, NOW)
    assert sign_off.version == report.version
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.DRAFT
    latest = audit.describe(audit.entries_for(partnership).first())
    assert latest.sentence == ("Sara Svensson signed off the progress report 2024 for Stockholm.")


def test_a_member_may_not_sign_off_for_the_other_side(report, swedish):
    with pytest.raises(NotOfSide):
        sign(report, "latin", swedish)

    assert not ReportSignOff.objects.exists()


def test_a_coordinator_may_not_sign_off_for_a_side(report, coordinator):
    with pytest.raises(NotOfSide):
        sign(report, "swedish", coordinator)


def test_the_mentor_may_not_sign_off(report, mentor):
    with pytest.raises(NotOfSide):
        sign(report, "swedish", mentor)


def test_a_side_signs_off_once(report, swedish, partnership):
    sign(report, "swedish", swedish)
    colleague = MembershipFactory(organisation=partnership.swedish_organisation).person.user

    with pytest.raises(AlreadySigned):
        sign(report, "swedish", colleague)

    assert ReportSignOff.objects.get().signed_by == swedish


def test_signing_off_a_version_that_is_no_longer_the_saved_one_is_refused(
    report, partnership, period, swedish, latin
):
    # Given Ana read version 1, and Sara saved version 2 since
    save(partnership, period, swedish, 1, activities=("Tre workshoppar.", "Dos talleres."))

    # When Ana signs off what she read
    with pytest.raises(ChangedBeforeSignOff) as refused:
        sign(report, "latin", latin, version=1)

    # Then she is sent to read version 2 first
    assert refused.value.current.version == 2
    assert not ReportSignOff.objects.exists()


def test_a_report_without_text_cannot_be_signed_off(partnership, period, swedish):
    empty = ProgressReportFactory(partnership=partnership, period=period, activities={})

    with pytest.raises(NothingToSign):
        sign(empty, "swedish", swedish)


def test_changing_the_text_after_one_side_signed_withdraws_that_sign_off(
    report, partnership, period, swedish, latin
):
    # Given Sara signed off version 1
    sign(report, "swedish", swedish)

    # When Ana changes the Spanish text
    saved = save(partnership, period, latin, 1, now=LATER, activities=("Två workshoppar.", "Tres."))

    # Then Sara's sign-off is gone, and the timeline says why
    assert saved.version == 2
    assert signed_sides(saved) == set()
    assert actions(partnership)[-2:] == ["reports.sign_off_cleared", "reports.saved"]
    cleared = audit.entries_for(partnership).get(action="reports.sign_off_cleared")
    assert audit.describe(cleared).sentence == (
        "The sign-off of Stockholm on the progress report 2024 was withdrawn because Ana López "
        "changed the text."
    )


def test_when_both_sides_signed_off_the_report_is_submitted_and_locked(
    report, partnership, period, swedish, latin
):
    sign(report, "swedish", swedish)

    submitted = sign(report, "latin", latin, now=LATER)

    assert submitted.status == ProgressReport.Status.SUBMITTED
    assert submitted.submitted_at == LATER
    assert actions(partnership)[-2:] == ["reports.signed", "reports.submitted"]
    with pytest.raises(ReportLocked):
        save(partnership, period, swedish, submitted.version, activities=("Ändrat.", ""))
    report.refresh_from_db()
    assert report.activities == {"sv": "Två workshoppar.", "es": "Dos talleres."}


# --- Reopening ------------------------------------------------------------------------------


@pytest.fixture
def submitted(report, swedish, latin):
    sign(report, "swedish", swedish)
    return sign(report, "latin", latin)


def test_a_coordinator_reopens_a_submitted_report_saying_why(submitted, coordinator, partnership):
    reopened = report_reopen(
        report=submitted, reason="Siffrorna saknas.", by=coordinator, now=LATER
    )

    assert reopened.status == ProgressReport.Status.DRAFT
    assert reopened.submitted_at is None
    assert reopened.version == submitted.version + 1
    assert signed_sides(reopened) == set()
    entry = audit.entries_for(partnership).first()
    assert entry.action == "reports.reopened"
    assert entry.data == {"period": "2024", "reason": "Siffrorna saknas."}
    assert audit.describe(entry).sentence == (
        "Carmen Coordinadora reopened the progress report 2024: Siffrorna saknas."
    )


def test_after_reopening_both_sides_sign_off_again(submitted, coordinator, swedish, latin):
    reopened = report_reopen(report=submitted, reason="Siffror.", by=coordinator, now=LATER)

    with pytest.raises(ChangedBeforeSignOff):
        sign(reopened, "swedish", swedish, version=submitted.version)
    sign(reopened, "swedish", swedish)
    again = sign(reopened, "latin", latin)

    assert again.status == ProgressReport.Status.SUBMITTED


def test_a_member_may_not_reopen(submitted, swedish):
    with pytest.raises(NotCoordinator):
        report_reopen(report=submitted, reason="Fel.", by=swedish, now=LATER)

    submitted.refresh_from_db()
    assert submitted.is_submitted


def test_a_draft_cannot_be_reopened(report, coordinator):
    with pytest.raises(NotSubmitted):
        report_reopen(report=report, reason="Varför?", by=coordinator, now=LATER)


def test_reopening_needs_a_reason(submitted, coordinator):
    with pytest.raises(ReasonMissing):
        report_reopen(report=submitted, reason="  ", by=coordinator, now=LATER)

    submitted.refresh_from_db()
    assert submitted.is_submitted


# --- Nothing half-saved -----------------------------------------------------------------------


def failing_audit(monkeypatch, failing_action):
    real = services.audit_record

    def audit_record(**kwargs):
        if kwargs["action"] == failing_action:
            raise RuntimeError("the audit trail is down")
        return real(**kwargs)

    monkeypatch.setattr(services, "audit_record", audit_record)


def test_a_save_that_fails_at_its_audit_entry_leaves_the_text_and_sign_offs_as_they_were(
    monkeypatch, report, partnership, period, swedish, latin
):
    sign(report, "swedish", swedish)
    failing_audit(monkeypatch, "reports.saved")

    with pytest.raises(RuntimeError):
        save(partnership, period, latin, 1, activities=("Två workshoppar.", "Otro texto."))

    report.refresh_from_db()
    assert report.version == 1
    assert report.activities["es"] == "Dos talleres."
    assert signed_sides(report) == {"swedish"}
    assert not AuditEntry.objects.filter(action="reports.sign_off_cleared").exists()


def test_a_second_sign_off_that_fails_to_submit_leaves_no_sign_off_behind(
    monkeypatch, report, swedish, latin
):
    sign(report, "swedish", swedish)
    failing_audit(monkeypatch, "reports.submitted")

    with pytest.raises(RuntimeError):
        sign(report, "latin", latin)

    report.refresh_from_db()
    assert report.status == ProgressReport.Status.DRAFT
    assert signed_sides(report) == {"swedish"}
