"""Recruitment in the demo network: the past and the present.

The past is the 2024 call, closed, with its decided expressions of interest and its seeking
profiles, each with its recorded steps dated in the autumn of 2023. The present is a call
open today, with published seeking profiles of Guatemalan and Colombian municipalities and
one expression of interest waiting for review, so that every journey can be tried.

Rows are written directly rather than through the services: they are history, dated in the
past, and the services would mail their demo contacts. Each is looked up by its natural key
(call and organisation; a notice by version) and only created when missing, whatever its
status now: a rerun neither recreates what someone withdrew nor undoes what they changed.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from puentes.networks.models import Call
from puentes.networks.services import call_ensure
from puentes.people.models import Consent, Person, PrivacyNotice, User
from puentes.people.services import privacy_notice_publish
from puentes.places.models import Organisation

from .demo_texts import (
    ARE_MOTIVATION,
    BORAS_MOTIVATION,
    LESSEBO_MOTIVATION,
    LETICIA,
    LOCAL_CONTEXTS,
    NOTICE_TEXTS,
    OPEN_CALL_DESCRIPTIONS,
    OPEN_CALL_TITLES,
    PANAJACHEL,
    POPAYAN,
    PUERTO_NARINO,
    SAN_JUAN_LA_LAGUNA,
    TOTONICAPAN,
    UMEA_MOTIVATION,
)
from .models import Interest, InterestContact, SeekingProfile, Transition
from .workflow import INTEREST_DECISIONS

NETWORK_SLUG = "gender-equality-2024-2026"  # as in puentes.networks.demo
PAST_CALL_SLUG = "call-2024"
OPEN_CALL_SLUG = "call-2026"
DEMO_EMAIL_DOMAIN = "demo.puentes.test"
COORDINATOR = "coordinator"
NOTICE_VERSION = "1"
NOTICE_PUBLISHED_AT = datetime.datetime(2023, 8, 15, 8, 0, tzinfo=datetime.UTC)

I = Interest.Status  # noqa: E741
P = SeekingProfile.Status
OFFICIAL, POLITICIAN = Person.Role.OFFICIAL, Person.Role.POLITICIAN


@dataclass(frozen=True)
class Contact:
    """A demo person: an account's person if `local_part` is a demo login, else a new one."""

    local_part: str
    name: str = ""
    role: str = OFFICIAL
    title: str = ""
    language: str = "sv"

    @property
    def email(self) -> str:
        return f"{self.local_part}@{DEMO_EMAIL_DOMAIN}"

    @property
    def login(self) -> str:
        """The demo login of this person, or "" for a person without an account."""
        return "" if self.name else self.local_part


@dataclass(frozen=True)
class Step:
    to_status: str
    at: datetime.datetime
    by: str  # a demo login's local part; "" for someone without an account
    reason: str = ""


@dataclass(frozen=True)
class DemoProfile:
    call_slug: str
    country: str
    code: str
    contact: Contact
    themes: tuple[str, ...]
    challenges: dict
    local_context: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class DemoInterest:
    call_slug: str
    code: str  # SCB code of the Swedish municipality
    account: str | None  # the login that wrote it, and gave consent
    contacts: tuple[Contact, ...]
    themes: tuple[str, ...]
    motivation: str
    preferred_country: str
    preferred: tuple[tuple[str, str], ...]  # seeking profiles in the same call
    steps: tuple[Step, ...]


def _at(year, month, day, hour=9) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=datetime.UTC)


# --- Seeking profiles -------------------------------------------------------------------


def _submitter(contact: Contact) -> str:
    """A member with a login submits their own profile; the others were entered by the
    coordinator from what the municipality sent."""
    return contact.login or COORDINATOR


