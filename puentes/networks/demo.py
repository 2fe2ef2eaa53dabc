"""The demo network: what a fresh install shows, and the accounts a newcomer signs in with.

Loading is idempotent: every row is looked up by its slug or e-mail address and only
created when it is missing, so running it again never undoes what someone changed.
"""

import datetime
import functools
from collections import Counter
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from puentes.documents.demo import documents_demo_load
from puentes.partnerships.demo import partnerships_demo_load
from puentes.people.models import Membership, NetworkRole, Person, User
from puentes.places.models import Organisation
from puentes.plans.demo import plans_demo_load
from puentes.recruitment.demo import recruitment_demo_load
from puentes.reports.demo import reports_demo_load
from puentes.workshops.demo import workshops_demo_load

from .models import Network, Theme
from .services import call_ensure, network_ensure, theme_ensure

# Shared by every demo account; printed by `puentes demo`. Never used outside the demo.
DEMO_PASSWORD = "puentes-demo-2024"
# The coordinator's TOTP secret (base32), fixed so a newcomer can add it to an
# authenticator app once; `puentes totp_code <email>` prints the current code.
DEMO_TOTP_SECRET = "RQDDCPH6JHEYYKC4UO2PWBZVIHV3ND6T"
DEMO_EMAIL_DOMAIN = "demo.puentes.test"
NETWORK_SLUG = "gender-equality-2024-2026"
CALL_SLUG = "call-2024"

NETWORK_NAMES = {
    "sv": "Jämställdhetsnätverket Sverige–Latinamerika 2024–2026",
    "es": "Red de igualdad de género Suecia–América Latina 2024–2026",
    "en": "Gender Equality Network Sweden–Latin America 2024–2026",
}
NETWORK_DESCRIPTIONS = {
    "sv": (
        "I nätverket arbetar svenska kommuner och regioner i partnerskap med kommuner i "
        "Guatemala och Colombia. Varje partnerskap väljer en jämställdhetsutmaning som båda "
        "parter tar sig an i sin egen kommun – till exempel kvinnors politiska deltagande, "
        "mäns våld mot kvinnor eller lika tillgång till utbildning och hälsa – och lär av "
        "varandras erfarenheter.\n\n"
        "Under treårsperioden 2024–2026 möts tjänstepersoner och förtroendevalda på "
        "gemensamma workshoppar i Latinamerika och i Sverige, planerar aktiviteter "
        "tillsammans och rapporterar löpande hur arbetet går. Nätverkets sekretariat "
        "samordnar utlysningar, matchning av partner och uppföljning."
    ),
    "es": (
        "En esta red, municipios y regiones de Suecia trabajan en alianza con municipios de "
        "Guatemala y Colombia. Cada alianza municipal elige un desafío de igualdad de género "
        "que ambas partes abordan en su propio municipio —por ejemplo, la participación "
        "política de las mujeres, la violencia basada en género o el acceso igualitario a la "
        "educación y la salud— y cada una aprende de la experiencia de la otra.\n\n"
        "Durante el período 2024–2026, funcionarias, funcionarios y autoridades electas se "
        "reúnen en talleres conjuntos en América Latina y en Suecia, planifican actividades "
        "juntos e informan periódicamente sobre sus avances. La secretaría de la red coordina "
        "las convocatorias, la búsqueda de socios y el seguimiento."
    ),
    "en": (
        "In this network, Swedish municipalities and regions work in partnership with "
        "municipalities in Guatemala and Colombia. Each partnership chooses a gender-equality "
        "challenge that both partners take on in their own municipality – such as women's "
        "political participation, gender-based violence or equal access to education and "
        "health – and each learns from the other's experience.\n\n"
        "Over the three years 2024–2026, officials and elected politicians meet at joint "
        "workshops in Latin America and in Sweden, plan activities together and report "
        "regularly on their progress. The network's secretariat coordinates the calls, the "
        "matching of partners and the follow-up."
    ),
}
THEMES = (
    (
        "political-participation",
        {
            "sv": "Kvinnors politiska representation och deltagande",
            "es": "Representación y participación política de las mujeres",
            "en": "Women's political representation and participation",
        },
    ),
    (
        "gender-based-violence",
        {
            "sv": "Mäns våld mot kvinnor och könsrelaterat våld",
            "es": "Violencia basada en género",
            "en": "Gender-based violence",
        },
    ),
    (
        "economic-empowerment",
        {
            "sv": "Kvinnors ekonomiska egenmakt",
            "es": "Empoderamiento económico de las mujeres",
            "en": "Women's economic empowerment",
        },
    ),
    (
        "education-and-health",
        {
            "sv": "Lika tillgång till utbildning och hälsa",
            "es": "Acceso igualitario a la educación y la salud",
            "en": "Equal access to education and health",
        },
    ),
)
PERSPECTIVES = (
    (
        "indigenous-inclusion",
        {
            "sv": "Urfolks inkludering (Guatemala)",
            "es": "Inclusión de los pueblos indígenas (Guatemala)",
            "en": "Inclusion of indigenous peoples (Guatemala)",
        },
    ),
    (
        "women-peacebuilders",
        {
            "sv": "Kvinnor som fredsbyggare och våldsförebyggande arbete (Colombia)",
            "es": "Las mujeres como constructoras de paz y la prevención de la violencia "
            "(Colombia)",
            "en": "Women as peacebuilders and violence prevention (Colombia)",
        },
    ),
    (
        "citizen-dialogue",
        {
            "sv": "Medborgardialog och civilsamhälle",
            "es": "Diálogo ciudadano y sociedad civil",
            "en": "Citizen dialogue and civil society",
        },
    ),
)
CALL_TITLES = {
    "sv": "Utlysning 2024: gå med i jämställdhetsnätverket",
    "es": "Convocatoria 2024: súmese a la red de igualdad de género",
    "en": "Call 2024: join the gender equality network",
}
CALL_DESCRIPTIONS = {
    "sv": (
        "Svenska kommuner och regioner inbjuds att lämna en intresseanmälan för att delta i "
        "nätverket under 2024–2026. Den som antas bildar ett partnerskap med en kommun i "
        "Guatemala eller Colombia och arbetar med en gemensam jämställdhetsutmaning.\n\n"
        "Intresseanmälan lämnas av minst en tjänsteperson och en förtroendevald. Under 2024 "
        "deltar varje partnerskap i minst en workshop i Latinamerika och minst en workshop "
        "i Sverige."
    ),
    "es": (
        "Se invita a municipios y regiones de Suecia a presentar una manifestación de interés "
        "para participar en la red durante 2024–2026. Los municipios de Guatemala y Colombia "
        "que buscan un socio sueco publican en esta convocatoria su desafío de igualdad de "
        "género.\n\n"
        "Cada alianza municipal participa en 2024 en al menos un taller en América Latina y al "
        "menos un taller en Suecia, con funcionarias, funcionarios y autoridades electas de "
        "ambos municipios."
    ),
    "en": (
        "Swedish municipalities and regions are invited to submit an expression of interest "
        "in taking part in the network during 2024–2026. Municipalities in Guatemala and "
        "Colombia seeking a Swedish partner publish their gender-equality challenge in this "
        "call.\n\n"
        "An expression of interest names at least one official and one elected politician. "
        "During 2024 each partnership takes part in at least one workshop in Latin America "
        "and at least one workshop in Sweden."
    ),
}


