"""Synthetic workshops for bench.generate: held ones in the past (attended, no-shows,
cancellations), open ones in the future (places up to the capacity, then a waiting list),
each with two agenda sessions, and registrations of the call's partnerships' people."""

from __future__ import annotations

import datetime

from puentes.networks.models import Call
from puentes.partnerships.models import Partnership
from puentes.places.models import Country
from puentes.workshops.models import AgendaSession, Registration, Workshop

from .gen_recruitment import NAME_PREFIX, World, bulk

PLACES = [  # (city, country code, time zone); None: online
    ("Göteborg", "SE", "Europe/Stockholm"),
    ("Ciudad de Guatemala", "GT", "America/Guatemala"),
    ("Bogotá", "CO", "America/Bogota"),
    None,
]


def workshops(world: World, call: Call, count: int) -> list[Workshop]:
    rng, now = world.rng, world.now
    countries = {c.code: c for c in Country.objects.filter(code__in=["SE", "GT", "CO"])}
    rows = []
    for n in range(count):
        place = PLACES[n % len(PLACES)]
        # Closed calls' workshops were held; the open call's are coming.
        days = rng.randint(10, 200) * (1 if call.close_date >= world.today else -1)
        start = now + datetime.timedelta(days=days)
        rows.append(
            Workshop(
                call=call,
                slug=f"bench-workshop-{n + 1}",
                titles={
                    "sv": f"{NAME_PREFIX}workshop {n + 1}",
                    "es": f"{NAME_PREFIX}taller {n + 1}",
                    "en": f"{NAME_PREFIX}workshop {n + 1}",
                },
                descriptions={"en": "A generated workshop.", "es": "Un taller generado."},
                is_online=place is None,
                city=place[0] if place else "",
                country=countries[place[1]] if place else None,
                time_zone=place[2] if place else "Europe/Stockholm",
                start_at=start,
                end_at=start + datetime.timedelta(days=2),
                capacity=rng.randint(60, 140),
                registration_opens_at=start - datetime.timedelta(days=240),
                registration_closes_at=start - datetime.timedelta(days=3),
                state="held" if days < 0 else "open",
                is_demo=True,
            )
        )
    created = bulk(Workshop, rows)
    bulk(
        AgendaSession,
        [
            AgendaSession(
                workshop=w,
                titles={"en": f"Session {s}", "es": f"Sesión {s}"},
                start_at=w.start_at + datetime.timedelta(hours=3 * s),
                end_at=w.start_at + datetime.timedelta(hours=3 * s + 2),
            )
            for w in created
            for s in (1, 2)
        ],
    )
    return created


def registrations(world: World, created: list[Workshop], partnerships: list[Partnership], total):
    """`total` registrations spread evenly over `created`, each of a distinct person of one of
    the call's partnerships (at most as many as there are)."""
    rng, now = world.rng, world.now
    # A person whose organisation is in partnerships of several calls takes part for one.
    by_person = {}
    for p in partnerships:
        for org_id in (p.swedish_organisation_id, p.latin_organisation_id):
            for person in world.people[org_id]:
                by_person.setdefault(person.pk, (person, p, org_id))
    candidates = list(by_person.values())
    rows = []
    for i, workshop in enumerate(created):
        wanted = total // len(created) + (1 if i < total % len(created) else 0)
        held = workshop.state == "held"
        places = 0
        chosen = rng.sample(candidates, min(wanted, len(candidates)))
        for k, (person, p, org_id) in enumerate(chosen):
            roll = rng.random()
            if roll < 0.05:
                status = "cancelled"
            elif places >= workshop.capacity:
                status = "cancelled" if held else "waitlisted"
            else:
                places += 1
                status = ("attended" if roll < 0.9 else "no_show") if held else "registered"
            rows.append(
                Registration(
                    workshop=workshop,
                    person=person,
                    partnership=p,
                    organisation_id=org_id,
                    status=status,
                    registered_at=workshop.registration_opens_at + datetime.timedelta(minutes=k),
                    status_changed_at=min(now, workshop.end_at),
                    interpretation_language=rng.choice(["", "sv", "es", "en"]),
                    is_demo=True,
                )
            )
    return bulk(Registration, rows)