def _past_profile(country, code, contact, themes, challenges, submitted, approved, matched=""):
    steps = [
        Step(P.SUBMITTED, submitted, _submitter(contact)),
        Step(P.APPROVED, approved, COORDINATOR),
    ]
    if matched:
        steps.append(Step(P.MATCHED, _at(2023, 12, 14), COORDINATOR, matched))
    return DemoProfile(
        PAST_CALL_SLUG,
        country,
        code,
        contact,
        themes,
        challenges,
        LOCAL_CONTEXTS[code],
        tuple(steps),
    )


CONTACT_SJLL = Contact(
    "rosa.cholotio", "Demo: Rosa Cholotío", OFFICIAL, "Directora Municipal de la Mujer", "es"
)
CONTACT_PANAJACHEL = Contact(
    "ana.perez", "Demo: Ana Lucía Pérez", OFFICIAL, "Directora Municipal de la Mujer", "es"
)
CONTACT_PUERTO_NARINO = Contact(
    "luz.ahue", "Demo: Luz Marina Ahué", POLITICIAN, "Concejala municipal", "es"
)
CONTACT_LETICIA = Contact(
    "diana.rios", "Demo: Diana Carolina Ríos", OFFICIAL, "Secretaria de Gobierno", "es"
)

PAST_PROFILES = (
    _past_profile(
        "GT",
        "0801",
        Contact("totonicapan"),
        ("political-participation", "indigenous-inclusion"),
        TOTONICAPAN,
        _at(2023, 9, 18),
        _at(2023, 9, 25),
        matched="Partnerskap med Lessebo kommun.",
    ),
    _past_profile(
        "GT",
        "0717",
        CONTACT_SJLL,
        ("economic-empowerment", "indigenous-inclusion"),
        SAN_JUAN_LA_LAGUNA,
        _at(2023, 9, 21),
        _at(2023, 9, 28),
    ),
    _past_profile(
        "GT",
        "0710",
        CONTACT_PANAJACHEL,
        ("gender-based-violence", "education-and-health"),
        PANAJACHEL,
        _at(2023, 10, 2),
        _at(2023, 10, 9),
    ),
    _past_profile(
        "CO",
        "91540",
        CONTACT_PUERTO_NARINO,
        ("education-and-health", "citizen-dialogue"),
        PUERTO_NARINO,
        _at(2023, 10, 5),
        _at(2023, 10, 12),
    ),
    _past_profile(
        "CO",
        "91001",
        CONTACT_LETICIA,
        ("gender-based-violence", "women-peacebuilders"),
        LETICIA,
        _at(2023, 10, 11),
        _at(2023, 10, 18),
    ),
    _past_profile(
        "CO",
        "19001",
        Contact("popayan"),
        ("women-peacebuilders", "political-participation"),
        POPAYAN,
        _at(2023, 9, 20),
        _at(2023, 9, 27),
        matched="Partnerskap med Borås kommun.",
    ),
)


def _open_profiles(now) -> tuple[DemoProfile, ...]:
    """The municipalities that found no partner in 2024 seek one again, published."""
    return tuple(
        DemoProfile(
            OPEN_CALL_SLUG,
            profile.country,
            profile.code,
            profile.contact,
            profile.themes,
            profile.challenges,
            profile.local_context,
            (
                Step(
                    P.SUBMITTED, now - datetime.timedelta(days=25 - n), _submitter(profile.contact)
                ),
                Step(P.APPROVED, now - datetime.timedelta(days=20 - n), COORDINATOR),
            ),
        )
        for n, profile in enumerate(PAST_PROFILES)
        if P.MATCHED not in {step.to_status for step in profile.steps}
    )


# --- Expressions of interest ------------------------------------------------------------


def _decided(login, draft, submitted, review, decision, decided, reason="", matched=""):
    steps = [
        Step(I.DRAFT, draft, login),
        Step(I.SUBMITTED, submitted, login),
        Step(I.IN_REVIEW, review, COORDINATOR),
        Step(decision, decided, COORDINATOR, reason),
    ]
    if matched:
        # Confirmed on the same day as its partner's profile (see PAST_PROFILES).
        steps.append(Step(I.MATCHED, _at(2023, 12, 14), COORDINATOR, matched))
    return tuple(steps)


