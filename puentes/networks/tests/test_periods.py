import datetime

import pytest
from django.db import IntegrityError

from puentes.networks.models import ReportingPeriod

from .factories import ReportingPeriodFactory

pytestmark = pytest.mark.django_db


def test_a_calendar_year_period_is_named_by_its_year():
    period = ReportingPeriodFactory(start_date=datetime.date(2025, 1, 1))

    assert period.label == "2025"
    assert period.due_date == datetime.date(2026, 1, 31)


def test_any_other_period_is_named_by_its_dates():
    period = ReportingPeriodFactory(
        start_date=datetime.date(2025, 7, 1),
        end_date=datetime.date(2026, 6, 30),
        due_date=datetime.date(2026, 8, 31),
    )

    assert period.label == "2025-07-01 – 2026-06-30"


def test_a_report_cannot_be_due_before_its_period_ends():
    with pytest.raises(IntegrityError):
        ReportingPeriodFactory(
            start_date=datetime.date(2025, 1, 1),
            end_date=datetime.date(2025, 12, 31),
            due_date=datetime.date(2025, 12, 1),
        )


def test_a_call_has_one_period_per_start_date():
    period = ReportingPeriodFactory()

    with pytest.raises(IntegrityError):
        ReportingPeriod.objects.create(
            call=period.call,
            start_date=period.start_date,
            end_date=period.end_date,
            due_date=period.due_date,
        )
