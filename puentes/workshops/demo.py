"""The demo's workshops: the network's three 2024 workshops as held (Bogotá in March,
Guatemala City in June, Gothenburg in September) with their attendance, and the open call's
coming workshops, open for registration.

The attendance leaves Borås–Popayán short of the rule: nobody of theirs took part in Sweden
(Erik Johansson and Carlos Muñoz were registered but absent), while Lessebo–Totonicapán met
it. Loading is idempotent: a workshop is looked up by its call and slug, and its
registrations are written only when the workshop is created, so what people changed stays.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from puentes.networks.models import Call
from puentes.people.models import Person
from puentes.places.models import Country
from puentes.recruitment.demo import DEMO_EMAIL_DOMAIN, NETWORK_SLUG, OPEN_CALL_SLUG, PAST_CALL_SLUG

from .models import AgendaSession, Registration, Workshop
from .selectors import affiliation

Status = Registration.Status
SV_ES = AgendaSession.Interpretation.SV_ES


@dataclass(frozen=True)
class DemoSession:
    day: int  # 0 for the first day
    start: tuple[int, int]
    end: tuple[int, int]
    language: str
    titles: dict


@dataclass(frozen=True)
class DemoWorkshop:
    call_slug: str
    slug: str
    titles: dict
    descriptions: dict
    city: str
    country: str | None  # None: online
    time_zone: str
    start_date: datetime.date
    days: int
    hours: tuple[int, int]  # local start hour on the first day, end hour on the last
    capacity: int
    state: str
    capacity_per_partnership: int | None = None
    sessions: tuple[DemoSession, ...] = ()
    # (e-mail local part, status) of the demo people registered
    registrations: tuple[tuple[str, str], ...] = field(default=())


def _texts(sv, es, en):
    return {"sv": sv, "es": es, "en": en}


OPENING = DemoSession(
    0,
    (9, 0),
    (10, 30),
    "es",
    _texts(
        "Välkomna och presentationer", "Bienvenida y presentaciones", "Welcome and introductions"
    ),
)


def held_2024() -> tuple[DemoWorkshop, ...]:
    return (
        DemoWorkshop(
            PAST_CALL_SLUG,
            "bogota-2024",
            _texts(
                "Startworkshop i Bogotá", "Taller de inicio en Bogotá", "Opening workshop in Bogotá"
            ),
            _texts(
                "Partnerskapen möts för första gången och formulerar sina gemensamma utmaningar.",
                "Las alianzas se reúnen por primera vez y formulan sus desafíos comunes.",
                "The partnerships meet for the first time and frame their shared challenges.",
            ),
            "Bogotá",
            "CO",
            "America/Bogota",
            datetime.date(2024, 3, 12),
            3,
            (9, 17),
            40,
            Workshop.State.HELD,
            sessions=(
                OPENING,
                DemoSession(
                    1,
                    (9, 0),
                    (12, 0),
                    "es",
                    _texts(
                        "Kvinnor som fredsbyggare",
                        "Mujeres constructoras de paz",
                        "Women as peacebuilders",
                    ),
                ),
            ),
            registrations=(
                ("lessebo", Status.ATTENDED),
                ("popayan", Status.ATTENDED),
                ("sara.lund", Status.NO_SHOW),
            ),
        ),
        DemoWorkshop(
            PAST_CALL_SLUG,
            "guatemala-2024",
            _texts(
                "Workshop i Guatemala City",
                "Taller en Ciudad de Guatemala",
                "Workshop in Guatemala City",
            ),
            _texts(
                "Urfolks inkludering och kvinnors deltagande i byråden (COCODE).",
                "Inclusión de los pueblos indígenas y participación de las mujeres en los COCODE.",
                "Indigenous inclusion and women's participation in community councils (COCODE).",
            ),
            "Ciudad de Guatemala",
            "GT",
            "America/Guatemala",
            datetime.date(2024, 6, 11),
            3,
            (9, 16),
            40,
            Workshop.State.HELD,
            sessions=(OPENING,),
            registrations=(
                ("totonicapan", Status.ATTENDED),
                ("boras", Status.ATTENDED),
            ),
        ),
        DemoWorkshop(
            PAST_CALL_SLUG,
            "goteborg-2024",
            _texts("Workshop i Göteborg", "Taller en Gotemburgo", "Workshop in Gothenburg"),
            _texts(
                "Medborgardialog och uppföljning av partnerskapens första år.",
                "Diálogo ciudadano y seguimiento del primer año de las alianzas.",
                "Citizen dialogue and a review of the partnerships' first year.",
            ),
            "Göteborg",
            "SE",
            "Europe/Stockholm",
            datetime.date(2024, 9, 10),
            3,
            (9, 15),
            40,
            Workshop.State.HELD,
            sessions=(
                DemoSession(
                    0,
                    (9, 0),
                    (10, 30),
                    "sv",
                    _texts(
                        "Välkomna till Göteborg", "Bienvenida a Gotemburgo", "Welcome to Gothenburg"
                    ),
                ),
            ),
            registrations=(
                ("lessebo", Status.ATTENDED),
                ("jonas.ek", Status.ATTENDED),
                ("totonicapan", Status.ATTENDED),
                ("boras", Status.NO_SHOW),
                ("popayan", Status.NO_SHOW),
            ),
        ),
    )


def coming(today: datetime.date) -> tuple[DemoWorkshop, ...]:
    """The open call's next workshops, placed after `today` so registration is open."""
    return (
        DemoWorkshop(
            OPEN_CALL_SLUG,
            "online-kickoff",
            _texts("Digitalt uppstartsmöte", "Reunión de inicio en línea", "Online kick-off"),
            _texts(
                "Nya medlemmar möter nätverket.",
                "Los nuevos miembros conocen la red.",
                "New members meet the network.",
            ),
            "",
            None,
            "Europe/Stockholm",
            today + datetime.timedelta(days=21),
            1,
            (15, 17),
            100,
            Workshop.State.OPEN,
        ),
        DemoWorkshop(
            OPEN_CALL_SLUG,
            "medellin",
            _texts("Workshop i Medellín", "Taller en Medellín", "Workshop in Medellín"),
            _texts(
                "Våldsförebyggande arbete och trygga offentliga platser.",
                "Prevención de la violencia y espacios públicos seguros.",
                "Violence prevention and safe public spaces.",
            ),
            "Medellín",
            "CO",
            "America/Bogota",
            today + datetime.timedelta(days=60),
            3,
            (9, 17),
            30,
            Workshop.State.OPEN,
            capacity_per_partnership=4,
            sessions=(OPENING,),
            registrations=(("lessebo", Status.REGISTERED),),
        ),
        DemoWorkshop(
            OPEN_CALL_SLUG,
            "malmo",
            _texts("Workshop i Malmö", "Taller en Malmö", "Workshop in Malmö"),
            _texts(
                "Kvinnors ekonomiska egenmakt.",
                "Empoderamiento económico de las mujeres.",
                "Women's economic empowerment.",
            ),
            "Malmö",
            "SE",
            "Europe/Stockholm",
            today + datetime.timedelta(days=150),
            2,
            (9, 16),
            30,
            Workshop.State.OPEN,
            capacity_per_partnership=4,
        ),
    )


