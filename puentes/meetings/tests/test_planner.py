"""The planner's core, without a database: overlaps across summer time, holidays, hours."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from puentes.meetings.planner import (
    Participant,
    PlannerError,
    find_slots,
    slot_at,
)

HOUR = timedelta(hours=1)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
SWEDE = Participant("ana", "Europe/Stockholm", country="SE")
GUATEMALAN = Participant("lucia", "America/Guatemala", country="GT")
COLOMBIAN = Participant("camilo", "America/Bogota", country="CO")


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def local_times(slot, participant):
    local = slot.local_for(participant.key)
    return local.start.strftime("%H:%M"), local.end.strftime("%H:%M")


def slots_on(day, *participants, length=HOUR, **options):
    return find_slots(participants, first_day=day, last_day=day, length=length, **options)


def test_in_winter_stockholm_afternoon_is_guatemala_morning():
    # when planning an hour on a Tuesday in January
    slots = slots_on(date(2026, 1, 13), SWEDE, GUATEMALAN)

    # then the two-hour overlap gives three starts on the half hour
    assert [local_times(s, SWEDE) for s in slots] == [
        ("15:00", "16:00"),
        ("15:30", "16:30"),
        ("16:00", "17:00"),
    ]
    assert [local_times(s, GUATEMALAN) for s in slots] == [
        ("08:00", "09:00"),
        ("08:30", "09:30"),
        ("09:00", "10:00"),
    ]
    assert slots[0].start == utc(2026, 1, 13, 14, 0)


def test_in_summer_the_overlap_with_guatemala_is_one_hour():
    slots = slots_on(date(2026, 6, 16), SWEDE, GUATEMALAN)

    assert [(local_times(s, SWEDE), local_times(s, GUATEMALAN)) for s in slots] == [
        (("16:00", "17:00"), ("08:00", "09:00")),
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 13), ["14:00", "14:30", "15:00", "15:30", "16:00"]),
        (date(2026, 7, 14), ["15:00", "15:30", "16:00"]),
    ],
)
def test_colombia_is_one_hour_closer_than_guatemala(day, expected):
    slots = slots_on(day, SWEDE, COLOMBIAN)

    assert [local_times(s, SWEDE)[0] for s in slots] == expected
    assert local_times(slots[0], COLOMBIAN)[0] == "08:00"


@pytest.mark.parametrize(
    ("before", "after", "before_count", "after_count"),
    [
        # Sweden to summer time on the last Sunday of March: the overlap shrinks.
        (date(2025, 3, 28), date(2025, 3, 31), 3, 1),
        (date(2026, 3, 27), date(2026, 3, 30), 3, 1),
        # Back to winter time on the last Sunday of October: it grows again.
        (date(2025, 10, 24), date(2025, 10, 27), 1, 3),
        (date(2026, 10, 23), date(2026, 10, 26), 1, 3),
    ],
)
def test_the_overlap_with_guatemala_changes_over_the_weekend_sweden_changes_its_clocks(
    before, after, before_count, after_count
):
    # when planning from the Friday before the change to the Monday after
    slots = find_slots([SWEDE, GUATEMALAN], first_day=before, last_day=after, length=HOUR)

    # then the weekend has no slot, and Guatemala's morning stays at 08:00
    by_day = {}
    for slot in slots:
        by_day.setdefault(slot.local_for("ana").start.date(), []).append(slot)
    assert sorted(by_day) == [before, after]
    assert (len(by_day[before]), len(by_day[after])) == (before_count, after_count)
    assert {local_times(by_day[d][0], GUATEMALAN)[0] for d in by_day} == {"08:00"}
    first_swedish_start = {d: local_times(by_day[d][0], SWEDE)[0] for d in by_day}
    winter, summer = "15:00", "16:00"
    if before.month == 3:
        assert first_swedish_start == {before: winter, after: summer}
    else:
        assert first_swedish_start == {before: summer, after: winter}


@pytest.mark.parametrize(
    ("sunday", "swedish_starts", "offset_hours"),
    [
        (date(2025, 3, 30), ["16:00"], 2),
        (date(2025, 10, 26), ["15:00", "15:30", "16:00"], 1),
        (date(2026, 3, 29), ["16:00"], 2),
        (date(2026, 10, 25), ["15:00", "15:30", "16:00"], 1),
    ],
)
def test_on_the_sunday_the_clocks_change_the_slots_use_the_new_offset(
    sunday, swedish_starts, offset_hours
):
    slots = slots_on(sunday, SWEDE, GUATEMALAN, include_weekends=True)

    assert [local_times(s, SWEDE)[0] for s in slots] == swedish_starts
    assert {s.local_for("ana").start.utcoffset() for s in slots} == {timedelta(hours=offset_hours)}
    assert {s.local_for("lucia").start.utcoffset() for s in slots} == {timedelta(hours=-6)}


def test_weekends_are_skipped_unless_asked_for():
    saturday = date(2026, 2, 14)

    assert slots_on(saturday, SWEDE, GUATEMALAN) == []
    assert len(slots_on(saturday, SWEDE, GUATEMALAN, include_weekends=True)) == 3


def test_adjusted_working_hours_widen_the_overlap():
    # given a Guatemalan member who starts at 07:00 and a Swede who works until 18:00
    early = Participant("lucia", "America/Guatemala", day_start=time(7), country="GT")
    late = Participant("ana", "Europe/Stockholm", day_end=time(18), country="SE")

    # when planning a two-hour meeting in January
    slots = slots_on(date(2026, 1, 13), late, early, length=2 * HOUR)

    # then it fits from Stockholm 14:00 (Guatemala 07:00) to Stockholm 16:00 (09:00)
    assert [local_times(s, late) for s in slots] == [
        ("14:00", "16:00"),
        ("14:30", "16:30"),
        ("15:00", "17:00"),
        ("15:30", "17:30"),
        ("16:00", "18:00"),
    ]
    assert local_times(slots[0], early) == ("07:00", "09:00")


def test_a_meeting_longer_than_the_overlap_has_no_slot():
    assert slots_on(date(2026, 6, 16), SWEDE, GUATEMALAN, length=90 * timedelta(minutes=1)) == []


def test_three_participants_meet_where_all_three_overlap():
    slots = slots_on(date(2026, 1, 13), SWEDE, GUATEMALAN, COLOMBIAN)

    assert [
        (local_times(s, SWEDE)[0], local_times(s, COLOMBIAN)[0], local_times(s, GUATEMALAN)[0])
        for s in slots
    ] == [("15:00", "09:00", "08:00"), ("15:30", "09:30", "08:30"), ("16:00", "10:00", "09:00")]


def test_a_shorter_step_offers_more_starts():
    slots = slots_on(date(2026, 1, 13), SWEDE, GUATEMALAN, step=timedelta(minutes=15))

    assert [local_times(s, SWEDE)[0] for s in slots] == [
        "15:00",
        "15:15",
        "15:30",
        "15:45",
        "16:00",
    ]


def test_holidays_of_each_participants_country_are_flagged_in_the_readers_language():
    # when planning over Easter 2026 in Spanish
    slots = find_slots(
        [SWEDE, GUATEMALAN],
        first_day=date(2026, 4, 1),
        last_day=date(2026, 4, 6),
        length=HOUR,
        holiday_language="es",
    )

    # then Maundy Thursday is a holiday in Guatemala only, Good Friday in both, Easter
    # Monday in Sweden only; the days are still offered
    flags = {
        s.local_for("ana").start.date(): sorted((h.country, h.name) for h in s.holidays)
        for s in slots
    }
    assert flags == {
        date(2026, 4, 1): [],
        date(2026, 4, 2): [("GT", "Jueves Santo")],
        date(2026, 4, 3): [("GT", "Viernes Santo"), ("SE", "Good Friday")],
        date(2026, 4, 6): [("SE", "Easter Monday")],
    }


def test_swedish_holiday_names_in_swedish_and_latin_american_in_spanish():
    midsummer_eve = slots_on(date(2026, 6, 19), SWEDE, GUATEMALAN, holiday_language="sv")
    # Guatemala moves its Army Day (30 June) to a Monday: 29 June in 2026.
    army_day = slots_on(date(2026, 6, 29), SWEDE, GUATEMALAN, holiday_language="sv")
    independence = slots_on(date(2026, 7, 20), SWEDE, COLOMBIAN, holiday_language="es")

    assert [(h.name, h.language) for h in midsummer_eve[0].holidays] == [("Midsommarafton", "sv")]
    # Guatemala's names exist in Spanish and English: a Swedish reader gets English.
    assert [(h.name, h.language) for h in army_day[0].holidays] == [("Army Day", "en")]
    assert [h.name for h in independence[0].holidays] == ["Día de la Independencia"]


def test_a_holiday_is_read_on_each_participants_own_date():
    # given a Swede who starts at 05:00 and a Guatemalan who works late into the evening
    early = Participant("ana", "Europe/Stockholm", day_start=time(5), country="SE")
    late = Participant("lucia", "America/Guatemala", day_end=time(23, 59), country="GT")

    # when planning half-hours over New Year 2024, weekends included
    slots = find_slots(
        [early, late],
        first_day=date(2023, 12, 31),
        last_day=date(2024, 1, 1),
        length=timedelta(minutes=30),
        include_weekends=True,
    )

    # then Stockholm's 05:00 on New Year's Day is Guatemala's 22:00 on New Year's Eve, so
    # only Sweden's holiday is flagged there, not Guatemala's New Year's Day
    [slot] = [s for s in slots if s.start == utc(2024, 1, 1, 4, 0)]
    assert slot.local_for("ana").start == datetime(2024, 1, 1, 5, 0, tzinfo=STOCKHOLM)
    assert slot.local_for("lucia").start.strftime("%Y-%m-%d %H:%M") == "2023-12-31 22:00"
    assert [(h.country, h.date) for h in slot.holidays] == [("SE", date(2024, 1, 1))]


def test_a_country_without_a_calendar_flags_nothing():
    nowhere = Participant("x", "Europe/Stockholm", country="")
    assert slots_on(date(2026, 6, 19), nowhere)[0].holidays == ()


def test_a_chosen_slot_is_checked_again_against_everyones_hours():
    assert slot_at([SWEDE, GUATEMALAN], utc(2026, 1, 13, 14, 0), length=HOUR) is not None
    # a quarter past is off the grid but inside the hours
    assert slot_at([SWEDE, GUATEMALAN], utc(2026, 1, 13, 14, 15), length=HOUR) is not None
    # half past three UTC ends after 17:00 in Stockholm
    assert slot_at([SWEDE, GUATEMALAN], utc(2026, 1, 13, 15, 30), length=HOUR) is None
    # in June the same UTC hour is after Stockholm's day
    assert slot_at([SWEDE, GUATEMALAN], utc(2026, 6, 16, 15, 0), length=HOUR) is None
    # a Saturday only when weekends are allowed
    saturday = utc(2026, 2, 14, 14, 0)
    assert slot_at([SWEDE, GUATEMALAN], saturday, length=HOUR) is None
    assert slot_at([SWEDE, GUATEMALAN], saturday, length=HOUR, include_weekends=True)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Participant("x", "Europe/Nowhere"), "No such time zone"),
        (lambda: Participant("x", "Europe/Stockholm", day_start=time(17), day_end=time(8)), "ends"),
        (
            lambda: find_slots(
                [SWEDE], first_day=date(2026, 1, 2), last_day=date(2026, 1, 1), length=HOUR
            ),
            "range",
        ),
        (
            lambda: find_slots(
                [], first_day=date(2026, 1, 1), last_day=date(2026, 1, 2), length=HOUR
            ),
            "participant",
        ),
        (
            lambda: find_slots(
                [SWEDE], first_day=date(2026, 1, 1), last_day=date(2026, 1, 2), length=-HOUR
            ),
            "positive",
        ),
        (lambda: slot_at([SWEDE], datetime(2026, 1, 13, 14), length=HOUR), "aware"),
    ],
)
def test_questions_that_cannot_be_answered_are_refused(make, message):
    with pytest.raises(PlannerError, match=message):
        make()
