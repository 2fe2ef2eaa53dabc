"""Synthetic networks, calls, people, expressions of interest and seeking profiles for
bench.generate: everything a partnership grows from. Rows are written with bulk_create in
batches; every generated row is marked (is_demo, "bench-" slugs, "Bench: " names, e-mail
addresses at BENCH_EMAIL_DOMAIN)."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password

from puentes.networks.models import Call, Network, ReportingPeriod, Theme
from puentes.people.models import Membership, NetworkRole, Person, User
from puentes.places.models import Organisation
from puentes.recruitment.models import Interest, InterestContact, SeekingProfile
from puentes.recruitment.search import search_text_for

BATCH = 2_000
BENCH_EMAIL_DOMAIN = "bench.puentes.test"
SLUG_PREFIX = "bench-"
NAME_PREFIX = "Bench: "
# Sign-ins the load test drives pages with (bench.loadtest makes their sessions).
COORDINATOR_EMAIL = f"coordinator@{BENCH_EMAIL_DOMAIN}"
MEMBER_EMAIL = f"member@{BENCH_EMAIL_DOMAIN}"
BENCH_PASSWORD = "bench-password-not-for-production"
BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

THEMES = [
    ("political-participation", "Political participation", "Participación política"),
    ("gender-based-violence", "Gender-based violence", "Violencia basada en género"),
    ("economic-empowerment", "Economic empowerment", "Empoderamiento económico"),
    ("education-and-health", "Education and health", "Educación y salud"),
    ("indigenous-inclusion", "Indigenous inclusion", "Inclusión indígena"),
    ("women-peacebuilders", "Women peacebuilders", "Mujeres constructoras de paz"),
    ("citizen-dialogue", "Citizen dialogue", "Diálogo ciudadano"),
]
FIRST = ["Ana", "Erik", "María", "Karin", "Carlos", "Lena", "Sofía", "Johan", "Lucía", "Pedro"]
LAST = ["Berg", "López", "Lindqvist", "Tzul", "Muñoz", "Holm", "García", "Nilsson", "Pérez"]


def bulk(model, rows: list, batch: int = BATCH) -> list:
    return model.objects.bulk_create(rows, batch_size=batch)


def link(through, rows: list) -> list:
    """Many-to-many rows through the auto-created model, in batches."""
    return through.objects.bulk_create(rows, batch_size=BATCH)


@dataclass
class World:
    """What the stages hand on to each other: the ids of the rows made so far."""

    rng: random.Random
    now: datetime.datetime
    today: datetime.date
    swedish: list[Organisation]
    latin: list[Organisation]
    networks: list[Network] = field(default_factory=list)
    themes: dict[int, list[int]] = field(default_factory=dict)  # network id → theme ids
    calls: list[Call] = field(default_factory=list)
    periods: dict[int, list[ReportingPeriod]] = field(default_factory=dict)  # call id →
    people: dict[int, list[Person]] = field(default_factory=dict)  # organisation id →
    # per call id: [(interest, profile)] of the pairs that became partnerships
    pairs: dict[int, list[tuple[Interest, SeekingProfile]]] = field(default_factory=dict)


def _texts(en: str, es: str, sv: str | None = None) -> dict:
    return {"sv": sv or en, "es": es, "en": en}


def networks_and_calls(world: World, n_networks: int, calls_per_network: int) -> None:
    today = world.today
    networks = [
        Network(
            slug=f"{SLUG_PREFIX}network-{n + 1}",
            names=_texts(f"{NAME_PREFIX}network {n + 1}", f"{NAME_PREFIX}red {n + 1}"),
            descriptions=_texts("A generated network for benchmarks.", "Una red generada."),
            start_date=datetime.date(today.year - 3, 1, 1),
            end_date=datetime.date(today.year + 1, 12, 31),
            contact_email=f"network-{n + 1}@{BENCH_EMAIL_DOMAIN}",
            is_published=True,
            is_demo=True,
        )
        for n in range(n_networks)
    ]
    world.networks = bulk(Network, networks)
    themes = [
        Theme(
            network=network,
            slug=slug,
            kind=Theme.Kind.THEME if position < 4 else Theme.Kind.PERSPECTIVE,
            names=_texts(en, es),
            position=position,
        )
        for network in world.networks
        for position, (slug, en, es) in enumerate(THEMES)
    ]
    for theme in bulk(Theme, themes):
        world.themes.setdefault(theme.network_id, []).append(theme.pk)
    calls = []
    for network in world.networks:
        for c in range(calls_per_network):
            is_open = c == calls_per_network - 1
            # Closed calls opened long enough ago for two reporting periods to have ended.
            opens = today - datetime.timedelta(days=30 if is_open else 1000 + 40 * c)
            closes = (
                today + datetime.timedelta(days=60)
                if is_open
                else opens + (datetime.timedelta(days=75))
            )
            calls.append(
                Call(
                    network=network,
                    slug=f"{SLUG_PREFIX}call-{c + 1}",
                    titles=_texts(f"{NAME_PREFIX}call {c + 1}", f"{NAME_PREFIX}convocatoria"),
                    descriptions=_texts("A generated call.", "Una convocatoria generada."),
                    open_date=opens,
                    close_date=closes,
                    rule_year=closes.year + 1,
                    is_demo=True,
                )
            )
    world.calls = bulk(Call, calls)
    periods = []
    for call in world.calls:
        start = call.close_date + datetime.timedelta(days=31)
        for _ in range(3):
            end = start + datetime.timedelta(days=364)
            periods.append(
                ReportingPeriod(
                    call=call,
                    start_date=start,
                    end_date=end,
                    due_date=end + datetime.timedelta(days=30),
                )
            )
            start = end + datetime.timedelta(days=1)
    for period in bulk(ReportingPeriod, periods):
        world.periods.setdefault(period.call_id, []).append(period)


def people(world: World, organisations: list[Organisation], total: int) -> None:
    """`total` people spread over `organisations` (at least three each), with memberships."""
    rng, now = world.rng, world.now
    per_org = max(3, total // max(len(organisations), 1))
    extra = max(total - per_org * len(organisations), 0)
    rows, orgs = [], []
    for index, organisation in enumerate(organisations):
        swedish = organisation.country.code == "SE"
        for _ in range(per_org + (1 if index < extra else 0)):
            n = len(rows)
            consented = rng.random() < 0.6
            rows.append(
                Person(
                    name=f"{NAME_PREFIX}{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
                    email=f"person-{n}@{BENCH_EMAIL_DOMAIN}",
                    role=rng.choice([Person.Role.OFFICIAL, Person.Role.POLITICIAN]),
                    title="Official" if rng.random() < 0.5 else "Councillor",
                    languages=["sv", "en"] if swedish else ["es"],
                    preferred_language="sv" if swedish else "es",
                    gender=rng.choice(["woman", "woman", "man", "another"]) if consented else "",
                    gender_consent_at=now if consented else None,
                    is_demo=True,
                )
            )
            orgs.append(organisation)
    created = bulk(Person, rows)
    memberships = []
    for person, organisation in zip(created, orgs, strict=True):
        world.people.setdefault(organisation.pk, []).append(person)
        memberships.append(
            Membership(person=person, organisation=organisation, position=person.title)
        )
    bulk(Membership, memberships)


def accounts(world: World) -> None:
    """A coordinator of every bench network (with TOTP) and a Swedish member, for the load
    test; one password hash for both."""
    password = make_password(BENCH_PASSWORD)
    coordinator = User.objects.create(email=COORDINATOR_EMAIL, password=password)
    person = Person.objects.create(
        user=coordinator,
        name=f"{NAME_PREFIX}coordinator",
        email=COORDINATOR_EMAIL,
        languages=["sv", "en", "es"],
        is_demo=True,
    )
    bulk(
        NetworkRole,
        [NetworkRole(person=person, network=n, role="coordinator") for n in world.networks],
    )
    TOTP.activate(coordinator, BENCH_TOTP_SECRET)
    member = User.objects.create(email=MEMBER_EMAIL, password=password)
    swedish = world.swedish[0]
    member_person = world.people[swedish.pk][0]
    member_person.user = member
    member_person.save(update_fields=["user"])
    for user in (coordinator, member):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def interests(world: World, call: Call, swedish: list[Organisation], matched: int) -> list:
    """Expressions of interest of `swedish` in `call`: the first `matched` matched, the
    others in the other states a call's queue holds."""
    rng, now = world.rng, world.now
    others = ["accepted", "waitlisted", "declined", "submitted", "in_review", "draft"]
    if call.close_date >= world.today:
        others = ["submitted", "in_review", "draft"]
    rows = []
    for i, organisation in enumerate(swedish):
        status = "matched" if i < matched else others[i % len(others)]
        rows.append(
            Interest(
                call=call,
                organisation=organisation,
                status=status,
                motivation=f"{NAME_PREFIX}we want to work on gender equality ({i}).",
                motivation_language="sv",
                preferred_country=rng.choice(["", "GT", "CO"]),
                workshop_commitment=True,
                submitted_at=None if status == "draft" else now,
                is_demo=True,
            )
        )
    created = bulk(Interest, rows)
    themes = world.themes[call.network_id]
    link(
        Interest.themes.through,
        [
            Interest.themes.through(interest_id=interest.pk, theme_id=theme)
            for interest in created
            for theme in rng.sample(themes, rng.randint(1, 3))
        ],
    )
    contacts = []
    for interest in created:
        pool = world.people[interest.organisation_id]
        for position, person in enumerate(pool[:2]):
            contacts.append(InterestContact(interest=interest, person=person, position=position))
    bulk(InterestContact, contacts)
    return created


def seeking_profiles(world: World, call: Call, latin: list[Organisation], matched: int) -> list:
    """Published partner-seeking profiles of `latin` in `call`, the first `matched` matched."""
    rng, now = world.rng, world.now
    rows = []
    for i, organisation in enumerate(latin):
        profile = SeekingProfile(
            call=call,
            organisation=organisation,
            status="matched" if i < matched else "approved",
            challenges={"es": f"Desafío de igualdad de género número {i} en {organisation.name}."},
            challenge_language="es",
            local_contexts={"es": "Contexto local generado para pruebas de rendimiento."},
            contact=world.people[organisation.pk][0],
            decided_at=now,
            is_demo=True,
        )
        profile.search_text = search_text_for(profile)
        rows.append(profile)
    created = bulk(SeekingProfile, rows)
    themes = world.themes[call.network_id]
    link(
        SeekingProfile.themes.through,
        [
            SeekingProfile.themes.through(seekingprofile_id=profile.pk, theme_id=theme)
            for profile in created
            for theme in rng.sample(themes, rng.randint(1, 3))
        ],
    )
    return created