def workshops_demo_load(*, now: datetime.datetime) -> Counter:
    """Create whichever demo workshops are missing, with their agenda and registrations.
    A rerun that finds them all costs one query."""
    created = Counter()
    wanted = [*held_2024(), *coming(now.date())]
    have = set(
        Workshop.objects.filter(
            call__network__slug=NETWORK_SLUG, call__slug__in=[PAST_CALL_SLUG, OPEN_CALL_SLUG]
        ).values_list("call__slug", "slug")
    )
    wanted = [demo for demo in wanted if (demo.call_slug, demo.slug) not in have]
    if not wanted:
        return created
    calls = {
        call.slug: call
        for call in Call.objects.filter(
            network__slug=NETWORK_SLUG, slug__in=[PAST_CALL_SLUG, OPEN_CALL_SLUG]
        ).select_related("network")
    }
    countries = {c.code: c for c in Country.objects.filter(code__in=["SE", "GT", "CO"])}
    people = {
        p.email.split("@")[0]: p
        for p in Person.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
    }
    for demo in wanted:
        call = calls.get(demo.call_slug)
        if call is None:
            continue
        if demo.country is not None and demo.country not in countries:
            continue
        workshop = _create(demo, call, countries, now)
        created["workshops"] += 1
        created["registrations"] += _register(workshop, demo, people)
    return created


def _local(day: datetime.date, hour_minute, zone: str) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(*hour_minute), tzinfo=ZoneInfo(zone))


def _create(demo: DemoWorkshop, call, countries, now) -> Workshop:
    last_day = demo.start_date + datetime.timedelta(days=demo.days - 1)
    start = _local(demo.start_date, (demo.hours[0], 0), demo.time_zone)
    if demo.state == Workshop.State.HELD:
        opens, closes = start - datetime.timedelta(days=90), start - datetime.timedelta(days=21)
    else:
        opens, closes = now - datetime.timedelta(days=14), start - datetime.timedelta(days=7)
    workshop = Workshop.objects.create(
        call=call,
        slug=demo.slug,
        titles=dict(demo.titles),
        descriptions=dict(demo.descriptions),
        is_online=demo.country is None,
        city=demo.city,
        country=countries.get(demo.country),
        time_zone=demo.time_zone,
        start_at=start,
        end_at=_local(last_day, (demo.hours[1], 0), demo.time_zone),
        capacity=demo.capacity,
        capacity_per_partnership=demo.capacity_per_partnership,
        registration_opens_at=opens,
        registration_closes_at=closes,
        state=demo.state,
        is_demo=True,
    )
    AgendaSession.objects.bulk_create(
        AgendaSession(
            workshop=workshop,
            titles=dict(session.titles),
            start_at=_local(
                demo.start_date + datetime.timedelta(days=session.day),
                session.start,
                demo.time_zone,
            ),
            end_at=_local(
                demo.start_date + datetime.timedelta(days=session.day), session.end, demo.time_zone
            ),
            language=session.language,
            interpretation=SV_ES,
        )
        for session in demo.sessions
    )
    return workshop


def _register(workshop: Workshop, demo: DemoWorkshop, people) -> int:
    registered_at = workshop.registration_opens_at + datetime.timedelta(days=1)
    made = 0
    for local_part, status in demo.registrations:
        person = people.get(local_part)
        if person is None:
            continue
        partnership, organisation = affiliation(person, workshop.call)
        Registration.objects.create(
            workshop=workshop,
            person=person,
            partnership=partnership,
            organisation=organisation,
            registered_by=person.user,
            status=status,
            registered_at=registered_at,
            status_changed_at=workshop.end_at if status != Status.REGISTERED else registered_at,
            interpretation_language=person.preferred_language,
            is_demo=True,
        )
        made += 1
    return made
