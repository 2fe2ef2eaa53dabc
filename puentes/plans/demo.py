"""The demo plan of Lessebo–Totonicapán (2024 call): women's political participation in the
community councils (COCODE) of Totonicapán and in both municipal councils, in Swedish and
Spanish, with figures for 2024 and 2025.

The rows are written as they would stand after the services. Loading is idempotent: a
partnership that already has a plan is left as it is, whatever people changed in it.
"""

import datetime
from collections import Counter
from decimal import Decimal

from django.db import transaction

from puentes.partnerships.models import Partnership
from puentes.recruitment.demo import NETWORK_SLUG, PAST_CALL_SLUG

from .models import Activity, Assumption, Indicator, IndicatorValue, Outcome, Output, Plan

SWEDISH_CODE, LATIN_CODE = "0761", "0801"  # Lessebo, Totonicapán
BOTH, SWEDISH, LATIN = (
    Activity.Responsible.BOTH,
    Activity.Responsible.SWEDISH,
    Activity.Responsible.LATIN,
)

GOAL = {
    "es": "Más mujeres participan e inciden en las decisiones locales de Totonicapán y Lessebo: "
    "en los Consejos Comunitarios de Desarrollo (COCODE), en el Concejo Municipal y en las "
    "comisiones municipales.",
    "sv": "Fler kvinnor deltar i och påverkar de lokala besluten i Totonicapán och Lessebo: i "
    "byråden (COCODE), i kommunfullmäktige och i kommunens nämnder.",
}


def date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def people(women: int, men: int, other: int) -> dict:
    return {"women": women, "men": men, "other": other}


# Each outcome: (texts, original, indicators, outputs); each output: (texts, original,
# activities, indicators); each activity: (texts, original, start, end, responsible); each
# indicator: (names, original, units, baseline, target, {year: value}), a figure being a
# number or, for people, people(women, men, other).
OUTCOMES = (
    (
        {
            "es": "Más mujeres ocupan cargos directivos en los COCODE de Totonicapán.",
            "sv": "Fler kvinnor har ledande uppdrag i byråden (COCODE) i Totonicapán.",
        },
        "es",
        (
            (
                {
                    "es": "Integrantes de las juntas directivas de los COCODE",
                    "sv": "Ledamöter i byrådens styrelser",
                },
                "es",
                {"es": "personas", "sv": "personer"},
                people(38, 412, 0),
                people(135, 315, 0),
                {2024: people(61, 392, 0), 2025: people(97, 355, 2)},
            ),
        ),
        (
            (
                {
                    "es": "Lideresas de 48 comunidades completaron una escuela de liderazgo en "
                    "k'iche' y español.",
                    "sv": "Kvinnliga ledare från 48 byar har gått en ledarskapsskola på k'iche' "
                    "och spanska.",
                },
                "es",
                (
                    (
                        {
                            "es": "Escuela de liderazgo en cuatro módulos para lideresas "
                            "comunitarias",
                            "sv": "Ledarskapsskola i fyra moduler för kvinnliga ledare i byarna",
                        },
                        "es",
                        "2024-04-15",
                        "2024-11-30",
                        LATIN,
                    ),
                    (
                        {
                            "sv": "Förtroendevalda från Lessebo delar erfarenheter av att "
                            "introducera nya politiker (workshop i Totonicapán)",
                            "es": "Concejales de Lessebo comparten su experiencia en la "
                            "inducción de nuevas autoridades (taller en Totonicapán)",
                        },
                        "sv",
                        "2024-09-23",
                        "2024-09-27",
                        BOTH,
                    ),
                ),
                (
                    (
                        {
                            "es": "Participantes que completaron la escuela de liderazgo",
                            "sv": "Deltagare som fullföljt ledarskapsskolan",
                        },
                        "es",
                        {"es": "personas", "sv": "personer"},
                        people(0, 0, 0),
                        people(120, 0, 0),
                        {2024: people(64, 0, 0), 2025: people(117, 0, 1)},
                    ),
                ),
            ),
            (
                {
                    "es": "Los reglamentos y las reuniones de los COCODE facilitan la "
                    "participación de las mujeres.",
                    "sv": "Byrådens stadgar och möten gör det lättare för kvinnor att delta.",
                },
                "es",
                (
                    (
                        {
                            "es": "Revisión de horarios de reunión, cuidado infantil y "
                            "convocatorias en 20 COCODE",
                            "sv": "Översyn av mötestider, barnomsorg och kallelser i 20 byråd",
                        },
                        "es",
                        "2025-02-01",
                        "2025-10-31",
                        LATIN,
                    ),
                ),
                (),
            ),
        ),
    ),
    (
        {
            "sv": "Kommunfullmäktige i båda kommunerna tar hänsyn till jämställdhet i sina "
            "beslut om budgeten.",
            "es": "Los concejos municipales de ambos municipios integran la igualdad de género "
            "en sus decisiones sobre el presupuesto.",
        },
        "sv",
        (
            (
                {
                    "sv": "Andel av investeringsbudgeten som jämställdhetsanalyserats",
                    "es": "Porcentaje del presupuesto de inversión con análisis de género",
                },
                "sv",
                {"sv": "procent", "es": "por ciento"},
                0,
                60,
                {2024: 15, 2025: 35},
            ),
        ),
        (
            (
                {
                    "sv": "En gemensam metod för jämställdhetsanalys av kommunens budget.",
                    "es": "Un método común de análisis de género del presupuesto municipal.",
                },
                "sv",
                (
                    (
                        {
                            "sv": "Workshop i Lessebo om jämställdhetsbudgetering",
                            "es": "Taller en Lessebo sobre presupuestos con perspectiva de género",
                        },
                        "sv",
                        "2024-05-20",
                        "2024-05-24",
                        SWEDISH,
                    ),
                    (
                        {
                            "es": "Piloto en el presupuesto municipal 2026 de Totonicapán",
                            "sv": "Pilot i Totonicapáns budget för 2026",
                        },
                        "es",
                        "2025-06-01",
                        "2025-11-30",
                        LATIN,
                    ),
                    (
                        {
                            "sv": "Uppföljning och spridning av metoden till fler nämnder",
                            "es": "Seguimiento y difusión del método a más comisiones",
                        },
                        "sv",
                        "2026-02-01",
                        "2026-10-31",
                        BOTH,
                    ),
                ),
                (),
            ),
        ),
    ),
)
ASSUMPTIONS = (
    (
        {
            "es": "Las autoridades indígenas de los 48 Cantones apoyan que las mujeres ocupen "
            "cargos en los COCODE.",
            "sv": "De traditionella myndigheterna i de 48 kantonerna stöder att kvinnor tar "
            "plats i byråden.",
        },
        "es",
    ),
    (
        {
            "sv": "Ledningen i båda kommunerna står fast vid partnerskapet efter valen.",
            "es": "Las autoridades de ambos municipios mantienen su compromiso con la alianza "
            "después de las elecciones.",
        },
        "sv",
    ),
)


