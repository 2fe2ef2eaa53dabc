"""The call's participation rule, as plain data in and out (no Django here).

A call asks each partnership, and each Swedish member organisation, to take part during one
year in at least so many workshops held in Latin America and so many held in Sweden. What
counts is attendance; a registration for a workshop still to come is shown as planned. One
workshop counts once, however many people of the party went. Online workshops count for
neither place.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Region(StrEnum):
    LATIN_AMERICA = "latin_america"
    SWEDEN = "sweden"
    ONLINE = "online"


class Kind(StrEnum):
    ATTENDED = "attended"
    PLANNED = "planned"


@dataclass(frozen=True)
class Rule:
    year: int
    min_latin_america: int
    min_sweden: int


@dataclass(frozen=True)
class Participation:
    """One person's part in one workshop: attended it, or registered for it to come."""

    workshop_id: int
    region: Region
    year: int  # the year of the workshop's start, in its own local time
    kind: Kind


@dataclass(frozen=True)
class Place:
    """How a party stands in one of the two places."""

    required: int
    attended: int
    planned: int

    @property
    def missing(self) -> int:
        """Workshops still to attend here, not counting the planned ones."""
        return max(self.required - self.attended, 0)

    @property
    def met(self) -> bool:
        return self.missing == 0

    @property
    def met_if_planned_held(self) -> bool:
        return self.attended + self.planned >= self.required


@dataclass(frozen=True)
class Status:
    rule: Rule
    latin_america: Place
    sweden: Place

    @property
    def met(self) -> bool:
        return self.latin_america.met and self.sweden.met

    @property
    def met_if_planned_held(self) -> bool:
        return self.latin_america.met_if_planned_held and self.sweden.met_if_planned_held


def rule_status(rule: Rule, participations: Iterable[Participation]) -> Status:
    """How a party (a partnership, an organisation) stands against `rule`."""
    attended = {Region.LATIN_AMERICA: set(), Region.SWEDEN: set()}
    planned = {Region.LATIN_AMERICA: set(), Region.SWEDEN: set()}
    for part in participations:
        if part.year != rule.year or part.region not in attended:
            continue
        (attended if part.kind == Kind.ATTENDED else planned)[part.region].add(part.workshop_id)
    for region in planned:
        # A workshop someone attended is not also planned because a colleague registered.
        planned[region] -= attended[region]

    def place(region, required):
        return Place(
            required=required, attended=len(attended[region]), planned=len(planned[region])
        )

    return Status(
        rule=rule,
        latin_america=place(Region.LATIN_AMERICA, rule.min_latin_america),
        sweden=place(Region.SWEDEN, rule.min_sweden),
    )
