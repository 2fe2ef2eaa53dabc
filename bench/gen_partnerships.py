"""Synthetic partnerships for bench.generate: members of both sides, plans with outcomes,
outputs, activities, indicators and their values per ended reporting period, and progress
reports (submitted and signed off for ended periods, a draft for the current one)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from puentes.networks.models import Call
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.plans.models import (
    Activity,
    Assumption,
    Indicator,
    IndicatorValue,
    Outcome,
    Output,
    Plan,
)
from puentes.reports.models import ProgressReport, ReportSignOff

from .gen_recruitment import NAME_PREFIX, World, bulk, link


def partnerships(world: World, call: Call, pairs: list) -> list[Partnership]:
    rng, now, today = world.rng, world.now, world.today
    phase = "forming" if call.close_date >= today else None
    rows = [
        Partnership(
            call=call,
            swedish_organisation_id=interest.organisation_id,
            latin_organisation_id=profile.organisation_id,
            interest=interest,
            seeking_profile=profile,
            phase=phase or rng.choice(["inception", "project", "project", "concluded"]),
            areas_of_cooperation={
                "sv": f"{NAME_PREFIX}samarbete om jämställdhet {i}",
                "es": f"{NAME_PREFIX}cooperación en igualdad {i}",
                "en": f"{NAME_PREFIX}cooperation on gender equality {i}",
            },
            challenge_statements={"es": "Desafío compartido generado.", "sv": "Gemensam."},
            challenge_language="es",
            match_score=round(rng.uniform(0.4, 0.95), 3),
            confirmed_at=now,
            is_demo=True,
        )
        for i, (interest, profile) in enumerate(pairs)
    ]
    created = bulk(Partnership, rows)
    themes = world.themes[call.network_id]
    link(
        Partnership.themes.through,
        [
            Partnership.themes.through(partnership_id=p.pk, theme_id=theme)
            for p in created
            for theme in rng.sample(themes, rng.randint(1, 2))
        ],
    )
    members = []
    for p in created:
        for side, org_id in (
            ("swedish", p.swedish_organisation_id),
            ("latin", p.latin_organisation_id),
        ):
            for person in world.people[org_id][:2]:
                members.append(
                    PartnershipMember(
                        partnership=p, person=person, side=side, invited_at=now, joined_at=now
                    )
                )
    bulk(PartnershipMember, members)
    return created


def _item(cls, parent: dict, n: int, **extra):
    return cls(
        texts={"sv": f"{NAME_PREFIX}{cls.__name__} {n}", "es": f"{cls.__name__} {n}"},
        language="sv",
        position=n,
        **parent,
        **extra,
    )


def _figures(rng, counts_people: bool, prefix: str, split: str = "") -> dict:
    """A figure, and its split by sex (women, men, other) when it counts people: the fields
    are `<split><part>`, e.g. baseline_women, or women for a value."""
    if not counts_people:
        return {prefix: Decimal(rng.randint(0, 100))}
    women, men, other = rng.randint(0, 40), rng.randint(0, 40), rng.randint(0, 3)
    return {
        prefix: Decimal(women + men + other),
        f"{split}women": women,
        f"{split}men": men,
        f"{split}other": other,
    }


def plans(world: World, call: Call, created: list[Partnership]) -> None:
    """A plan per partnership: 2 outcomes × 2 outputs × 2 activities, an indicator per
    outcome and per output with a value for every ended period, 2 assumptions."""
    rng, today = world.rng, world.today
    plans = bulk(
        Plan,
        [Plan(partnership=p, goals={"sv": "Mål", "es": "Objetivo"}, version=1) for p in created],
    )
    outcomes = bulk(Outcome, [_item(Outcome, {"plan": p}, n) for p in plans for n in (1, 2)])
    outputs = bulk(Output, [_item(Output, {"outcome": o}, n) for o in outcomes for n in (1, 2)])
    start = call.close_date
    bulk(
        Activity,
        [
            _item(
                Activity,
                {"output": o},
                n,
                start_date=start + datetime.timedelta(days=30 * n),
                end_date=start + datetime.timedelta(days=30 * n + 60),
                responsible=rng.choice(["swedish", "latin", "both"]),
            )
            for o in outputs
            for n in (1, 2)
        ],
    )
    indicators = []
    for parent in [{"outcome": o} for o in outcomes] + [{"output": o} for o in outputs]:
        counts = rng.random() < 0.5
        indicators.append(
            _item(
                Indicator,
                parent,
                1,
                counts_people=counts,
                units={"sv": "personer" if counts else "st", "es": "personas" if counts else "u"},
                **_figures(rng, counts, "baseline", "baseline_"),
                **_figures(rng, counts, "target", "target_"),
            )
        )
    indicators = bulk(Indicator, indicators)
    ended = [period for period in world.periods[call.pk] if period.end_date < today]
    values = []
    for indicator in indicators:
        for period in ended:
            figures = _figures(rng, indicator.counts_people, "value")
            values.append(IndicatorValue(indicator=indicator, period=period, **figures))
    bulk(IndicatorValue, values)
    bulk(Assumption, [_item(Assumption, {"plan": p}, n) for p in plans for n in (1, 2)])


def reports(world: World, call: Call, created: list[Partnership]) -> None:
    """Submitted, signed-off reports for the ended periods; a draft for the current one."""
    now, today = world.now, world.today
    rows = []
    for p in created:
        for period in world.periods[call.pk]:
            if period.start_date > today:
                continue
            ended = period.end_date < today
            text = {"sv": f"{NAME_PREFIX}gjort", "es": "hecho"}
            rows.append(
                ProgressReport(
                    partnership=p,
                    period=period,
                    activities=text,
                    results=text,
                    lessons=text,
                    next_steps=text,
                    authors={"activities": {"sv": "swedish", "es": "latin"}},
                    status="submitted" if ended else "draft",
                    version=2,
                    text_saved_at=now,
                    submitted_at=now if ended else None,
                )
            )
    created_reports = bulk(ProgressReport, rows)
    bulk(
        ReportSignOff,
        [
            ReportSignOff(report=report, side=side, signed_at=now, version=2)
            for report in created_reports
            if report.status == "submitted"
            for side in ("swedish", "latin")
        ],
    )