CONTACT_ARE = Contact("maja.persson", "Demo: Maja Persson", OFFICIAL, "Folkhälsostrateg", "sv")
CONTACT_ARE_POLITICIAN = Contact(
    "nils.jonsson", "Demo: Nils Jonsson", POLITICIAN, "Kommunstyrelsens vice ordförande", "sv"
)
PAST_INTERESTS = (
    DemoInterest(
        PAST_CALL_SLUG,
        "0761",
        "lessebo",
        (
            Contact("lessebo"),
            Contact("jonas.ek", "Demo: Jonas Ek", POLITICIAN, "Kommunstyrelsens ordförande", "sv"),
        ),
        ("political-participation", "citizen-dialogue"),
        LESSEBO_MOTIVATION,
        Interest.PreferredCountry.GUATEMALA,
        (("GT", "0801"),),
        _decided(
            "lessebo",
            _at(2023, 9, 12),
            _at(2023, 10, 3),
            _at(2023, 12, 1),
            I.ACCEPTED,
            _at(2023, 12, 7),
            "Tydlig förankring hos både tjänstepersoner och förtroendevalda.",
            matched="Partnerskap med Totonicapán.",
        ),
    ),
    DemoInterest(
        PAST_CALL_SLUG,
        "1490",
        "boras",
        (
            Contact("boras"),
            Contact("sara.lund", "Demo: Sara Lund", OFFICIAL, "Jämställdhetsstrateg", "sv"),
        ),
        ("gender-based-violence", "women-peacebuilders"),
        BORAS_MOTIVATION,
        Interest.PreferredCountry.COLOMBIA,
        (("CO", "19001"), ("CO", "91001")),
        _decided(
            "boras",
            _at(2023, 9, 14),
            _at(2023, 10, 20),
            _at(2023, 12, 1),
            I.ACCEPTED,
            _at(2023, 12, 7),
            matched="Partnerskap med Popayán.",
        ),
    ),
    DemoInterest(
        PAST_CALL_SLUG,
        "2321",
        None,
        (CONTACT_ARE, CONTACT_ARE_POLITICIAN),
        ("education-and-health", "indigenous-inclusion"),
        ARE_MOTIVATION,
        Interest.PreferredCountry.GUATEMALA,
        (("GT", "0717"),),
        _decided(
            "",
            _at(2023, 10, 9),
            _at(2023, 11, 24),
            _at(2023, 12, 1),
            I.WAITLISTED,
            _at(2023, 12, 8),
            "Fler intresseanmälningar än platser i år. Åre kommun står först på väntelistan "
            "om en plats blir ledig.",
        ),
    ),
    DemoInterest(
        PAST_CALL_SLUG,
        "2480",
        "mentor",
        (
            Contact("mentor"),
            Contact("johan.nordin", "Demo: Johan Nordin", POLITICIAN, "Kommunalråd", "sv"),
        ),
        ("political-participation", "gender-based-violence"),
        UMEA_MOTIVATION,
        "",
        (),
        _decided(
            "mentor",
            _at(2023, 9, 28),
            _at(2023, 10, 16),
            _at(2023, 12, 1),
            I.DECLINED,
            _at(2023, 12, 8),
            "Platserna går i första hand till kommuner utan tidigare internationellt "
            "jämställdhetssamarbete. Umeå kommun bidrar i stället som mentorkommun i nätverket.",
        ),
    ),
)


def _open_interests(now) -> tuple[DemoInterest, ...]:
    """Åre tries again and waits for review: the coordinator's queue has something in it."""
    return (
        DemoInterest(
            OPEN_CALL_SLUG,
            "2321",
            None,
            (CONTACT_ARE, CONTACT_ARE_POLITICIAN),
            ("education-and-health", "indigenous-inclusion"),
            ARE_MOTIVATION,
            Interest.PreferredCountry.GUATEMALA,
            (("GT", "0717"), ("GT", "0710")),
            (
                Step(I.DRAFT, now - datetime.timedelta(days=12), ""),
                Step(I.SUBMITTED, now - datetime.timedelta(days=10), ""),
            ),
        ),
    )


