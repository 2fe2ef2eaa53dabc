"""Reproducible synthetic data at three sizes, for query budgets and the load test
(docs/benchmarks.md).

    DATABASE_URL=postgres://... .venv/bin/python -m bench.generate --size programme
    .venv/bin/python -m bench.generate --size network              # SQLite in var/
    .venv/bin/python -m bench.generate --size programme --scale 0.1

Sizes: `network` (one network: a closed call with 12 partnerships, an open one);
`programme` (every reference organisation, 2,000 partnerships, 20,000 people, 500
workshops, 50,000 registrations, in 4 networks of 2 closed calls and an open one);
`stress` (ten times the programme, in 8 networks of 10 closed calls and an open one).
The reference data must be loaded first (`puentes load_reference_data`). The same seed and
day give the same rows. Generated rows are marked: is_demo, slugs starting with "bench-",
names starting with "Bench: ", addresses at bench.puentes.test; nothing else is touched.
Run it on a database without bench data (it refuses otherwise).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from puentes.networks.models import Network  # noqa: E402
from puentes.places.models import Organisation  # noqa: E402

from . import gen_partnerships, gen_recruitment, gen_workshops  # noqa: E402
from .gen_recruitment import SLUG_PREFIX, World  # noqa: E402

COUNTED = [
    "networks.Network",
    "networks.Theme",
    "networks.Call",
    "networks.ReportingPeriod",
    "people.Person",
    "people.Membership",
    "recruitment.Interest",
    "recruitment.InterestContact",
    "recruitment.SeekingProfile",
    "partnerships.Partnership",
    "partnerships.PartnershipMember",
    "plans.Plan",
    "plans.Outcome",
    "plans.Output",
    "plans.Activity",
    "plans.Indicator",
    "plans.IndicatorValue",
    "plans.Assumption",
    "reports.ProgressReport",
    "reports.ReportSignOff",
    "workshops.Workshop",
    "workshops.AgendaSession",
    "workshops.Registration",
]


@dataclass(frozen=True)
class Size:
    name: str
    networks: int
    calls_per_network: int
    partnerships: int
    people: int
    workshops: int
    registrations: int

    def scaled(self, factor: float) -> Size:
        """The same networks and calls with `factor` times the rows in them."""
        if factor == 1:
            return self
        return replace(
            self,
            name=f"{self.name}×{factor:g}",
            partnerships=max(1, round(self.partnerships * factor)),
            people=max(1, round(self.people * factor)),
            workshops=max(1, round(self.workshops * factor)),
            registrations=round(self.registrations * factor),
        )


SIZES = {
    "network": Size("network", 1, 2, 12, 240, 6, 240),
    "programme": Size("programme", 4, 3, 2_000, 20_000, 500, 50_000),
    "stress": Size("stress", 8, 11, 20_000, 200_000, 5_000, 500_000),
}


class BenchDataPresent(Exception):
    """The database already holds generated data; generate on a fresh one."""


def _spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _window(items: list, start: int, count: int) -> list:
    return [items[(start + i) % len(items)] for i in range(count)]


class Timer:
    def __init__(self):
        self.seconds: Counter = Counter()

    @contextmanager
    def __call__(self, stage: str):
        start = time.perf_counter()
        yield
        self.seconds[stage] += time.perf_counter() - start


def counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


def _organisations(world: World, plan: list, open_call: int) -> list[tuple[list, list]]:
    """(Swedish, Latin American) organisations of each call: the next window of the
    shuffled lists, so that the big sizes use every organisation."""
    chosen, se_at, la_at = [], 0, 0
    for _call, matched in plan:
        if matched:
            n_se, n_la = matched + max(4, matched // 4), matched + max(6, matched // 2)
        else:  # an open call: interests in review and a catalogue of seeking profiles
            n_se, n_la = open_call, 2 * open_call
        n_se, n_la = min(len(world.swedish), n_se), min(len(world.latin), n_la)
        se, la = _window(world.swedish, se_at, n_se), _window(world.latin, la_at, n_la)
        chosen.append((world.rng.sample(se, len(se)), world.rng.sample(la, len(la))))
        se_at, la_at = se_at + n_se, la_at + n_la
    return chosen


def _call_rows(world: World, timer: Timer, call, matched: int, se: list, la: list) -> list:
    """A call's interests and seeking profiles, and its `matched` partnerships with their
    plans and reports; returns the partnerships."""
    with timer("interests, seeking profiles"):
        interests = gen_recruitment.interests(world, call, se, matched)
        profiles = gen_recruitment.seeking_profiles(world, call, la, matched)
    if not matched:
        return []
    with timer("partnerships, members"):
        pairs = list(zip(interests[:matched], profiles[:matched], strict=True))
        partnerships = gen_partnerships.partnerships(world, call, pairs)
    with timer("plans, indicators, values"):
        gen_partnerships.plans(world, call, partnerships)
    with timer("progress reports"):
        gen_partnerships.reports(world, call, partnerships)
    return partnerships


def generate(size: Size, *, seed: int = 2026, today: datetime.date | None = None) -> Timer:
    """Write `size`'s rows in one transaction; return the time each stage took."""
    if Network.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        raise BenchDataPresent("bench data is already in this database")
    today = today or timezone.localdate()
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    rng = random.Random(f"{seed}-{size}")
    organisations = Organisation.objects.joinable().select_related("area", "country")
    swedish = list(organisations.filter(country__code="SE").order_by("code"))
    latin = list(organisations.filter(country__code__in=["GT", "CO"]).order_by("country", "code"))
    if not swedish or not latin:
        raise SystemExit("No reference data: run `puentes load_reference_data` first.")
    rng.shuffle(swedish)
    rng.shuffle(latin)
    closed_calls = size.networks * (size.calls_per_network - 1)
    per_call = _spread(size.partnerships, closed_calls)
    if max(per_call) > len(swedish):
        raise SystemExit(f"{max(per_call)} partnerships in a call, {len(swedish)} Swedish orgs")
    world = World(rng=rng, now=now, today=today, swedish=swedish, latin=latin)
    timer = Timer()
    with transaction.atomic():
        with timer("networks, calls"):
            gen_recruitment.networks_and_calls(world, size.networks, size.calls_per_network)
        # Partnerships in every closed call; the open call (each network's last) has only
        # interests, a catalogue of seeking profiles and coming workshops.
        matched = iter(per_call)
        plan = [(call, 0 if call.close_date >= today else next(matched)) for call in world.calls]
        chosen = _organisations(world, plan, open_call=max(4, max(per_call) // 4))
        used = {o.pk: o for se, la in chosen for o in se + la}
        with timer("people"):
            gen_recruitment.people(world, list(used.values()), size.people)
            gen_recruitment.accounts(world)
        workshops_per_call = _spread(size.workshops, len(plan))
        of_network: dict[int, list] = {}
        for (call, n_matched), (se, la), n_workshops in zip(
            plan, chosen, workshops_per_call, strict=True
        ):
            partnerships = _call_rows(world, timer, call, n_matched, se, la)
            of_network.setdefault(call.network_id, []).extend(partnerships)
            if n_workshops and of_network[call.network_id]:
                # The open call's coming workshops are for the partnerships the network has.
                n_registrations = round(size.registrations * n_workshops / size.workshops)
                with timer("workshops, registrations"):
                    workshops = gen_workshops.workshops(world, call, n_workshops)
                    gen_workshops.registrations(
                        world,
                        workshops,
                        partnerships or of_network[call.network_id],
                        n_registrations,
                    )
    return timer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="network")
    parser.add_argument("--scale", type=float, default=1.0, help="rows × this, same shape")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--today", type=datetime.date.fromisoformat, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    size = SIZES[args.size].scaled(args.scale)
    print(f"{size} on {connection.vendor} ({connection.settings_dict['NAME']})", file=sys.stderr)
    before = counts()
    start = time.perf_counter()
    try:
        timer = generate(size, seed=args.seed, today=args.today)
    except BenchDataPresent as exc:
        raise SystemExit(f"{exc}: generate on a fresh database.") from exc
    total = time.perf_counter() - start
    after = counts()
    print(f"\n{'stage':<30} {'seconds':>8}")
    for stage, seconds in timer.seconds.items():
        print(f"{stage:<30} {seconds:>8.1f}")
    print(f"{'total':<30} {total:>8.1f}\n\n{'table':<30} {'rows':>8}")
    for label in COUNTED:
        print(f"{label:<30} {after[label] - before[label]:>8,}")
    print(f"{'all':<30} {sum(after.values()) - sum(before.values()):>8,}")


if __name__ == "__main__":
    main()
