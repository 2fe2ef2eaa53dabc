"""Helpers of the exports tests: URLs, the world's plans, files as the csv module reads
and writes them."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import translation

from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.plans.tests.factories import (
    IndicatorFactory,
    OutcomeFactory,
    OutputFactory,
    PeopleIndicatorFactory,
    PlanFactory,
)


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"exports:{name}", kwargs=kwargs)


def year(call, number):
    return ReportingPeriodFactory(
        call=call,
        start_date=datetime.date(number, 1, 1),
        end_date=datetime.date(number, 12, 31),
        due_date=datetime.date(number + 1, 1, 31),
    )


def plan_with_indicators(partnership):
    plan = PlanFactory(partnership=partnership)
    outcome = OutcomeFactory(plan=plan)
    people = PeopleIndicatorFactory(outcome=outcome, texts={"es": "Mujeres en los COCODE"})
    output = OutputFactory(outcome=outcome)
    plain = IndicatorFactory(
        output=output, outcome=None, texts={"sv": "Utbildningar"}, language="sv"
    )
    return people, plain


def download(client, kind, scope, fmt="csv"):
    response = client.get(url("index"), {"kind": kind, "scope": scope, "format": fmt})
    assert response.status_code == 200, response.content[:500]
    if response.streaming:
        return b"".join(response.streaming_content)
    return b"".join(response)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")
