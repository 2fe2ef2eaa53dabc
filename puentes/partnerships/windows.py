"""The programme's application windows, in which partnerships apply for their next phase.

Plain dates in, plain dates out: every year 15 February–15 March and 15 September–15 October.
"""

import datetime
from dataclasses import dataclass

# (month, day) of opening and of the deadline, in the order they come in a year.
WINDOWS = (((2, 15), (3, 15)), ((9, 15), (10, 15)))


@dataclass(frozen=True)
class ApplicationWindow:
    open_date: datetime.date
    close_date: datetime.date

    def is_open_on(self, today: datetime.date) -> bool:
        return self.open_date <= today <= self.close_date


def next_application_windows(today: datetime.date, count: int = 2) -> list[ApplicationWindow]:
    """The `count` windows whose deadline is today or later, the nearest first (one that is
    open today comes first)."""
    found = []
    year = today.year
    while len(found) < count:
        for (open_month, open_day), (close_month, close_day) in WINDOWS:
            window = ApplicationWindow(
                datetime.date(year, open_month, open_day),
                datetime.date(year, close_month, close_day),
            )
            if window.close_date >= today and len(found) < count:
                found.append(window)
        year += 1
    return found