# --- Loading ----------------------------------------------------------------------------


def recruitment_demo_load(*, now: datetime.datetime) -> Counter:
    """Create whatever of the demo's recruitment is missing; return how many of each kind.

    Runs inside `demo_load`'s transaction. A rerun that finds everything costs four queries.
    """
    created = Counter()
    notice = PrivacyNotice.objects.filter(version=NOTICE_VERSION).first()
    if notice is None:
        notice = privacy_notice_publish(
            version=NOTICE_VERSION, texts=NOTICE_TEXTS, now=NOTICE_PUBLISHED_AT
        )
        created["privacy_notices"] += 1
    calls = _ensure_calls(now, created)
    profiles = [*PAST_PROFILES, *_open_profiles(now)]
    interests = [*PAST_INTERESTS, *_open_interests(now)]
    have_profiles = set(
        SeekingProfile.objects.filter(call__in=calls.values()).values_list(
            "call__slug", "organisation__country__code", "organisation__code"
        )
    )
    have_interests = set(
        Interest.objects.filter(call__in=calls.values()).values_list(
            "call__slug", "organisation__code"
        )
    )
    profiles = [p for p in profiles if (p.call_slug, p.country, p.code) not in have_profiles]
    interests = [i for i in interests if (i.call_slug, i.code) not in have_interests]
    if profiles or interests:
        loader = _Loader(calls=calls, notice=notice, profiles=profiles, interests=interests)
        created["seeking_profiles"] += loader.add_profiles(profiles)
        created["interests"] += loader.add_interests(interests)
    return created


def _ensure_calls(now, created: Counter) -> dict[str, Call]:
    calls = {
        call.slug: call
        for call in Call.objects.filter(
            network__slug=NETWORK_SLUG, slug__in=[PAST_CALL_SLUG, OPEN_CALL_SLUG]
        ).select_related("network")
    }
    if OPEN_CALL_SLUG not in calls:
        today = timezone.localdate(now)
        calls[OPEN_CALL_SLUG], _ = call_ensure(
            network=calls[PAST_CALL_SLUG].network,
            slug=OPEN_CALL_SLUG,
            defaults={
                "titles": dict(OPEN_CALL_TITLES),
                "descriptions": dict(OPEN_CALL_DESCRIPTIONS),
                "open_date": today - datetime.timedelta(days=30),
                "close_date": today + datetime.timedelta(days=60),
                "rule_year": 2026,
                "rule_min_latin_america": 1,
                "rule_min_sweden": 1,
                "is_demo": True,
            },
        )
        created["calls"] += 1
    return calls


