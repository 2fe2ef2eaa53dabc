"""What each export holds: its stable English column names and its rows for a scope (a
network, or one call of it). docs/exports.md describes every column.

Rows are read with `.iterator(chunk_size=CHUNK)`: memory stays flat however many rows there
are, and the number of queries is constant for up to CHUNK rows (each further chunk costs
its prefetch queries again, a few per thousand rows). Only what a coordinator needs to
follow the network up is exported: no e-mail addresses, phone numbers, dietary or
accessibility needs or passport data.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from puentes.networks.models import Call, Network, ReportingPeriod
from puentes.partnerships.models import Partnership
from puentes.plans.models import Indicator, IndicatorValue
from puentes.recruitment.models import Interest
from puentes.workshops.models import Registration

CHUNK = 2000
LIST_SEPARATOR = "|"  # between the slugs of a cell that lists several themes


@dataclass(frozen=True)
class Scope:
    """Which records an export covers: a network's, or only one call's."""

    network: Network
    call: Call | None = None

    def filter(self, prefix: str) -> Q:
        """The records under `prefix` (the lookup to their call) that fall in the scope."""
        if self.call is not None:
            return Q(**{prefix: self.call})
        return Q(**{f"{prefix}__network": self.network})

    @property
    def slug(self) -> str:
        return f"{self.network.slug}_{self.call.slug}" if self.call else self.network.slug


@dataclass(frozen=True)
class Table:
    slug: str
    title: Promise
    header: list[str]
    rows: Callable[[Scope], Iterable[list]]


def _slugs(themes) -> str:
    return LIST_SEPARATOR.join(theme.slug for theme in themes)


def _original(texts: dict, language: str) -> str:
    """A text people wrote, in its original language (or the first it has)."""
    return texts.get(language) or next(iter(texts.values()), "")


INTEREST_HEADER = [
    "id",
    "network",
    "call",
    "organisation_code",
    "organisation",
    "country",
    "status",
    "submitted_at",
    "themes",
    "preferred_country",
    "workshop_commitment",
]


def interest_rows(scope: Scope):
    interests = (
        Interest.objects.filter(scope.filter("call"))
        .exclude(status=Interest.Status.DRAFT)
        .select_related("call__network", "organisation__country")
        .prefetch_related("themes")
        .order_by("call_id", "pk")
    )
    for interest in interests.iterator(chunk_size=CHUNK):
        organisation = interest.organisation
        yield [
            interest.pk,
            interest.call.network.slug,
            interest.call.slug,
            organisation.code,
            organisation.name,
            organisation.country.code,
            interest.status,
            interest.submitted_at,
            _slugs(interest.themes.all()),
            interest.preferred_country,
            interest.workshop_commitment,
        ]


PARTNERSHIP_HEADER = [
    "id",
    "network",
    "call",
    "swedish_organisation_code",
    "swedish_organisation",
    "latin_organisation_code",
    "latin_organisation",
    "latin_country",
    "phase",
    "themes",
    "confirmed_at",
]


def partnership_rows(scope: Scope):
    partnerships = (
        Partnership.objects.filter(scope.filter("call"))
        .select_related("call__network", "swedish_organisation", "latin_organisation__country")
        .prefetch_related("themes")
        .order_by("call_id", "pk")
    )
    for partnership in partnerships.iterator(chunk_size=CHUNK):
        swedish, latin = partnership.swedish_organisation, partnership.latin_organisation
        yield [
            partnership.pk,
            partnership.call.network.slug,
            partnership.call.slug,
            swedish.code,
            swedish.name,
            latin.code,
            latin.name,
            latin.country.code,
            partnership.phase,
            _slugs(partnership.themes.all()),
            partnership.confirmed_at,
        ]


REGISTRATION_HEADER = [
    "id",
    "network",
    "call",
    "workshop_id",
    "workshop",
    "workshop_start_at",
    "person_id",
    "person_name",
    "person_role",
    "organisation_code",
    "organisation",
    "partnership_id",
    "status",
    "registered_at",
    "status_changed_at",
    "arrival_date",
    "departure_date",
    "needs_visa_letter",
    "interpretation_language",
]


def registration_rows(scope: Scope):
    registrations = (
        Registration.objects.filter(scope.filter("workshop__call"))
        .select_related("workshop__call__network", "person", "organisation")
        .order_by("workshop__call_id", "workshop__start_at", "workshop_id", "pk")
    )
    for registration in registrations.iterator(chunk_size=CHUNK):
        workshop, organisation = registration.workshop, registration.organisation
        yield [
            registration.pk,
            workshop.call.network.slug,
            workshop.call.slug,
            workshop.pk,
            workshop.slug,
            workshop.start_at,
            registration.person_id,
            registration.person.name,
            registration.person.role,
            organisation.code if organisation else None,
            organisation.name if organisation else None,
            registration.partnership_id,
            registration.status,
            registration.registered_at,
            registration.status_changed_at,
            registration.arrival_date,
            registration.departure_date,
            registration.needs_visa_letter,
            registration.interpretation_language,
        ]


INDICATOR_VALUE_HEADER = [
    "network",
    "call",
    "partnership_id",
    "swedish_organisation",
    "latin_organisation",
    "indicator_id",
    "indicator",
    "counts_people",
    "period_id",
    "period_start_date",
    "period_end_date",
    "version",
    "value",
    "women",
    "men",
    "other",
]
# What an import reads; the other columns are there for people to know what a row is.
INDICATOR_VALUE_INPUT = ["indicator_id", "period_id", "version", "value", "women", "men", "other"]

OUTCOME_PARTNERSHIP = "outcome__plan__partnership"
OUTPUT_PARTNERSHIP = "output__outcome__plan__partnership"


def indicators_in(scope: Scope):
    """The indicators of the scope's partnerships, whether they measure an outcome or an
    output, each with the partnership it belongs to at hand."""
    return Indicator.objects.filter(
        scope.filter(f"{OUTCOME_PARTNERSHIP}__call") | scope.filter(f"{OUTPUT_PARTNERSHIP}__call")
    ).select_related(
        *(
            f"{path}__{leaf}"
            for path in (OUTCOME_PARTNERSHIP, OUTPUT_PARTNERSHIP)
            for leaf in ("call__network", "swedish_organisation", "latin_organisation")
        )
    )


def partnership_of(indicator: Indicator) -> Partnership:
    """The partnership of an indicator read through indicators_in (no query)."""
    if indicator.outcome_id is not None:
        return indicator.outcome.plan.partnership
    return indicator.output.outcome.plan.partnership


def periods_by_call(scope: Scope) -> dict[int, list[ReportingPeriod]]:
    periods: dict[int, list[ReportingPeriod]] = {}
    for period in ReportingPeriod.objects.filter(scope.filter("call")).order_by("start_date"):
        periods.setdefault(period.call_id, []).append(period)
    return periods


def indicator_value_rows(scope: Scope):
    """One row per indicator and reporting period of its partnership's call, recorded or
    not: an empty row (version 0) is where a value can be filled in and imported."""
    periods = periods_by_call(scope)
    indicators = (
        indicators_in(scope)
        .prefetch_related(Prefetch("values", IndicatorValue.objects.all(), to_attr="value_list"))
        .order_by("pk")
    )
    for indicator in indicators.iterator(chunk_size=CHUNK):
        partnership = partnership_of(indicator)
        values = {value.period_id: value for value in indicator.value_list}
        for period in periods.get(partnership.call_id, []):
            value = values.get(period.pk)
            yield [
                partnership.call.network.slug,
                partnership.call.slug,
                partnership.pk,
                partnership.swedish_organisation.name,
                partnership.latin_organisation.name,
                indicator.pk,
                _original(indicator.texts, indicator.language),
                indicator.counts_people,
                period.pk,
                period.start_date,
                period.end_date,
                value.version if value else 0,
                *(
                    (value.value, value.women, value.men, value.other)
                    if value
                    else (None, None, None, None)
                ),
            ]


TABLES = {
    table.slug: table
    for table in (
        Table("interests", _("Expressions of interest"), INTEREST_HEADER, interest_rows),
        Table("partnerships", _("Partnerships"), PARTNERSHIP_HEADER, partnership_rows),
        Table("registrations", _("Workshop registrations"), REGISTRATION_HEADER, registration_rows),
        Table(
            "indicator-values",
            _("Indicator values"),
            INDICATOR_VALUE_HEADER,
            indicator_value_rows,
        ),
    )
}
