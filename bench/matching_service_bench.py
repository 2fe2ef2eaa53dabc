"""Matching from the database at the stress size: the matching board's own code path, from
loading a call's candidates out of PostgreSQL to the proposal, and the board page rendered
once (docs/benchmarks.md, "Matching from the database at the stress size").

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/puentes_budgets \\
        .venv/bin/python -m bench.matching_service_bench
    .venv/bin/python -m bench.matching_service_bench --swedish 300 --latin 1500 --repeats 5

The database must be migrated and hold the reference data (`puentes load_reference_data`).
The first run writes one open call with `--swedish` accepted expressions of interest and
`--latin` published seeking profiles (3,000 × 15,000 by default, the engine benchmark's
stress scenario). A call never holds more than one active interest or profile per
organisation and the reference lists have a few hundred Swedish organisations, so the
candidates' organisations are generated too, in the reference areas of their countries.
Every row is marked like bench.generate's ("bench-" slugs, "Bench: " names, is_demo,
addresses at bench.puentes.test); later runs with the same sizes reuse them.

Timed, several runs after a warm-up: `selectors.matching_board(call)` (what the board view
calls: candidates from the database, the engine's input, `engine.match()` with three
alternatives), and its parts: `selectors.call_candidates(call)` (the queries and model
instances) and the conversion to the engine's candidates. Then one run under tracemalloc for
the peak of Python's allocations, and the board page rendered once in-process as the call's
coordinator: its queries, HTML size and time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import resource
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
# Timed as in production: without DEBUG's log of every query and its template debugging.
os.environ.setdefault("DEBUG", "0")
django.setup()

from allauth.mfa.totp.internal.auth import TOTP  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from puentes.matching import selectors  # noqa: E402
from puentes.networks.models import Call, Network, Theme  # noqa: E402
from puentes.people.models import Membership, NetworkRole, Person, User  # noqa: E402
from puentes.places.models import Area, Organisation  # noqa: E402
from puentes.recruitment.models import Interest, InterestContact, SeekingProfile  # noqa: E402
from puentes.recruitment.search import search_text_for  # noqa: E402

from .gen_recruitment import BENCH_EMAIL_DOMAIN, BENCH_TOTP_SECRET, NAME_PREFIX, THEMES, bulk  # noqa: E402
from .matching_bench import machine, peak_memory, timings  # noqa: E402

NETWORK_SLUG = "bench-matching"
COORDINATOR = f"matching-coordinator@{BENCH_EMAIL_DOMAIN}"


def _call_slug(n_swedish: int, n_latin: int) -> str:
    return f"bench-matching-{n_swedish}x{n_latin}"


def _organisations(rng, country_code: str, count: int, tag: str) -> list[Organisation]:
    areas = list(Area.objects.filter(country__code=country_code).order_by("pk"))
    # Official codes are at most 10 characters; "B" and a number no official list uses.
    start = Organisation.objects.filter(country_id=areas[0].country_id, code__startswith="B")
    start = start.count()
    rows = [
        Organisation(
            country_id=areas[0].country_id,
            area=areas[i % len(areas)],
            kind="region" if country_code == "SE" and rng.random() < 0.15 else "municipality",
            code=f"B{start + i:08d}",
            name=f"{NAME_PREFIX}{country_code} {tag} {i}",
        )
        for i in range(count)
    ]
    return bulk(Organisation, rows)


def _contacts(rng, organisations: list, swedish: bool, tag: str) -> list[Person]:
    """One contact person per organisation, with the languages the engine counts."""
    rows = []
    for i in range(len(organisations)):
        languages = ["sv", "en"] if swedish else ["es"]
        if swedish and rng.random() < 0.4 or not swedish and rng.random() < 0.05:
            languages.append("es" if swedish else "sv")
        if not swedish and rng.random() < 0.5:
            languages.append("en")
        rows.append(
            Person(
                name=f"{NAME_PREFIX}contact {tag} {i}",
                email=f"matching-{tag}-{i}@{BENCH_EMAIL_DOMAIN}",
                languages=languages,
                preferred_language=languages[0],
                is_demo=True,
            )
        )
    people = bulk(Person, rows)
    bulk(
        Membership,
        [Membership(person=p, organisation=o) for p, o in zip(people, organisations, strict=True)],
    )
    return people


def generate(n_swedish: int, n_latin: int, seed: int = 2024) -> Call:
    """One open call with its accepted interests and published profiles (see the module)."""
    rng = random.Random(f"{seed}-{n_swedish}-{n_latin}")
    now, today = timezone.now(), timezone.localdate()
    tag = f"{n_swedish}x{n_latin}"[:3]
    with transaction.atomic():
        network, created = Network.objects.get_or_create(
            slug=NETWORK_SLUG,
            defaults={
                "names": {"en": f"{NAME_PREFIX}matching", "es": f"{NAME_PREFIX}emparejamiento"},
                "start_date": datetime.date(today.year - 1, 1, 1),
                "end_date": datetime.date(today.year + 2, 12, 31),
                "contact_email": f"matching@{BENCH_EMAIL_DOMAIN}",
                "is_demo": True,
            },
        )
        if created:
            for position, (slug, en, es) in enumerate(THEMES):
                Theme.objects.create(
                    network=network, slug=slug, names={"en": en, "es": es}, position=position
                )
        themes = list(network.themes.values_list("pk", flat=True))
        call = Call.objects.create(
            network=network,
            slug=_call_slug(n_swedish, n_latin),
            titles={"en": f"{NAME_PREFIX}matching {n_swedish} × {n_latin}"},
            open_date=today - datetime.timedelta(days=30),
            close_date=today + datetime.timedelta(days=30),
            rule_year=today.year + 1,
            is_demo=True,
        )
        swedish = _organisations(rng, "SE", n_swedish, f"S{tag}")
        latin = _organisations(rng, "GT", n_latin // 2, f"G{tag}")
        latin += _organisations(rng, "CO", n_latin - n_latin // 2, f"C{tag}")
        swedish_people = _contacts(rng, swedish, True, f"s{tag}")
        latin_people = _contacts(rng, latin, False, f"l{tag}")
        profiles = []
        for i, (organisation, person) in enumerate(zip(latin, latin_people, strict=True)):
            profile = SeekingProfile(
                call=call,
                organisation=organisation,
                status="approved",
                challenges={"es": f"Desafío de igualdad de género número {i}."},
                challenge_language="es",
                contact=person,
                decided_at=now,
                is_demo=True,
            )
            profile.search_text = search_text_for(profile)
            profiles.append(profile)
        profiles = bulk(SeekingProfile, profiles)
        bulk(
            SeekingProfile.themes.through,
            [
                SeekingProfile.themes.through(seekingprofile_id=p.pk, theme_id=t)
                for p in profiles
                for t in rng.sample(themes, rng.randint(1, 3))
            ],
        )
        interests = bulk(
            Interest,
            [
                Interest(
                    call=call,
                    organisation=organisation,
                    status="accepted",
                    motivation=f"{NAME_PREFIX}jämställdhet ({i}).",
                    motivation_language="sv",
                    preferred_country=rng.choice(["", "", "GT", "CO"]),
                    workshop_commitment=True,
                    submitted_at=now,
                    is_demo=True,
                )
                for i, organisation in enumerate(swedish)
            ],
        )
        bulk(
            Interest.themes.through,
            [
                Interest.themes.through(interest_id=i.pk, theme_id=t)
                for i in interests
                for t in rng.sample(themes, rng.randint(1, 4))
            ],
        )
        bulk(
            InterestContact,
            [
                InterestContact(interest=i, person=p, position=0)
                for i, p in zip(interests, swedish_people, strict=True)
            ],
        )
        # Half the interests name one to three profiles they would like as partners.
        bulk(
            Interest.preferred_profiles.through,
            [
                Interest.preferred_profiles.through(interest_id=i.pk, seekingprofile_id=p.pk)
                for i in interests
                if rng.random() < 0.5
                for p in rng.sample(profiles, rng.randint(1, 3))
            ],
        )
    return call


def coordinator(network) -> User:
    user = User.objects.filter(email=COORDINATOR).first()
    if user is None:
        user = User.objects.create(email=COORDINATOR)
        person = Person.objects.create(
            user=user, name=f"{NAME_PREFIX}matching coordinator", email=COORDINATOR, is_demo=True
        )
        NetworkRole.objects.create(person=person, network=network, role="coordinator")
        TOTP.activate(user, BENCH_TOTP_SECRET)
    return user


def render_board(call) -> dict:
    client = Client(HTTP_HOST="localhost")
    client.force_login(coordinator(call.network))
    with translation.override("en"):
        path = reverse(
            "matching:board",
            kwargs={"network_slug": call.network.slug, "call_slug": call.slug},
        )
    start, start_cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "html_bytes": len(response.content),
        "wall": time.perf_counter() - start,
        "cpu": time.process_time() - start_cpu,
    }


def to_engine(candidates):
    swedish = [
        selectors.swedish_candidate(interest, candidates.preferred.get(pk, []))
        for pk, interest in candidates.interests.items()
    ]
    return swedish, [selectors.latin_candidate(p) for p in candidates.profiles.values()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swedish", type=int, default=3_000)
    parser.add_argument("--latin", type=int, default=15_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{machine()}, {connection.vendor}", file=sys.stderr)
    call = Call.objects.filter(slug=_call_slug(args.swedish, args.latin)).first()
    if call is None:
        start = time.perf_counter()
        call = generate(args.swedish, args.latin)
        print(f"generated in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    call = Call.objects.select_related("network").get(pk=call.pk)
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))

    board = selectors.matching_board(call)  # warm-up, and the answer to report
    wall, cpu = timings(lambda: selectors.matching_board(call), args.repeats, warm_up=False)
    load_wall, load_cpu = timings(lambda: selectors.call_candidates(call), args.repeats)
    candidates = selectors.call_candidates(call)
    _wall, convert_cpu = timings(lambda: to_engine(candidates), args.repeats)
    with CaptureQueriesContext(connection) as queries:
        selectors.matching_board(call)
    peak = peak_memory(lambda: selectors.matching_board(call))
    page = render_board(call)

    size = f"{len(board.candidates.interests):,} × {len(board.candidates.profiles):,}"
    print(f"\ncandidates: {size}, pairs proposed: {len(board.result.pairs)}")
    print(f"matching_board(): wall best {min(wall):.2f} s, median {statistics.median(wall):.2f} s")
    print(f"  CPU best {min(cpu):.2f} s, queries {len(queries)}")
    print(
        f"  of which call_candidates(): wall best {min(load_wall):.2f} s, CPU {min(load_cpu):.2f} s"
    )
    print(f"  of which engine input: CPU {min(convert_cpu):.2f} s")
    print(f"  peak of Python allocations (tracemalloc): {peak / 2**20:.0f} MiB")
    print(
        f"board page: {page['status']}, {page['queries']} queries, "
        f"{page['html_bytes'] / 2**20:.1f} MiB of HTML, wall {page['wall']:.2f} s, "
        f"CPU {page['cpu']:.2f} s"
    )
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak resident memory: {max_rss:.0f} MiB")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