class _Loader:
    """What creating the missing rows needs, fetched once: organisations, themes, people."""

    def __init__(self, *, calls, notice, profiles, interests):
        self.calls = calls
        self.notice = notice
        network = calls[PAST_CALL_SLUG].network
        self.themes = {theme.slug: theme for theme in network.themes.all()}
        self.organisations = _organisations(profiles, interests)
        contacts = [p.contact for p in profiles] + [c for i in interests for c in i.contacts]
        logins = {step.by for demo in [*profiles, *interests] for step in demo.steps}
        emails = {contact.email for contact in contacts}
        emails |= {f"{login}@{DEMO_EMAIL_DOMAIN}" for login in logins if login}
        self.users = {user.email: user for user in User.objects.filter(email__in=emails)}
        self.people = {}
        for person in Person.objects.filter(email__in=emails).order_by("pk"):
            known = self.people.get(person.email)
            # An account's person before anyone else with the same address.
            if known is None or (person.user_id and not known.user_id):
                self.people[person.email] = person
        self.transitions = []

    def user(self, login: str):
        return self.users.get(f"{login}@{DEMO_EMAIL_DOMAIN}") if login else None

    def person(self, contact: Contact) -> Person:
        person = self.people.get(contact.email)
        if person is None:
            person = Person.objects.create(
                name=contact.name,
                email=contact.email,
                role=contact.role,
                title=contact.title,
                languages=[contact.language],
                preferred_language=contact.language,
                is_demo=True,
            )
            self.people[contact.email] = person
        return person

    def record(self, steps, **subject):
        previous = ""
        for step in steps:
            self.transitions.append(
                Transition(
                    from_status=previous,
                    to_status=step.to_status,
                    by=self.user(step.by),
                    at=step.at,
                    reason=step.reason,
                    **subject,
                )
            )
            previous = step.to_status

    def add_profiles(self, profiles) -> int:
        for demo in profiles:
            last = demo.steps[-1]
            contact = self.person(demo.contact)
            decided = next((s for s in demo.steps if s.to_status == P.APPROVED), None)
            profile = SeekingProfile.objects.create(
                call=self.calls[demo.call_slug],
                organisation=self.organisations[(demo.country, demo.code)],
                status=last.to_status,
                challenges=dict(demo.challenges),
                challenge_language="es",
                local_contexts={"es": demo.local_context},
                contact=contact,
                submitted_by=self.user(demo.steps[0].by),
                decided_by=self.user(decided.by) if decided else None,
                decided_at=decided.at if decided else None,
                is_demo=True,
            )
            profile.themes.set([self.themes[slug] for slug in demo.themes])
            self.record(demo.steps, seeking_profile=profile)
        Transition.objects.bulk_create(self.transitions)
        self.transitions = []
        return len(profiles)

    def add_interests(self, interests) -> int:
        for demo in interests:
            interest = self._interest(demo)
            for position, contact in enumerate(demo.contacts):
                InterestContact.objects.create(
                    interest=interest, person=self.person(contact), position=position
                )
            interest.themes.set([self.themes[slug] for slug in demo.themes])
            interest.preferred_profiles.set(
                SeekingProfile.objects.filter(
                    call=interest.call,
                    status__in=[P.APPROVED, P.MATCHED],
                    organisation__in=[self.organisations[key] for key in demo.preferred],
                )
            )
            self.record(demo.steps, interest=interest)
        Transition.objects.bulk_create(self.transitions)
        self.transitions = []
        return len(interests)

    def _interest(self, demo: DemoInterest) -> Interest:
        drafted = demo.steps[0].at
        submitted = next((s.at for s in demo.steps if s.to_status == I.SUBMITTED), None)
        last = demo.steps[-1]
        decision = next(
            (s for s in reversed(demo.steps) if s.to_status in INTEREST_DECISIONS), None
        )
        consenting = self.person(demo.contacts[0])
        consent = Consent.objects.create(
            person=consenting, notice=self.notice, language="sv", given_at=drafted
        )
        return Interest.objects.create(
            call=self.calls[demo.call_slug],
            organisation=self.organisations[("SE", demo.code)],
            status=last.to_status,
            motivation=demo.motivation,
            motivation_language="sv",
            preferred_country=demo.preferred_country,
            workshop_commitment=True,
            consent=consent,
            created_by=self.user(demo.account or ""),
            submitted_at=submitted,
            decision_reason=decision.reason if decision else "",
            is_demo=True,
        )


def _organisations(profiles, interests) -> dict[tuple[str, str], Organisation]:
    wanted = {(p.country, p.code) for p in profiles}
    wanted |= {("SE", i.code) for i in interests}
    wanted |= {key for i in interests for key in i.preferred}
    query = Q()
    for country, code in wanted:
        query |= Q(country__code=country, code=code)
    return {
        (org.country.code, org.code): org
        for org in Organisation.objects.filter(query).select_related("country", "area")
    }