@dataclass(frozen=True)
class DemoAccount:
    """A demo login and the person behind it."""

    local_part: str
    name: str
    role: str
    title: str
    languages: tuple[str, ...]
    preferred_language: str
    organisation: tuple[str, str] | None = None  # (country code, official code)
    network_role: str | None = None
    has_totp: bool = False

    @property
    def email(self) -> str:
        return f"{self.local_part}@{DEMO_EMAIL_DOMAIN}"


ACCOUNTS = (
    DemoAccount(
        "coordinator",
        "Demo: Karin Lindqvist",
        Person.Role.OFFICIAL,
        "Nätverkssamordnare",
        ("sv", "en", "es"),
        "sv",
        network_role=NetworkRole.Role.COORDINATOR,
        has_totp=True,
    ),
    DemoAccount(
        "lessebo",
        "Demo: Anna Berg",
        Person.Role.OFFICIAL,
        "Jämställdhetsstrateg",
        ("sv", "en"),
        "sv",
        organisation=("SE", "0761"),
    ),
    DemoAccount(
        "boras",
        "Demo: Erik Johansson",
        Person.Role.POLITICIAN,
        "Kommunalråd",
        ("sv", "en"),
        "sv",
        organisation=("SE", "1490"),
    ),
    DemoAccount(
        "totonicapan",
        "Demo: María Tzul",
        Person.Role.OFFICIAL,
        "Directora Municipal de la Mujer",
        ("es",),
        "es",
        organisation=("GT", "0801"),
    ),
    DemoAccount(
        "popayan",
        "Demo: Carlos Muñoz",
        Person.Role.POLITICIAN,
        "Concejal municipal",
        ("es", "en"),
        "es",
        organisation=("CO", "19001"),
    ),
    DemoAccount(
        "mentor",
        "Demo: Lena Holm",
        Person.Role.OFFICIAL,
        "Jämställdhetsstrateg och mentor",
        ("sv", "es", "en"),
        "sv",
        organisation=("SE", "2480"),
        network_role=NetworkRole.Role.MENTOR,
    ),
)


