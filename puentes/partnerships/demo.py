"""The demo's partnerships: the 2024 call's two matched pairs, Lessebo–Totonicapán and
Borås–Popayán, three years into their work, and the call's yearly reporting periods.

The recruitment demo has already moved their profiles and interests to matched, so the rows
are written here as they would stand after partnership_create, not through it; the members
with a demo account have joined long since, the others stay invited. Loading is idempotent:
a pair that exists is left as it is, whatever people changed in it.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from puentes.networks.models import Call, ReportingPeriod
from puentes.people.models import Person, User
from puentes.recruitment.demo import DEMO_EMAIL_DOMAIN, NETWORK_SLUG, PAST_CALL_SLUG
from puentes.recruitment.models import Interest, SeekingProfile

from .models import Partnership
from .services import add_members, shared_themes

CONFIRMED_AT = datetime.datetime(2023, 12, 14, 9, 0, tzinfo=datetime.UTC)
JOINED_AT = datetime.datetime(2023, 12, 15, 9, 0, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class DemoPair:
    swedish: tuple[str, str]  # (country code, official code)
    latin: tuple[str, str]
    areas: dict


PAIRS = (
    DemoPair(
        ("SE", "0761"),
        ("GT", "0801"),
        {
            "sv": "Kvinnors politiska deltagande i byråden och kommunfullmäktige",
            "es": "Participación política de las mujeres en los COCODE y el Concejo Municipal",
            "en": "Women's political participation in community councils and the council",
        },
    ),
    DemoPair(
        ("SE", "1490"),
        ("CO", "19001"),
        {
            "sv": "Kvinnor som fredsbyggare och skydd mot hot och våld",
            "es": "Mujeres constructoras de paz y protección frente a amenazas y violencia",
            "en": "Women as peacebuilders, and protection from threats and violence",
        },
    ),
)


def partnerships_demo_load(*, now: datetime.datetime) -> Counter:
    """Create whichever of the demo partnerships is missing; return how many were made.

    Runs inside `demo_load`'s transaction. A rerun that finds everything costs three queries.
    """
    created = Counter()
    call = Call.objects.filter(network__slug=NETWORK_SLUG, slug=PAST_CALL_SLUG).first()
    if call is None:
        return created
    created["reporting periods"] += _ensure_periods(call)
    have = set(
        Partnership.objects.filter(call=call).values_list(
            "swedish_organisation__code", "latin_organisation__code"
        )
    )
    missing = [pair for pair in PAIRS if (pair.swedish[1], pair.latin[1]) not in have]
    for pair in missing:
        created["partnerships"] += _create(call, pair, now)
    return created


# The 2024 call's partnerships report on each calendar year of the network, by the end of
# the following January.
PERIOD_YEARS = (2024, 2025, 2026)


def _ensure_periods(call) -> int:
    have = set(call.reporting_periods.values_list("start_date__year", flat=True))
    missing = [
        ReportingPeriod(
            call=call,
            start_date=datetime.date(year, 1, 1),
            end_date=datetime.date(year, 12, 31),
            due_date=datetime.date(year + 1, 1, 31),
        )
        for year in PERIOD_YEARS
        if year not in have
    ]
    ReportingPeriod.objects.bulk_create(missing)
    return len(missing)


def _create(call, pair: DemoPair, now) -> int:
    interest = Interest.objects.filter(
        call=call,
        organisation__country__code=pair.swedish[0],
        organisation__code=pair.swedish[1],
        status=Interest.Status.MATCHED,
    ).first()
    profile = SeekingProfile.objects.filter(
        call=call,
        organisation__country__code=pair.latin[0],
        organisation__code=pair.latin[1],
        status=SeekingProfile.Status.MATCHED,
    ).first()
    if interest is None or profile is None:
        return 0
    partnership = Partnership.objects.create(
        call=call,
        swedish_organisation_id=interest.organisation_id,
        latin_organisation_id=profile.organisation_id,
        interest=interest,
        seeking_profile=profile,
        phase=Partnership.Phase.PROJECT,
        areas_of_cooperation=dict(pair.areas),
        challenge_statements={code: text for code, text in profile.challenges.items() if text},
        challenge_language=profile.challenge_language,
        mentor=Person.objects.filter(email=f"mentor@{DEMO_EMAIL_DOMAIN}").first(),
        confirmed_by=User.objects.filter(email=f"coordinator@{DEMO_EMAIL_DOMAIN}").first(),
        confirmed_at=CONFIRMED_AT,
        is_demo=True,
    )
    partnership.themes.set(shared_themes(interest, profile))
    add_members(partnership, interest, profile, CONFIRMED_AT)
    partnership.members.filter(person__user__isnull=False).update(joined_at=JOINED_AT)
    return 1
