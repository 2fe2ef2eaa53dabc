"""Progress reports: whoever sees the partnership reads its reports (members of both
organisations, its mentor, coordinators); the others get 404 (the partnership's own rule).
Members and coordinators write; the mentor is refused (403) on the edit and sign-off pages.
Only a member signs off for their side, so coordinators are refused there too, and only a
coordinator reopens. Signing off and reopening are POSTs: a GET by someone allowed is 405.
In the admin, coordinators only read: reports change through the workspace's rules."""

from tests.access.policy import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    OK,
    READS,
    SET_UP_TOTP,
    policy,
)

# World's partnership joins A and B, so member_a and member_b are both in it.
READERS = policy(LOGIN, OK, coordinator=OK, coordinator_without_totp=SET_UP_TOTP)
WRITERS = {**READERS, "mentor": FORBIDDEN}
SIGNERS = policy(
    LOGIN,
    NOT_ALLOWED,
    mentor=FORBIDDEN,
    coordinator=FORBIDDEN,
    coordinator_without_totp=SET_UP_TOTP,
)
REOPENERS = policy(LOGIN, FORBIDDEN, coordinator=NOT_ALLOWED, coordinator_without_totp=SET_UP_TOTP)

EXPECTED = {
    "reports:report_list": READERS,
    "reports:report_detail": READERS,
    "reports:report_edit": WRITERS,
    "reports:report_sign": SIGNERS,
    "reports:report_reopen": REOPENERS,
}

ADMIN_APPS = {"reports": READS}


def _report_kwargs(world):
    return {"pk": world.partnership.pk, "period_pk": world.reporting_period.pk}


EXAMPLE_KWARGS = {
    "reports:report_list": lambda w: {"pk": w.partnership.pk},
    "reports:report_detail": _report_kwargs,
    "reports:report_edit": _report_kwargs,
    "reports:report_sign": _report_kwargs,
    "reports:report_reopen": _report_kwargs,
}


def populate(world):
    """A draft report of the world's partnership, and a reminder sent about it."""
    from django.utils import timezone

    from puentes.reports.models import ReportReminder
    from puentes.reports.tests.factories import ProgressReportFactory

    world.progress_report = ProgressReportFactory(
        partnership=world.partnership, period=world.reporting_period
    )
    ReportReminder.objects.create(
        partnership=world.partnership,
        period=world.reporting_period,
        kind="before-14",
        sent_at=timezone.now(),
        recipients=2,
    )
