"""Helpers of the plan's view tests."""

import datetime

from puentes.networks.tests.factories import ReportingPeriodFactory


def main(response) -> str:
    """The page's <main>, where the plan's own content is."""
    page = response.content.decode()
    return page.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def year_period(partnership, year):
    """A calendar year of the partnership's call to report on."""
    return ReportingPeriodFactory(
        call=partnership.call,
        start_date=datetime.date(year, 1, 1),
        end_date=datetime.date(year, 12, 31),
        due_date=datetime.date(year + 1, 1, 31),
    )