def plans_demo_load(*, now: datetime.datetime) -> Counter:
    """Give the demo partnership Lessebo–Totonicapán its plan unless it has one; return how
    many rows of each kind were made."""
    created = Counter()
    partnership = Partnership.objects.filter(
        call__network__slug=NETWORK_SLUG,
        call__slug=PAST_CALL_SLUG,
        swedish_organisation__code=SWEDISH_CODE,
        latin_organisation__code=LATIN_CODE,
    ).first()
    if partnership is None or Plan.objects.filter(partnership=partnership).exists():
        return created
    periods = {
        period.start_date.year: period for period in partnership.call.reporting_periods.all()
    }
    with transaction.atomic():
        plan = Plan.objects.create(
            partnership=partnership, goals=dict(GOAL), goal_language="es", version=1
        )
        created["plans"] += 1
        for position, (texts, original, indicators, outputs) in enumerate(OUTCOMES, start=1):
            outcome = Outcome.objects.create(
                plan=plan, texts=texts, language=original, position=position
            )
            created["plan items"] += 1
            created += _indicators(indicators, periods, outcome=outcome)
            created += _outputs(outputs, periods, outcome)
        for position, (texts, original) in enumerate(ASSUMPTIONS, start=1):
            Assumption.objects.create(plan=plan, texts=texts, language=original, position=position)
            created["plan items"] += 1
    return created


def _outputs(outputs, periods, outcome) -> Counter:
    created = Counter()
    for position, (texts, original, activities, indicators) in enumerate(outputs, start=1):
        output = Output.objects.create(
            outcome=outcome, texts=texts, language=original, position=position
        )
        for number, (a_texts, a_original, start, end, responsible) in enumerate(activities, 1):
            Activity.objects.create(
                output=output,
                texts=a_texts,
                language=a_original,
                position=number,
                start_date=date(start),
                end_date=date(end),
                responsible=responsible,
            )
        created["plan items"] += 1 + len(activities)
        created += _indicators(indicators, periods, output=output)
    return created


def _figure_fields(figure, prefix: str) -> dict:
    total = prefix or "value"
    part = f"{prefix}_" if prefix else ""
    if isinstance(figure, dict):
        return {
            total: Decimal(sum(figure.values())),
            **{f"{part}{name}": number for name, number in figure.items()},
        }
    return {total: Decimal(figure)}


def _indicators(indicators, periods, **parent) -> Counter:
    created = Counter()
    for position, (names, original, units, baseline, target, values) in enumerate(
        indicators, start=1
    ):
        indicator = Indicator.objects.create(
            **parent,
            texts=names,
            language=original,
            units=units,
            position=position,
            counts_people=isinstance(baseline, dict),
            **_figure_fields(baseline, "baseline"),
            **_figure_fields(target, "target"),
        )
        created["plan items"] += 1
        for year, figure in values.items():
            if year in periods:
                IndicatorValue.objects.create(
                    indicator=indicator, period=periods[year], **_figure_fields(figure, "")
                )
                created["indicator values"] += 1
    return created
