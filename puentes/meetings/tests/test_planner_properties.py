"""Properties of the planner for any participants, hours, lengths and ranges (hypothesis):
every slot lies within every participant's working hours, and none is missed at the step.

The second is checked against a slow, obvious oracle: every grid point around the range,
kept when each participant's local start and end fall on one of their working days, between
their day's start and end by the wall clock. Working days here start at 04:00 or later, after
the clock changes of the zones below (01:00–03:00 local), where wall-clock comparison and
elapsed time agree.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from puentes.meetings.planner import GRID_ORIGIN, Participant, find_slots

ZONES = [
    "Europe/Stockholm",
    "America/Guatemala",
    "America/Bogota",
    "Europe/London",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Adelaide",
    "Pacific/Auckland",
]
QUARTER = timedelta(minutes=15)


@st.composite
def participants(draw, key):
    start = draw(st.integers(min_value=4 * 4, max_value=20 * 4))  # in quarter hours
    end = draw(st.integers(min_value=start + 1, max_value=23 * 4 + 3))
    return Participant(
        key=key,
        time_zone=draw(st.sampled_from(ZONES)),
        day_start=time(start // 4, start % 4 * 15),
        day_end=time(end // 4, end % 4 * 15),
    )


@st.composite
def questions(draw):
    count = draw(st.integers(min_value=1, max_value=4))
    people = [draw(participants(key=n)) for n in range(count)]
    # The weeks around the clock changes of March/April and October/November are included.
    first_day = draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)))
    last_day = first_day + timedelta(days=draw(st.integers(min_value=0, max_value=10)))
    return {
        "participants": people,
        "first_day": first_day,
        "last_day": last_day,
        "length": QUARTER * draw(st.integers(min_value=1, max_value=12)),
        "step": draw(st.sampled_from([QUARTER, 2 * QUARTER, 4 * QUARTER])),
        "include_weekends": draw(st.booleans()),
    }


def inside_hours(participant, start, end, question):
    zone = ZoneInfo(participant.time_zone)
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    day = local_start.date()
    if not question["first_day"] <= day <= question["last_day"]:
        return False
    if not question["include_weekends"] and day.weekday() >= 5:
        return False
    wall_start = local_start.replace(tzinfo=None)
    wall_end = local_end.replace(tzinfo=None)
    return datetime.combine(
        day, participant.day_start
    ) <= wall_start and wall_end <= datetime.combine(day, participant.day_end)


def oracle(question):
    """Every grid start in the range (padded by two days for the zones) that fits everyone."""
    step, length = question["step"], question["length"]
    first = datetime.combine(question["first_day"] - timedelta(days=2), time(0), UTC)
    last = datetime.combine(question["last_day"] + timedelta(days=3), time(0), UTC)
    point = first + (-(first - GRID_ORIGIN)) % step
    found = []
    while point <= last:
        if all(inside_hours(p, point, point + length, question) for p in question["participants"]):
            found.append(point)
        point += step
    return found


def ask(question):
    return find_slots(
        question["participants"],
        first_day=question["first_day"],
        last_day=question["last_day"],
        length=question["length"],
        step=question["step"],
        include_weekends=question["include_weekends"],
    )


@settings(max_examples=300, deadline=None)
@given(questions())
def test_every_slot_lies_within_every_participants_working_hours(question):
    for slot in ask(question):
        assert slot.end - slot.start == question["length"]
        assert (slot.start - GRID_ORIGIN) % question["step"] == timedelta(0)
        for participant in question["participants"]:
            assert inside_hours(participant, slot.start, slot.end, question), (participant, slot)
            local = slot.local_for(participant.key)
            assert local.start == slot.start and local.end == slot.end  # same instants
            assert local.start.tzinfo == ZoneInfo(participant.time_zone)


@settings(max_examples=300, deadline=None)
@given(questions())
def test_no_slot_is_missed_at_the_chosen_step(question):
    assert [slot.start for slot in ask(question)] == oracle(question)