class ReferenceDataMissing(Exception):
    """The municipalities the demo needs are not in the database."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(", ".join(missing))


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    organisation: str
    created: bool
    has_totp: bool


@dataclass
class DemoResult:
    network: Network
    # How many rows of each kind ("networks", "themes", "calls", "accounts") were created.
    created: Counter = field(default_factory=Counter)
    logins: list[DemoLogin] = field(default_factory=list)


def demo_load(*, now: datetime.datetime | None = None) -> DemoResult:
    """Create whatever of the demo network and its accounts is missing, in one transaction."""
    now = now or timezone.now()
    organisations = _demo_organisations()
    with transaction.atomic():
        network, created = network_ensure(slug=NETWORK_SLUG, defaults=_network_defaults())
        result = DemoResult(network=network)
        result.created["networks"] += created
        result.created["themes"] += _ensure_themes(network)
        _, created = call_ensure(network=network, slug=CALL_SLUG, defaults=_call_defaults())
        result.created["calls"] += created
        # Hashing is slow on purpose: do it once, and only if an account is created.
        password_hash = functools.cache(lambda: make_password(DEMO_PASSWORD))
        for account in ACCOUNTS:
            organisation = organisations.get(account.organisation)
            login = _ensure_account(account, network, organisation, password_hash)
            result.created["accounts"] += login.created
            result.logins.append(login)
        result.created.update(recruitment_demo_load(now=now))
        result.created.update(partnerships_demo_load(now=now))
        result.created.update(plans_demo_load(now=now))
        result.created.update(documents_demo_load(now=now))
        result.created.update(workshops_demo_load(now=now))
        result.created.update(reports_demo_load(now=now))
    return result


def _demo_organisations() -> dict[tuple[str, str], Organisation]:
    wanted = {account.organisation for account in ACCOUNTS if account.organisation}
    query = Q()
    for country_code, code in wanted:
        query |= Q(country__code=country_code, code=code)
    found = {
        (org.country.code, org.code): org
        for org in Organisation.objects.filter(query).select_related("country")
    }
    missing = sorted(f"{country}:{code}" for country, code in wanted - found.keys())
    if missing:
        raise ReferenceDataMissing(missing)
    return found


def _network_defaults() -> dict:
    return {
        "names": dict(NETWORK_NAMES),
        "descriptions": dict(NETWORK_DESCRIPTIONS),
        "start_date": datetime.date(2024, 1, 1),
        "end_date": datetime.date(2026, 12, 31),
        "contact_email": "partnership@icld.se",
        "is_published": True,
        "is_demo": True,
    }


def _call_defaults() -> dict:
    return {
        "titles": dict(CALL_TITLES),
        "descriptions": dict(CALL_DESCRIPTIONS),
        "open_date": datetime.date(2023, 9, 1),
        "close_date": datetime.date(2023, 11, 30),
        "rule_year": 2024,
        "rule_min_latin_america": 1,
        "rule_min_sweden": 1,
        "is_demo": True,
    }


def _ensure_themes(network: Network) -> int:
    created_count = 0
    for kind, themes in ((Theme.Kind.THEME, THEMES), (Theme.Kind.PERSPECTIVE, PERSPECTIVES)):
        for position, (slug, names) in enumerate(themes, start=1):
            _, created = theme_ensure(
                network=network,
                slug=slug,
                defaults={"kind": kind, "names": dict(names), "position": position},
            )
            created_count += created
    return created_count


def _ensure_account(account, network, organisation, password_hash) -> DemoLogin:
    user, created = User.objects.get_or_create(
        email=account.email, defaults={"password": password_hash}
    )
    if created:
        _verify_email_and_totp(user, account)
    person, _ = Person.objects.get_or_create(
        user=user,
        defaults={
            "name": account.name,
            "email": account.email,
            "role": account.role,
            "title": account.title,
            "languages": list(account.languages),
            "preferred_language": account.preferred_language,
            "is_demo": True,
        },
    )
    if organisation is not None:
        Membership.objects.get_or_create(
            person=person, organisation=organisation, defaults={"position": account.title}
        )
    if account.network_role:
        NetworkRole.objects.get_or_create(person=person, network=network, role=account.network_role)
    return DemoLogin(
        email=account.email,
        role=_role_label(account),
        organisation=organisation.name if organisation else "",
        created=created,
        has_totp=account.has_totp,
    )


def _verify_email_and_totp(user, account: DemoAccount) -> None:
    # Only for a new account: an existing one may have changed its address or its TOTP.
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if account.has_totp:
        TOTP.activate(user, DEMO_TOTP_SECRET)


def _role_label(account: DemoAccount) -> str:
    if account.network_role:
        return str(NetworkRole.Role(account.network_role).label)
    return str(Person.Role(account.role).label)
