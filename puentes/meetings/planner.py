"""The meeting planner's core: when can people in different time zones meet online?

Plain data in, plain data out, without Django, so it is tested and benchmarked alone. Given a
range of dates, a meeting length and the participants' time zones and working hours, it
returns every slot (on a grid of `step`) that lies inside everyone's working hours on a
weekday of their own calendar, with its start and end in every participant's local time and
the public holidays it falls on.

Times are computed in UTC and shown in each zone through `zoneinfo`, so summer time is
handled by the time zone database: Sweden moves its clocks on the last Sundays of March and
October, Guatemala and Colombia never do, and the overlap of a Stockholm and a Guatemalan
working day shrinks from two hours in winter (Stockholm 15:00–17:00 = Guatemala 08:00–10:00)
to one in summer (16:00–17:00 = 08:00–09:00).

Holidays are flagged, not skipped: a Guatemalan holiday does not stop two Swedish members
from meeting, and people decide. A slot is flagged with the public holidays of each
participant's country on their local date (and, for Sweden, the de facto days off the
`holidays` package knows: Midsummer Eve, Christmas Eve, New Year's Eve).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_package

DEFAULT_DAY_START = time(8, 0)
DEFAULT_DAY_END = time(17, 0)
DEFAULT_STEP = timedelta(minutes=30)
# Slots start on a grid counted from here, so every zone with whole- or half-hour offsets
# sees them start on the hour or the half hour.
GRID_ORIGIN = datetime(2000, 1, 1, tzinfo=UTC)
HOLIDAY_CATEGORIES = ("public", "de_facto")
# The `holidays` package's name for a language, where it is not the plain code.
HOLIDAY_LANGUAGES = {"en": "en_US"}


class PlannerError(ValueError):
    """The question cannot be answered as asked (an empty range, a day that ends before
    it starts, an unknown time zone)."""


@dataclass(frozen=True)
class Participant:
    """Someone who takes part: an id of the caller's choosing, where they are, their hours.

    `country` is the ISO 3166-1 code whose public holidays are flagged for them ("" for none).
    """

    key: Hashable
    time_zone: str
    day_start: time = DEFAULT_DAY_START
    day_end: time = DEFAULT_DAY_END
    country: str = ""

    def __post_init__(self):
        zone(self.time_zone)  # raises PlannerError for an unknown zone
        if self.day_start.tzinfo is not None or self.day_end.tzinfo is not None:
            raise PlannerError("Working hours are local wall-clock times, without a zone.")
        if self.day_end <= self.day_start:
            raise PlannerError(f"{self.key}: the working day ends before it starts.")

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.time_zone)


@dataclass(frozen=True)
class LocalTime:
    """A slot as one participant lives it: start and end in their own time zone."""

    participant: Participant
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Holiday:
    """A public holiday of `country` on `date`, named in `language` (a language code)."""

    country: str
    date: date
    name: str
    language: str


@dataclass(frozen=True)
class Slot:
    """A possible meeting: start and end in UTC, the same in each participant's time, and
    the holidays it falls on."""

    start: datetime
    end: datetime
    local: tuple[LocalTime, ...]
    holidays: tuple[Holiday, ...] = ()

    def local_for(self, key: Hashable) -> LocalTime:
        return next(local for local in self.local if local.participant.key == key)


@cache
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise PlannerError(f"No such time zone: {name!r}") from exc


def find_slots(
    participants: Sequence[Participant],
    *,
    first_day: date,
    last_day: date,
    length: timedelta,
    step: timedelta = DEFAULT_STEP,
    include_weekends: bool = False,
    holiday_language: str = "en",
) -> list[Slot]:
    """Every slot of `length`, starting on the grid of `step`, inside every participant's
    working hours on a local date from `first_day` to `last_day` (weekdays only unless
    `include_weekends`), in time order. Holiday names are in `holiday_language` where the
    `holidays` package has it, else in English."""
    _check(participants, first_day, last_day, length, step)
    common = None
    for participant in participants:
        hours = list(_working_hours(participant, first_day, last_day, include_weekends))
        common = hours if common is None else _intersect(common, hours)
    calendars = _Calendars(first_day, last_day, holiday_language)
    return [
        _slot(start, start + length, participants, calendars)
        for window_start, window_end in common
        for start in _grid(window_start, window_end - length, step)
    ]


def slot_at(
    participants: Sequence[Participant],
    start: datetime,
    *,
    length: timedelta,
    include_weekends: bool = False,
    holiday_language: str = "en",
) -> Slot | None:
    """The slot from `start` if it lies inside everyone's working hours (on the grid or
    not), else None: a chosen slot is checked again with this before it is sent."""
    if start.tzinfo is None:
        raise PlannerError("A slot's start must be an aware datetime.")
    _check(participants, start.date(), start.date(), length, length)
    start = start.astimezone(UTC)
    end = start + length
    if not all(_inside_hours(p, start, end, include_weekends) for p in participants):
        return None
    days = [start.astimezone(p.zone).date() for p in participants]
    return _slot(start, end, participants, _Calendars(min(days), max(days), holiday_language))


def _check(participants, first_day, last_day, length, step) -> None:
    if not participants:
        raise PlannerError("A meeting needs at least one participant.")
    if last_day < first_day:
        raise PlannerError("The range ends before it starts.")
    if length <= timedelta(0) or step <= timedelta(0):
        raise PlannerError("A meeting's length and the step must be positive.")


def _days(first_day: date, last_day: date) -> Iterator[date]:
    day = first_day
    while day <= last_day:
        yield day
        day += timedelta(days=1)


def _working_hours(
    participant: Participant, first_day: date, last_day: date, include_weekends: bool
) -> Iterator[tuple[datetime, datetime]]:
    """The participant's working days as UTC intervals, in order. A wall-clock time that a
    change to summer time skips is read as zoneinfo does (with the offset before it)."""
    local = participant.zone
    for day in _days(first_day, last_day):
        if not include_weekends and day.weekday() >= 5:
            continue
        start = datetime.combine(day, participant.day_start, local).astimezone(UTC)
        end = datetime.combine(day, participant.day_end, local).astimezone(UTC)
        if end > start:
            yield start, end


def _intersect(left: list, right: list) -> list[tuple[datetime, datetime]]:
    """The instants inside both sorted lists of disjoint intervals."""
    both, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        start = max(left[i][0], right[j][0])
        end = min(left[i][1], right[j][1])
        if start < end:
            both.append((start, end))
        if left[i][1] <= right[j][1]:
            i += 1
        else:
            j += 1
    return both


def _grid(first: datetime, last: datetime, step: timedelta) -> Iterator[datetime]:
    """Grid points from `first` to `last`, both included when on the grid."""
    offset = (first - GRID_ORIGIN) % step
    point = first if not offset else first + (step - offset)
    while point <= last:
        yield point
        point += step


def _inside_hours(participant: Participant, start: datetime, end: datetime, weekends) -> bool:
    day = start.astimezone(participant.zone).date()
    return any(
        hours_start <= start and end <= hours_end
        for hours_start, hours_end in _working_hours(participant, day, day, weekends)
    )


def _slot(start, end, participants, calendars) -> Slot:
    local = tuple(
        LocalTime(participant=p, start=start.astimezone(p.zone), end=end.astimezone(p.zone))
        for p in participants
    )
    found = {}
    for item in local:
        country = item.participant.country
        holiday = calendars.holiday(country, item.start.date()) if country else None
        if holiday is not None:
            found[(holiday.country, holiday.date)] = holiday
    return Slot(start=start, end=end, local=local, holidays=tuple(found.values()))


class _Calendars:
    """Public holidays per country for the years of a range, loaded once per country."""

    def __init__(self, first_day: date, last_day: date, language: str):
        self.years = range(first_day.year - 1, last_day.year + 2)
        self.language = language
        self._loaded: dict[str, tuple[object, str] | None] = {}

    def holiday(self, country: str, day: date) -> Holiday | None:
        if country not in self._loaded:
            self._loaded[country] = _country_calendar(country, self.years, self.language)
        loaded = self._loaded[country]
        if loaded is None:
            return None
        calendar, language = loaded
        name = calendar.get(day)
        if name is None:
            return None
        return Holiday(country=country, date=day, name=name, language=language)


@lru_cache(maxsize=64)
def _country_calendar(country: str, years: range, language: str):
    """The holidays of `country` in `years`, {date: name} with names in `language` (else
    English), and that language; None for a country the `holidays` package does not know.
    Kept between calls: holidays of past and coming years do not change while we run."""
    try:
        kind = holidays_package.country_holidays(country).__class__
    except NotImplementedError:
        return None
    wanted = HOLIDAY_LANGUAGES.get(language, language)
    supported = kind.supported_languages or ()
    if wanted not in supported:
        wanted = "en_US" if "en_US" in supported else kind.default_language
    categories = [c for c in HOLIDAY_CATEGORIES if c in kind.supported_categories]
    calendar = holidays_package.country_holidays(
        country, years=years, language=wanted, categories=categories
    )
    return dict(calendar.items()), (wanted or "en").split("_")[0]
