"""How fast the meeting planner's core is on a quarter of a year for six participants.

    .venv/bin/python -m bench.meeting_planner_bench
    .venv/bin/python -m bench.meeting_planner_bench --repeats 20

Six participants as a real partnership has them (three in Stockholm, two in Guatemala, one in
Bogotá, one of them with adjusted hours), asked for every one-hour slot on the half hour over
the first quarter of 2026 (which includes Sweden's change to summer time), and over a quarter
with weekends and a 15-minute step (the planner's worst realistic question). A run times
`find_slots` end to end, holidays included: first with cold holiday calendars (the first
question a worker process answers), then warm, reporting the best and median wall-clock
time, the number of slots and the peak memory Python allocates.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import tracemalloc
from datetime import date, timedelta
from datetime import time as clock

from puentes.meetings import planner
from puentes.meetings.planner import Participant, find_slots

PARTICIPANTS = [
    Participant("ana", "Europe/Stockholm", country="SE"),
    Participant("björn", "Europe/Stockholm", day_end=clock(18), country="SE"),
    Participant("karin", "Europe/Stockholm", day_start=clock(7, 30), country="SE"),
    Participant("lucía", "America/Guatemala", day_start=clock(7), country="GT"),
    Participant("mario", "America/Guatemala", country="GT"),
    Participant("camilo", "America/Bogota", country="CO"),
]
QUESTIONS = {
    "quarter, 1 h on the half hour": {
        "first_day": date(2026, 1, 1),
        "last_day": date(2026, 3, 31),
        "length": timedelta(hours=1),
        "step": timedelta(minutes=30),
    },
    "quarter, 30 min every 15 min, weekends": {
        "first_day": date(2026, 1, 1),
        "last_day": date(2026, 3, 31),
        "length": timedelta(minutes=30),
        "step": timedelta(minutes=15),
        "include_weekends": True,
    },
}


def run(question: dict, repeats: int) -> dict:
    # The first question a worker answers also loads the holiday calendars.
    planner._country_calendar.cache_clear()
    started = time.perf_counter()
    find_slots(PARTICIPANTS, **question)
    cold = time.perf_counter() - started
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        slots = find_slots(PARTICIPANTS, **question)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    find_slots(PARTICIPANTS, **question)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "slots": len(slots),
        "cold": cold,
        "best": min(times),
        "median": statistics.median(times),
        "peak_kib": peak / 1024,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args(argv)
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPU(s), {len(PARTICIPANTS)} participants"
    )
    for name, question in QUESTIONS.items():
        result = run(question, args.repeats)
        print(
            f"{name}: {result['slots']} slots, first {result['cold'] * 1000:.1f} ms, "
            f"then best {result['best'] * 1000:.1f} ms, "
            f"median {result['median'] * 1000:.1f} ms, peak {result['peak_kib']:.0f} KiB"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
