"""The demo's progress reports: both partnerships of the 2024 call submitted their 2024
report, Lessebo–Totonicapán its 2025 report too, and Borås–Popayán's 2025 report is a draft
that only Popayán has signed off, past its due date.

They are written through the services, dated when the demo's people wrote and signed them,
so the partnerships' timelines tell the story. Loading is idempotent: a report that exists
is left as it is, whatever people changed in it.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from puentes.networks.models import ReportingPeriod
from puentes.partnerships.models import Partnership
from puentes.people.models import User

from .demo_texts import REPORT_TEXTS
from .models import REPORT_LANGUAGES, ProgressReport
from .selectors import sides_of
from .services import report_save, report_sign

DEMO_EMAIL_DOMAIN = "demo.puentes.test"  # as in puentes.networks.demo
CALL_SLUG = "call-2024"


@dataclass(frozen=True)
class Step:
    """One thing a demo login did to a report: "write" its language's texts, or "sign"."""

    what: str
    login: str
    on: datetime.date
    language: str = ""


@dataclass(frozen=True)
class DemoReport:
    swedish_code: str
    year: int
    steps: tuple[Step, ...]


def _write_and_sign(swedish, latin, year, *, days=(13, 20, 24, 27), signers=("sv", "es")):
    """Swedish writes, Latin American translates and adds, then the sides sign off."""
    on = [datetime.date(year + 1, 1, day) for day in days]
    steps = [Step("write", swedish, on[0], "sv"), Step("write", latin, on[1], "es")]
    logins = {"sv": swedish, "es": latin}
    steps += [Step("sign", logins[code], on[2 + n]) for n, code in enumerate(signers)]
    return tuple(steps)


REPORTS = (
    DemoReport("0761", 2024, _write_and_sign("lessebo", "totonicapan", 2024)),
    DemoReport("1490", 2024, _write_and_sign("boras", "popayan", 2024, days=(15, 22, 28, 30))),
    DemoReport(
        "0761", 2025, _write_and_sign("lessebo", "totonicapan", 2025, days=(12, 19, 26, 29))
    ),
    # Late, and signed by Popayán only: the report the reminders are about.
    DemoReport(
        "1490",
        2025,
        (
            Step("write", "boras", datetime.date(2026, 1, 20), "sv"),
            Step("write", "popayan", datetime.date(2026, 2, 3), "es"),
            Step("sign", "popayan", datetime.date(2026, 2, 5)),
        ),
    ),
)


def reports_demo_load(*, now: datetime.datetime) -> Counter:
    """Write whichever demo report is missing and whose last step is not after `now`;
    return how many were written. Runs inside `demo_load`'s transaction; a rerun that finds
    every report costs one query."""
    created = Counter()
    demo_reports = ProgressReport.objects.filter(
        partnership__call__slug=CALL_SLUG, partnership__is_demo=True
    )
    have = set(
        demo_reports.values_list(
            "partnership__swedish_organisation__code", "period__start_date__year"
        )
    )
    missing = [
        demo
        for demo in REPORTS
        if (demo.swedish_code, demo.year) not in have and _at(demo.steps[-1].on) <= now
    ]
    if not missing:
        return created
    partnerships = {
        partnership.swedish_organisation.code: partnership
        for partnership in Partnership.objects.filter(
            call__slug=CALL_SLUG, is_demo=True
        ).select_related("swedish_organisation", "call")
    }
    periods = {
        period.start_date.year: period
        for period in ReportingPeriod.objects.filter(call__slug=CALL_SLUG, call__is_demo=True)
    }
    users = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
    }
    for demo in missing:
        partnership = partnerships.get(demo.swedish_code)
        period = periods.get(demo.year)
        if partnership is None or period is None:
            continue
        if not all(step.login in users for step in demo.steps):
            continue
        _write(demo, partnership, period, users)
        created["progress reports"] += 1
    return created


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=datetime.UTC)


def _write(demo: DemoReport, partnership, period, users) -> None:
    texts = REPORT_TEXTS[(demo.swedish_code, demo.year)]
    written = {section: {} for section in texts}
    report = None
    for step in demo.steps:
        by, now = users[step.login], _at(step.on)
        if step.what == "write":
            for section, by_language in texts.items():
                written[section][step.language] = by_language[step.language]
            report = report_save(
                partnership=partnership,
                period=period,
                texts={s: {c: t.get(c, "") for c in REPORT_LANGUAGES} for s, t in written.items()},
                expected_version=report.version if report else 0,
                by=by,
                now=now,
            )
        else:
            report = report_sign(
                report=report,
                side=sides_of(by, partnership)[0],
                expected_version=report.version,
                by=by,
                now=now,
            )
