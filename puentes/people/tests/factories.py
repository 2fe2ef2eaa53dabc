"""factory_boy factories for accounts, people, memberships and network roles.

Organisations are real local governments with their official codes. If the reference data is
loaded (``puentes load_reference_data`` or ``puentes.places.testing``), the factory returns
those rows; otherwise it creates the same rows, with just enough of their country and area.
"""

from typing import NamedTuple

import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from puentes.networks.tests.factories import NetworkFactory
from puentes.people.models import Membership, NetworkRole, Person, User
from puentes.places.models import Area, Country, Organisation

# Meets every password validator in settings (length, not common, not numeric).
DEFAULT_PASSWORD = "correct-horse-battery-staple"


class RealOrganisation(NamedTuple):
    code: str
    name: str
    area_code: str
    area_name: str
    area_kind: str
    lat: str
    lon: str


# Rows of the reference CSVs (shared/data): SCB, INE Guatemala and DANE DIVIPOLA codes.
# country | code | name | area code | area name | area kind | lat | lon
_REFERENCE_ROWS = """
SE|0180|Stockholm|01|Stockholms län|county|59.30622|18.01996
SE|1480|Göteborg|14|Västra Götalands län|county|57.74411|11.97943
SE|1280|Malmö|12|Skåne län|county|55.56544|13.02602
SE|0380|Uppsala|03|Uppsala län|county|59.94499|17.70975
GT|0101|Guatemala|01|Guatemala|department|14.63543|-90.47942
GT|1601|Cobán|16|Alta Verapaz|department|15.71079|-90.54028
CO|05001|Medellín|05|Antioquia|department|6.246631|-75.581775
CO|11001|Bogotá, D.C.|11|Bogotá, D.C.|capital_district|4.649251|-74.106992
"""
REAL_ORGANISATIONS: dict[str, list[RealOrganisation]] = {}
for _row in _REFERENCE_ROWS.strip().splitlines():
    _country, *_fields = _row.split("|")
    REAL_ORGANISATIONS.setdefault(_country, []).append(RealOrganisation(*_fields))

# country | names | time zone | world region
COUNTRIES = {
    "SE": ({"sv": "Sverige", "es": "Suecia", "en": "Sweden"}, "Europe/Stockholm", "sweden"),
    "GT": (
        {"sv": "Guatemala", "es": "Guatemala", "en": "Guatemala"},
        "America/Guatemala",
        "latin_america",
    ),
    "CO": (
        {"sv": "Colombia", "es": "Colombia", "en": "Colombia"},
        "America/Bogota",
        "latin_america",
    ),
}


def reference_country(code: str) -> Country:
    names, time_zone, region = COUNTRIES[code]
    country, _ = Country.objects.get_or_create(
        code=code, defaults={"names": names, "time_zone": time_zone, "region": region}
    )
    return country


def reference_area(country: Country, entry: RealOrganisation) -> Area:
    area, _ = Area.objects.get_or_create(
        country=country,
        code=entry.area_code,
        defaults={"name": entry.area_name, "kind": entry.area_kind},
    )
    return area


def _nth(entries: list, n: int):
    return entries[n % len(entries)]


def reference_entry(country_code: str, code: str) -> RealOrganisation:
    for entry in REAL_ORGANISATIONS[country_code]:
        if entry.code == code:
            return entry
    known = ", ".join(e.code for e in REAL_ORGANISATIONS[country_code])
    raise ValueError(f"No reference organisation {country_code} {code} here; known: {known}")


class OrganisationFactory(DjangoModelFactory):
    """A real municipality. `country_code` picks SE, GT or CO and the sequence cycles through
    that country's municipalities above; `code=` picks one of them."""

    class Meta:
        model = Organisation
        django_get_or_create = ("country", "code")

    class Params:
        country_code = "SE"
        entry = factory.LazyAttribute(lambda o: reference_entry(o.country_code, o.code))

    country = factory.LazyAttribute(lambda o: reference_country(o.country_code))
    code = factory.LazyAttributeSequence(
        lambda o, n: _nth(REAL_ORGANISATIONS[o.country_code], n).code
    )
    area = factory.LazyAttribute(lambda o: reference_area(o.country, o.entry))
    kind = Organisation.Kind.MUNICIPALITY
    name = factory.LazyAttribute(lambda o: o.entry.name)
    lat = factory.LazyAttribute(lambda o: o.entry.lat)
    lon = factory.LazyAttribute(lambda o: o.entry.lon)


class EmailAddressFactory(DjangoModelFactory):
    class Meta:
        model = EmailAddress

    user = None
    email = factory.LazyAttribute(lambda o: o.user.email)
    verified = True
    primary = True


class UserFactory(DjangoModelFactory):
    """An account that can sign in with DEFAULT_PASSWORD; `verified=False` leaves the address
    unverified, `email_address=None` gives it no allauth address at all."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        verified = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.django.Password(DEFAULT_PASSWORD)
    email_address = factory.RelatedFactory(
        EmailAddressFactory,
        factory_related_name="user",
        verified=factory.SelfAttribute("..verified"),
    )


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(
        lambda o: o.user.email if o.user else f"{o.name.lower().replace(' ', '.')}@example.org"
    )
    role = Person.Role.OFFICIAL
    languages = factory.LazyFunction(lambda: ["sv"])
    preferred_language = "sv"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    position = "Utvecklingsstrateg"


class NetworkRoleFactory(DjangoModelFactory):
    """A coordinator role by default; pass `role=NetworkRole.Role.MENTOR` for a mentor."""

    class Meta:
        model = NetworkRole

    person = factory.SubFactory(PersonFactory)
    network = factory.SubFactory(NetworkFactory)
    role = NetworkRole.Role.COORDINATOR
