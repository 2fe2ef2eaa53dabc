"""How fast the matching engine is on synthetic calls of realistic shape (docs/benchmarks.md).

    .venv/bin/python -m bench.matching_bench            # every scenario, stress included
    .venv/bin/python -m bench.matching_bench --quick    # without the stress scenario
    .venv/bin/python -m bench.matching_bench --scenario 300x1500 --repeats 10

Each scenario is generated from a fixed seed, so every run times the same instances. A run
times `match()` end to end (score matrix, assignment, alternatives, reasons) several times
and reports the best and the median wall-clock time and the best CPU time; then the CPU time of
`match()` without alternatives and of the score matrix alone, to show where the time goes;
then one more run under tracemalloc for the peak memory numpy and Python allocate.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy

from puentes.matching.engine import Constraints, LatinCandidate, SwedishCandidate, match
from puentes.matching.scoring import Weights, score_matrix

THEMES = [
    "political-representation",
    "gender-based-violence",
    "economic-empowerment",
    "education-and-health",
    "indigenous-inclusion",
    "peacebuilding",
    "citizen-dialogue",
]


@dataclass(frozen=True)
class Scenario:
    name: str
    n_swedish: int
    n_latin: int
    balance: dict[str, int] | None = None
    repeats: int = 7
    stress: bool = False


SCENARIOS = [
    Scenario("300x1500", 300, 1_500),
    Scenario("300x1500-balanced", 300, 1_500, {"GT": 150, "CO": 150}),
    Scenario("2000x2000", 2_000, 2_000, repeats=5),
    Scenario("2000x2000-balanced", 2_000, 2_000, {"GT": 900, "CO": 900}, repeats=5),
    Scenario("3000x15000", 3_000, 15_000, repeats=3, stress=True),
    Scenario("3000x15000-balanced", 3_000, 15_000, {"GT": 1_500, "CO": 1_500}, 3, True),
]


def swedish_candidate(rng: random.Random, n: int, latin_ids: list[int]) -> SwedishCandidate:
    named = rng.sample(latin_ids, rng.randint(1, 3)) if rng.random() < 0.5 else []
    languages = {"sv": rng.randint(2, 6), "en": rng.randint(1, 5)}
    if rng.random() < 0.4:
        languages["es"] = rng.randint(1, 3)
    return SwedishCandidate(
        id=n,
        themes=frozenset(rng.sample(THEMES, rng.randint(1, 4))),
        preferred_country=rng.choice([None, None, "GT", "CO"]),
        preferred_partners=tuple(named),
        languages=languages,
        kind="region" if rng.random() < 0.15 else "municipality",
        size=None if rng.random() < 0.1 else int(rng.lognormvariate(10.5, 1.0)) + 1,
    )


def latin_candidate(rng: random.Random, n: int) -> LatinCandidate:
    languages = {"es": rng.randint(2, 6)}
    if rng.random() < 0.5:
        languages["en"] = rng.randint(1, 2)
    if rng.random() < 0.05:
        languages["sv"] = 1
    return LatinCandidate(
        id=n,
        country=rng.choice(["GT", "CO"]),
        themes=frozenset(rng.sample(THEMES, rng.randint(1, 3))),
        languages=languages,
        kind="municipality",
        size=None if rng.random() < 0.1 else int(rng.lognormvariate(10.0, 1.2)) + 1,
    )


def instance(scenario: Scenario, seed: int = 2024):
    """Candidates and a few rulings of every kind, the same for the same seed."""
    rng = random.Random(f"{seed}-{scenario.n_swedish}-{scenario.n_latin}")
    latin_ids = list(range(scenario.n_latin))
    latin = [latin_candidate(rng, n) for n in latin_ids]
    swedish = [swedish_candidate(rng, n, latin_ids) for n in range(scenario.n_swedish)]
    rows = rng.sample(range(scenario.n_swedish), 8)
    cols = rng.sample(latin_ids, 8)
    must = set(zip(rows[:5], cols[:5], strict=True))
    paired = set(zip(rows[5:], cols[5:], strict=True))
    never = {
        (rng.randrange(scenario.n_swedish), rng.randrange(scenario.n_latin))
        for _ in range(scenario.n_swedish)
    } - must
    return swedish, latin, Constraints(must_pair=must, never_pair=never, already_paired=paired)


def timings(
    run: Callable[[], object], repeats: int, *, warm_up: bool = True
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run. The engine runs on one core, so on a busy
    machine its CPU time is what an idle machine's wall clock would show."""
    if warm_up:  # imports, caches, first touch of memory
        run()
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def peak_memory(run: Callable[[], object]) -> int:
    tracemalloc.start()
    run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def measure(scenario: Scenario, repeats: int | None) -> dict:
    swedish, latin, constraints = instance(scenario)
    repeats = repeats or scenario.repeats
    options = {"weights": Weights(), "constraints": constraints, "balance": scenario.balance}

    def full():
        return match(swedish, latin, alternatives=3, **options)

    result = full()  # also the warm-up
    wall, cpu = timings(full, repeats, warm_up=False)
    _wall, bare = timings(lambda: match(swedish, latin, alternatives=0, **options), repeats)
    ordered = (sorted(swedish, key=lambda c: c.id), sorted(latin, key=lambda c: c.id))
    _wall, matrix = timings(lambda: score_matrix(*ordered, Weights()), repeats)
    return {
        "scenario": scenario.name,
        "size": f"{scenario.n_swedish:,} × {scenario.n_latin:,}",
        "balance": scenario.balance,
        "repeats": repeats,
        "best": min(wall),
        "median": statistics.median(wall),
        "cpu": min(cpu),
        "no_alternatives": min(bare),
        "score_matrix": min(matrix),
        "peak_mib": peak_memory(full) / 2**20,
        "pairs": len(result.pairs),
        "per_country": dict(result.pairs_per_country),
        "total_score": result.total_score,
    }


def machine() -> str:
    return (
        f"Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"{platform.machine()}, {len(os.sched_getaffinity(0))} CPUs"
    )


def table(rows: list[dict]) -> str:
    lines = [
        "| scenario | size | match() wall, best | median | CPU, best | CPU without alternatives "
        "| CPU of the score matrix | peak memory | pairs (per country) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        countries = ", ".join(f"{code} {n}" for code, n in row["per_country"].items())
        lines.append(
            f"| {row['scenario']} | {row['size']} | {row['best']:.3f} s | {row['median']:.3f} s "
            f"| {row['cpu']:.3f} s | {row['no_alternatives']:.3f} s | {row['score_matrix']:.3f} s "
            f"| {row['peak_mib']:.0f} MiB | {row['pairs']} ({countries}) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the stress scenarios")
    parser.add_argument("--scenario", action="append", help="run only these (repeatable)")
    parser.add_argument("--repeats", type=int, help="timed runs per scenario")
    args = parser.parse_args(argv)
    chosen = [
        s
        for s in SCENARIOS
        if (args.scenario is None or s.name in args.scenario) and not (args.quick and s.stress)
    ]
    print(machine(), file=sys.stderr)
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), file=sys.stderr)
    rows = []
    for scenario in chosen:
        print(f"running {scenario.name} …", file=sys.stderr, flush=True)
        rows.append(measure(scenario, args.repeats))
    print(table(rows))
    print("\nload average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak resident memory: {max_rss:.0f} MiB")


if __name__ == "__main__":
    main()
