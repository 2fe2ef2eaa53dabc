"""Changes of state of progress reports: saving the text under optimistic locking, signing
off for one side, and a coordinator reopening a submitted report.

Each service runs in one transaction with its audit entry (scope: the partnership), so a
refusal or a failure half-way leaves nothing behind. Signing off approves one version of the
text: a later save withdraws every sign-off, and once both sides signed the same version the
report is submitted and locked until a coordinator reopens it.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.partnerships.selectors import can_edit_partnership
from puentes.people.access import acts_as_coordinator

from . import activity
from .models import REPORT_LANGUAGES, SECRETARIAT, SECTION_NAMES, ProgressReport, ReportSignOff
from .selectors import SIDES, organisation_of, sides_of

TEXT_MAX = 10_000
REASON_MAX = 500


class ReportError(Exception):
    """A rule of progress reports refused the change; `message` is translated for the user."""

    message = _("This change is not allowed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotAllowed(ReportError):
    message = _("Only the members of the partnership and coordinators can write its reports.")


class PeriodNotOfPartnership(ReportError):
    message = _("This reporting period is not one of the partnership's call.")


class EmptyReport(ReportError):
    message = _("Write at least one section in Swedish or Spanish.")


class TextTooLong(ReportError):
    def __init__(self):
        super().__init__(_("Each text can be at most %(max)s characters long.") % {"max": TEXT_MAX})


class ReportLocked(ReportError):
    """Both sides signed off: the report is submitted; `current` is what was submitted."""

    message = _(
        "This progress report is submitted and locked. A coordinator can reopen it if it "
        "needs to change."
    )

    def __init__(self, current: ProgressReport):
        self.current = current
        super().__init__()


class StaleVersion(ReportError):
    """Someone saved the report since the form was opened; `current` is what they saved."""

    message = _("Someone else saved the progress report after you opened it.")

    def __init__(self, current: ProgressReport):
        self.current = current
        super().__init__()


class ChangedBeforeSignOff(StaleVersion):
    message = _(
        "The report changed after you read it. Read the saved version before you sign it off."
    )


class NotOfSide(ReportError):
    message = _("Only a member of that side of the partnership can sign off for it.")


class AlreadySigned(ReportError):
    message = _("This side has already signed off the report.")


class NothingToSign(ReportError):
    message = _("There is no text to sign off yet.")


class NotCoordinator(ReportError):
    message = _("Only a coordinator can reopen a submitted report.")


class NotSubmitted(ReportError):
    message = _("Only a submitted report can be reopened.")


class ReasonMissing(ReportError):
    message = _("Say why the report is reopened.")


def clean_texts(texts: dict) -> dict[str, dict[str, str]]:
    """{section: {language: text}} with the Swedish and Spanish texts stripped; empty ones
    left out. Raises EmptyReport when nothing is written, TextTooLong for an oversized text."""
    cleaned = {}
    for section in SECTION_NAMES:
        given = texts.get(section) or {}
        cleaned[section] = {}
        for code in REPORT_LANGUAGES:
            text = (given.get(code) or "").strip()
            if len(text) > TEXT_MAX:
                raise TextTooLong
            if text:
                cleaned[section][code] = text
    if not any(cleaned.values()):
        raise EmptyReport
    return cleaned


def _author(by, partnership) -> str:
    sides = sides_of(by, partnership)
    return sides[0] if sides else SECRETARIAT


def _period_data(report_or_period) -> dict:
    period = getattr(report_or_period, "period", report_or_period)
    return {"period": period.label}


@transaction.atomic
def report_save(
    *, partnership, period, texts: dict, expected_version: int, by, now
) -> ProgressReport:
    """Save the report's text ({section: {"sv": ..., "es": ...}}) if nobody saved it since
    `expected_version` (0 for a report not started yet); otherwise raise StaleVersion with
    what is saved now. With no report saved yet, the save starts it, whatever the version.
    A change withdraws every sign-off; a save that changes nothing is not a change.
    Languages other than Swedish and Spanish already in a section are kept."""
    if period.call_id != partnership.call_id:
        raise PeriodNotOfPartnership
    if not can_edit_partnership(by, partnership):
        raise NotAllowed
    cleaned = clean_texts(texts)
    report = _locked_report(partnership, period)
    if report is None:
        return _create(partnership, period, cleaned, by, now)
    if report.is_submitted:
        raise ReportLocked(report)
    if report.version != expected_version:
        raise StaleVersion(report)
    merged, authors = _merge(report, cleaned, _author(by, partnership))
    if merged == report.texts():
        return report
    ProgressReport.objects.filter(pk=report.pk, version=expected_version).update(
        **merged,
        authors=authors,
        version=F("version") + 1,
        text_saved_by=by,
        text_saved_at=now,
        updated_at=now,
    )
    report.refresh_from_db()
    _withdraw_sign_offs(report, by=by, now=now)
    audit_record(
        actor=by,
        action=activity.SAVED,
        target=report,
        scope=partnership,
        data=_period_data(report),
        at=now,
    )
    return report


def _locked_report(partnership, period) -> ProgressReport | None:
    return (
        ProgressReport.objects.select_for_update()
        .select_related("period", "partnership")
        .filter(partnership=partnership, period=period)
        .first()
    )


def _create(partnership, period, cleaned, by, now) -> ProgressReport:
    author = _author(by, partnership)
    try:
        with transaction.atomic():
            report = ProgressReport.objects.create(
                partnership=partnership,
                period=period,
                **cleaned,
                authors={
                    section: dict.fromkeys(texts, author) for section, texts in cleaned.items()
                },
                text_saved_by=by,
                text_saved_at=now,
            )
    except IntegrityError:
        # Someone started the same report meanwhile: theirs is the saved version.
        raise StaleVersion(_locked_report(partnership, period)) from None
    audit_record(
        actor=by,
        action=activity.SAVED,
        target=report,
        scope=partnership,
        data=_period_data(period),
        at=now,
    )
    return report


def _merge(report, cleaned, author) -> tuple[dict, dict]:
    """The sections after the save, and who wrote each text: the saver for what changed."""
    merged, authors = {}, {}
    for section in SECTION_NAMES:
        before = dict(getattr(report, section) or {})
        after = {code: text for code, text in before.items() if code not in REPORT_LANGUAGES}
        after.update(cleaned[section])
        written = dict((report.authors or {}).get(section, {}))
        for code in REPORT_LANGUAGES:
            if before.get(code) != after.get(code):
                written.pop(code, None)
                if after.get(code):
                    written[code] = author
        merged[section] = after
        authors[section] = written
    return merged, authors


def _withdraw_sign_offs(report, *, by, now) -> None:
    for sign_off in report.sign_offs.all():
        audit_record(
            actor=by,
            action=activity.SIGN_OFF_CLEARED,
            target=report,
            scope=report.partnership,
            data={
                **_period_data(report),
                "organisation": organisation_of(report.partnership, sign_off.side).name,
            },
            at=now,
        )
    report.sign_offs.all().delete()


@transaction.atomic
def report_sign(*, report: ProgressReport, side: str, expected_version: int, by, now):
    """`by`, a member of `side`, approves version `expected_version` of the report. When
    both sides have approved it, the report is submitted and locked."""
    report = _locked_report(report.partnership, report.period)
    if report.is_submitted:
        raise ReportLocked(report)
    if side not in sides_of(by, report.partnership):
        raise NotOfSide
    if report.version != expected_version:
        raise ChangedBeforeSignOff(report)
    if not report.has_text():
        raise NothingToSign
    if report.sign_offs.filter(side=side).exists():
        raise AlreadySigned
    ReportSignOff.objects.create(
        report=report, side=side, signed_by=by, signed_at=now, version=report.version
    )
    organisation = organisation_of(report.partnership, side)
    audit_record(
        actor=by,
        action=activity.SIGNED,
        target=report,
        scope=report.partnership,
        data={**_period_data(report), "organisation": organisation.name},
        at=now,
    )
    signed = set(report.sign_offs.values_list("side", flat=True))
    if signed == set(SIDES):
        _submit(report, by=by, now=now)
    return report


def _submit(report, *, by, now) -> None:
    report.status = ProgressReport.Status.SUBMITTED
    report.submitted_at = now
    report.save(update_fields=["status", "submitted_at", "updated_at"])
    audit_record(
        actor=by,
        action=activity.SUBMITTED,
        target=report,
        scope=report.partnership,
        data=_period_data(report),
        at=now,
    )


@transaction.atomic
def report_reopen(*, report: ProgressReport, reason: str, by, now) -> ProgressReport:
    """A coordinator reopens a submitted report, saying why: it is a draft again, both
    sign-offs are withdrawn, and forms opened before it are stale."""
    if not acts_as_coordinator(by):
        raise NotCoordinator
    reason = (reason or "").strip()
    if not reason:
        raise ReasonMissing
    if len(reason) > REASON_MAX:
        raise ReportError(
            _("The reason can be at most %(max)s characters long.") % {"max": REASON_MAX}
        )
    report = _locked_report(report.partnership, report.period)
    if not report.is_submitted:
        raise NotSubmitted
    report.sign_offs.all().delete()
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ProgressReport.Status.DRAFT,
        submitted_at=None,
        version=F("version") + 1,
        updated_at=now,
    )
    report.refresh_from_db()
    audit_record(
        actor=by,
        action=activity.REOPENED,
        target=report,
        scope=report.partnership,
        data={**_period_data(report), "reason": reason},
        at=now,
    )
    return report
