"""A small network built by hand, whose figures the tests work out by hand (see each test).

Call C ("call-c", rule year 2024: one workshop in Latin America and one in Sweden):
- interests: org1 matched, org2 matched, org3 accepted, org4 declined, org1 withdrawn after
  submitting, org2 withdrawn as a draft → submitted 5, accepted 3, matched 2;
- partnerships P1 (org1 – Guatemala, project, themes T1 T2), P2 (org2 – Medellín, forming,
  T1), P3 (org3 – Cobán, inception, T2 and the perspective);
- workshops W1 held in Bogotá (attended: A B C D F G H), W2 held in Stockholm (attended: A E),
  W3 open in Stockholm (registered: I J K; one on the waiting list, one cancelled);
- people A B D F G officials, C E H politicians; women A B C F, men D G H (with consent),
  E gave none;
- reporting periods 2024 (due 2025-01-31: P1 submitted, P2 draft) and 2025 (due 2026-01-31:
  P1 submitted); the tests' day is 2025-06-01;
- indicators: P1 I1 10→30 latest 30 (reached), P1 I2 counts people 12→24 latest 2 (not
  moving, hidden), P3 I3 10→5 latest 8 (moving), P2 I4 no value.
Call C2 ("call-c2"): org1 submitted, org2 draft; P4 (org1 – Bogotá, forming, T2).
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.utils import timezone

from puentes.networks.models import Theme
from puentes.networks.tests.factories import (
    CallFactory,
    NetworkFactory,
    ReportingPeriodFactory,
    ThemeFactory,
)
from puentes.partnerships.models import Partnership
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.models import Person
from puentes.people.tests.factories import OrganisationFactory, PersonFactory, reference_country
from puentes.plans.tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    OutcomeFactory,
    OutputFactory,
    PeopleIndicatorFactory,
    PlanFactory,
)
from puentes.recruitment.models import Interest
from puentes.recruitment.tests.factories import InterestFactory
from puentes.reports.models import ProgressReport
from puentes.workshops.models import Registration, Workshop
from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory, at

TODAY = datetime.date(2025, 6, 1)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
S = Interest.Status
R = Registration.Status


def _interest(call, org, status, submitted=True):
    return InterestFactory(
        call=call,
        organisation=org,
        status=status,
        submitted_at=timezone.now() if submitted else None,
    )


def _people():
    roles = {"A": "official", "B": "official", "D": "official", "F": "official"}
    roles |= {"G": "official", "C": "politician", "E": "politician", "H": "politician"}
    genders = {"A": "woman", "B": "woman", "C": "woman", "F": "woman"}
    genders |= {"D": "man", "G": "man", "H": "man"}
    people = {}
    for name, role in roles.items():
        gender = genders.get(name, "")
        people[name] = PersonFactory(
            name=f"Person {name}",
            role=role,
            gender=gender,
            gender_consent_at=timezone.now() if gender else None,
        )
    for name in "IJKLM":
        people[name] = PersonFactory(name=f"Person {name}", role=Person.Role.OFFICIAL)
    return people


def _workshops(call):
    sweden = reference_country("SE")
    w1 = WorkshopFactory(call=call, slug="w1", state=Workshop.State.HELD)
    w2 = WorkshopFactory(
        call=call,
        slug="w2",
        state=Workshop.State.HELD,
        city="Stockholm",
        country=sweden,
        time_zone="Europe/Stockholm",
        start_at=at(2024, 6, 10, 9, zone=STOCKHOLM),
        end_at=at(2024, 6, 11, 17, zone=STOCKHOLM),
    )
    w3 = WorkshopFactory(
        call=call,
        slug="w3",
        state=Workshop.State.OPEN,
        city="Stockholm",
        country=sweden,
        time_zone="Europe/Stockholm",
        start_at=at(2024, 10, 10, 9, zone=STOCKHOLM),
        end_at=at(2024, 10, 11, 17, zone=STOCKHOLM),
    )
    return w1, w2, w3


def _register(workshop, person, status, partnership=None):
    return RegistrationFactory(
        workshop=workshop, person=person, status=status, partnership=partnership
    )


def build():
    network = NetworkFactory(slug="dash-network")
    t1 = ThemeFactory(network=network, slug="t1", position=1)
    t2 = ThemeFactory(network=network, slug="t2", position=2)
    p = ThemeFactory(network=network, slug="p", kind=Theme.Kind.PERSPECTIVE, position=3)
    call = CallFactory(
        network=network, slug="call-c", open_date=datetime.date(2024, 1, 15), rule_year=2024
    )
    call2 = CallFactory(
        network=network,
        slug="call-c2",
        open_date=datetime.date(2025, 1, 15),
        close_date=datetime.date(2025, 3, 31),
        rule_year=2025,
    )
    org1, org2, org3, org4 = (
        OrganisationFactory(country_code="SE", code=c) for c in ("0180", "1480", "1280", "0380")
    )
    guatemala = OrganisationFactory(country_code="GT", code="0101")
    coban = OrganisationFactory(country_code="GT", code="1601")
    medellin = OrganisationFactory(country_code="CO", code="05001")
    bogota = OrganisationFactory(country_code="CO", code="11001")

    for org, status in ((org1, S.MATCHED), (org2, S.MATCHED), (org3, S.ACCEPTED)):
        _interest(call, org, status)
    _interest(call, org4, S.DECLINED)
    _interest(call, org1, S.WITHDRAWN)
    _interest(call, org2, S.WITHDRAWN, submitted=False)
    _interest(call2, org1, S.SUBMITTED)
    _interest(call2, org2, S.DRAFT, submitted=False)

    phase = Partnership.Phase
    p1 = PartnershipFactory(
        call=call,
        swedish_organisation=org1,
        latin_organisation=guatemala,
        phase=phase.PROJECT,
        themes=[t1, t2],
    )
    p2 = PartnershipFactory(
        call=call,
        swedish_organisation=org2,
        latin_organisation=medellin,
        phase=phase.FORMING,
        themes=[t1],
    )
    p3 = PartnershipFactory(
        call=call,
        swedish_organisation=org3,
        latin_organisation=coban,
        phase=phase.INCEPTION,
        themes=[t2, p],
    )
    p4 = PartnershipFactory(
        call=call2,
        swedish_organisation=org1,
        latin_organisation=bogota,
        phase=phase.FORMING,
        themes=[t2],
    )

    people = _people()
    w1, w2, w3 = _workshops(call)
    owner = {"A": p1, "B": p2, "C": p3}
    for name in "ABCDFGH":
        _register(w1, people[name], R.ATTENDED, owner.get(name))
    _register(w2, people["A"], R.ATTENDED, p1)
    _register(w2, people["E"], R.ATTENDED, p1)
    _register(w3, people["I"], R.REGISTERED, p2)
    _register(w3, people["J"], R.REGISTERED)
    _register(w3, people["K"], R.REGISTERED)
    _register(w3, people["L"], R.WAITLISTED)
    _register(w3, people["M"], R.CANCELLED)

    r2024 = ReportingPeriodFactory(
        call=call,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 12, 31),
        due_date=datetime.date(2025, 1, 31),
    )
    r2025 = ReportingPeriodFactory(
        call=call,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 12, 31),
        due_date=datetime.date(2026, 1, 31),
    )
    now = timezone.now()
    ProgressReport.objects.create(
        partnership=p1, period=r2024, status="submitted", submitted_at=now
    )
    ProgressReport.objects.create(partnership=p2, period=r2024, status="draft")
    ProgressReport.objects.create(
        partnership=p1, period=r2025, status="submitted", submitted_at=now
    )

    plan1 = PlanFactory(partnership=p1)
    i1 = IndicatorFactory(outcome=OutcomeFactory(plan=plan1), baseline=10, target=30)
    IndicatorValueFactory(indicator=i1, period=r2024, value=Decimal("15"))
    IndicatorValueFactory(indicator=i1, period=r2025, value=Decimal("30"))
    i2 = PeopleIndicatorFactory(outcome=OutcomeFactory(plan=plan1))
    IndicatorValueFactory(indicator=i2, period=r2024, value=2, women=1, men=1, other=0)
    plan3 = PlanFactory(partnership=p3)
    i3 = IndicatorFactory(
        output=OutputFactory(outcome=OutcomeFactory(plan=plan3)),
        outcome=None,
        baseline=10,
        target=5,
    )
    IndicatorValueFactory(indicator=i3, period=r2024, value=Decimal("8"))
    IndicatorFactory(outcome=OutcomeFactory(plan=PlanFactory(partnership=p2)))
    plan4 = PlanFactory(partnership=p4)
    other = IndicatorFactory(outcome=OutcomeFactory(plan=plan4))
    IndicatorValueFactory(indicator=other, value=Decimal("99"))

    return SimpleNamespace(
        network=network,
        call=call,
        call2=call2,
        partnerships=(p1, p2, p3, p4),
        workshops=(w1, w2, w3),
        people=people,
    )
