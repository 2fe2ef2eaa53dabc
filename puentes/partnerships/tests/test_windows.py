"""The coming application windows, from any day of the year."""

import datetime

import pytest

from puentes.partnerships.windows import ApplicationWindow, next_application_windows


def d(year, month, day):
    return datetime.date(year, month, day)


def window(year, spring):
    if spring:
        return ApplicationWindow(d(year, 2, 15), d(year, 3, 15))
    return ApplicationWindow(d(year, 9, 15), d(year, 10, 15))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (d(2025, 1, 10), [window(2025, True), window(2025, False)]),
        (d(2025, 3, 15), [window(2025, True), window(2025, False)]),  # deadline day counts
        (d(2025, 3, 16), [window(2025, False), window(2026, True)]),
        (d(2025, 10, 15), [window(2025, False), window(2026, True)]),
        (d(2025, 10, 16), [window(2026, True), window(2026, False)]),  # rolls over the year
        (d(2025, 12, 31), [window(2026, True), window(2026, False)]),
    ],
)
def test_the_next_two_windows_are_those_whose_deadline_has_not_passed(today, expected):
    assert next_application_windows(today) == expected


def test_a_window_is_open_from_its_first_day_to_its_deadline():
    spring = window(2025, True)

    assert not spring.is_open_on(d(2025, 2, 14))
    assert spring.is_open_on(d(2025, 2, 15))
    assert spring.is_open_on(d(2025, 3, 15))
    assert not spring.is_open_on(d(2025, 3, 16))


def test_one_window_can_be_asked_for():
    assert next_application_windows(d(2024, 11, 1), count=1) == [window(2025, True)]
