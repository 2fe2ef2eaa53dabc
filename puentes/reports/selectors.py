"""Reads of progress reports: a partnership's periods with the state of each report, one
report with its sign-offs, and which side of a partnership a user signs for.

Who may see a partnership at all is decided by puentes.partnerships.selectors; these reads
start from a partnership the caller may already see.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from puentes.networks.models import ReportingPeriod
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.people.models import Membership

from .models import ProgressReport, ReportSignOff

SIDES = (PartnershipMember.Side.SWEDISH, PartnershipMember.Side.LATIN)


class State:
    """Where a report stands, as the list of periods shows it."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SIGNED_BY_ONE = "signed_by_one"
    SUBMITTED = "submitted"
    OVERDUE = "overdue"


def report_state(report: ProgressReport | None, due_date: datetime.date, today) -> str:
    """Submitted wins; an unsubmitted report past its due date is overdue; else how far it
    got. Reads the report's prefetched sign-offs."""
    if report is not None and report.is_submitted:
        return State.SUBMITTED
    if today > due_date:
        return State.OVERDUE
    if report is None:
        return State.NOT_STARTED
    if report.sign_offs.all():
        return State.SIGNED_BY_ONE
    return State.DRAFT


def sides_of(user, partnership: Partnership) -> list[str]:
    """The sides `user` acts for in `partnership`: through a membership of its Swedish or
    Latin American organisation, or as a member of the partnership. A coordinator has no
    side of their own, so never signs for one."""
    if not user.is_authenticated:
        return []
    sides = set(partnership.members.filter(person__user=user).values_list("side", flat=True))
    organisations = set(
        Membership.objects.filter(
            person__user=user,
            organisation_id__in=[
                partnership.swedish_organisation_id,
                partnership.latin_organisation_id,
            ],
        ).values_list("organisation_id", flat=True)
    )
    if partnership.swedish_organisation_id in organisations:
        sides.add(PartnershipMember.Side.SWEDISH)
    if partnership.latin_organisation_id in organisations:
        sides.add(PartnershipMember.Side.LATIN)
    return [side for side in SIDES if side in sides]


def organisation_of(partnership: Partnership, side: str):
    if side == PartnershipMember.Side.SWEDISH:
        return partnership.swedish_organisation
    return partnership.latin_organisation


def _with_sign_offs(queryset):
    return queryset.prefetch_related(
        Prefetch("sign_offs", queryset=ReportSignOff.objects.select_related("signed_by__person"))
    )


@dataclass(frozen=True)
class PeriodRow:
    period: ReportingPeriod
    report: ProgressReport | None
    state: str
    signed_sides: tuple[str, ...]


def period_rows(partnership: Partnership, today: datetime.date) -> list[PeriodRow]:
    """Each reporting period of the partnership's call with its report (or None) and its
    state, in two queries whatever the number of periods."""
    periods = list(ReportingPeriod.objects.filter(call_id=partnership.call_id))
    reports = {
        report.period_id: report
        for report in _with_sign_offs(ProgressReport.objects.filter(partnership=partnership))
    }
    rows = []
    for period in periods:
        report = reports.get(period.pk)
        signed = {sign_off.side for sign_off in report.sign_offs.all()} if report else set()
        rows.append(
            PeriodRow(
                period=period,
                report=report,
                state=report_state(report, period.due_date, today),
                signed_sides=tuple(side for side in SIDES if side in signed),
            )
        )
    return rows


def period_of(partnership: Partnership, period_pk) -> ReportingPeriod:
    """A reporting period of the partnership's call; raises ReportingPeriod.DoesNotExist."""
    return ReportingPeriod.objects.get(pk=period_pk, call_id=partnership.call_id)


def report_for(partnership: Partnership, period: ReportingPeriod) -> ProgressReport | None:
    """The partnership's report on `period` with its sign-offs, or None if nobody wrote it."""
    return (
        _with_sign_offs(ProgressReport.objects.filter(partnership=partnership, period=period))
        .select_related("text_saved_by__person")
        .first()
    )
