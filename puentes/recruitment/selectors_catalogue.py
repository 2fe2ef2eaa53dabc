"""Reads for the public catalogue of municipalities seeking a partner, its submission form
and the coordinators' review of it.

Who may see a profile that is not published is decided in one place, `may_act_for`: a
member of the municipality, or a coordinator. Everyone else is told it does not exist (404),
so the catalogue never reveals another municipality's unpublished profile. Every list runs a
fixed number of queries, however many profiles a call has.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, Prefetch

from puentes.networks.models import Call, Theme
from puentes.people.access import acts_as_coordinator
from puentes.people.models import Membership
from puentes.places.models import Area, Country, Organisation

from .models import SeekingProfile, Transition
from .search import fold

# Municipalities of these countries seek a Swedish partner (the services check it too).
SEEKING_COUNTRIES = ("GT", "CO")
REVIEW_STATUSES = list(SeekingProfile.Status)


@dataclass(frozen=True)
class CatalogueFilters:
    """What a visitor narrows the catalogue to; empty values mean "all"."""

    country: str = ""
    area_id: int | None = None
    theme_id: int | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.country or self.area_id or self.theme_id or self.text.strip())


# --- Who may see and act --------------------------------------------------------------


def may_act_for(user, organisation) -> bool:
    """May `user` see and act for `organisation`'s unpublished profiles? Members of it and
    coordinators may; for anyone else such a profile does not exist (404, never 403)."""
    if not user.is_authenticated:
        return False
    if acts_as_coordinator(user):
        return True
    return Membership.objects.filter(person__user=user, organisation=organisation).exists()


# --- Calls and profiles ---------------------------------------------------------------


def _themes_in_order():
    return Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug"))


def catalogue_profiles(call: Call, filters: CatalogueFilters):
    """The call's published profiles that pass the filters, by municipality name."""
    profiles = SeekingProfile.objects.published().filter(call=call)
    if filters.country:
        profiles = profiles.filter(organisation__country__code=filters.country)
    if filters.area_id:
        profiles = profiles.filter(organisation__area_id=filters.area_id)
    if filters.theme_id:
        profiles = profiles.filter(themes__id=filters.theme_id)
    if filters.text.strip():
        profiles = profiles.search(filters.text)
    return (
        profiles.select_related("organisation__area", "organisation__country")
        .prefetch_related(_themes_in_order())
        .defer("search_text", "local_contexts", "decision_reason")
        .order_by("organisation__name", "pk")
    )


def catalogue_countries() -> list[Country]:
    return list(Country.objects.filter(code__in=SEEKING_COUNTRIES).order_by("code"))


def catalogue_areas(call: Call) -> list[Area]:
    """The departments that have a published profile in the call, by country and name."""
    return list(
        Area.objects.filter(
            organisations__seeking_profiles__call=call,
            organisations__seeking_profiles__status=SeekingProfile.Status.APPROVED,
        )
        .select_related("country")
        .distinct()
        .order_by("country__code", "name")
    )


def published_counts(network_id: int) -> dict[int, int]:
    """{call id: number of published profiles} for the network's calls, in one query."""
    rows = (
        SeekingProfile.objects.published()
        .filter(call__network_id=network_id)
        .order_by()
        .values("call_id")
        .annotate(count=Count("pk"))
    )
    return {row["call_id"]: row["count"] for row in rows}


def profile_for(call: Call, pk: int, user) -> SeekingProfile:
    """One profile of the call as `user` may see it: published, or their own municipality's
    (or any, for a coordinator). SeekingProfile.DoesNotExist otherwise."""
    profile = (
        SeekingProfile.objects.select_related(
            "organisation__area", "organisation__country", "contact"
        )
        .prefetch_related(_themes_in_order())
        .get(call=call, pk=pk)
    )
    if profile.status != SeekingProfile.Status.APPROVED and not may_act_for(
        user, profile.organisation
    ):
        raise SeekingProfile.DoesNotExist
    profile.call = call
    return profile


def published_profile(call: Call, pk: int) -> SeekingProfile:
    return (
        SeekingProfile.objects.published()
        .select_related("organisation__area", "organisation__country")
        .get(call=call, pk=pk)
    )


# --- Municipalities a profile may be submitted for ------------------------------------


def seeking_organisations():
    """Every Guatemalan and Colombian municipality that can join a network."""
    return (
        Organisation.objects.joinable()
        .filter(country__code__in=SEEKING_COUNTRIES)
        .select_related("country", "area")
        .order_by("country__code", "name", "code")
    )


def seeking_organisations_of(user):
    """The Guatemalan and Colombian municipalities `user` is a member of."""
    return seeking_organisations().filter(memberships__person__user=user).distinct()


def find_seeking_organisation(text: str) -> list[Organisation]:
    """Municipalities named or coded by `text`: "1601", "Cobán", "coban", or a suggestion
    as the form lists them, "Cobán — Alta Verapaz, Guatemala (1601)". Guatemalan codes have
    four digits and Colombian five, so a code alone names one municipality."""
    text = text.strip()
    code = re.search(r"\((\d{4,5})\)\s*$", text) or re.fullmatch(r"(\d{4,5})", text)
    if code:
        return list(seeking_organisations().filter(code=code.group(1)))
    wanted = fold(text.split(" — ")[0])
    if not wanted:
        return []
    rows = seeking_organisations().only("name", "other_names", "code", "country", "area")
    return [
        organisation
        for organisation in rows
        if wanted in (fold(organisation.name), fold(organisation.other_names))
    ]


# --- The coordinators' review ---------------------------------------------------------


def review_counts(call: Call) -> dict[str, int]:
    """{status: number of the call's profiles} for every status, zeros included."""
    counts = dict.fromkeys(SeekingProfile.Status.values, 0)
    rows = (
        SeekingProfile.objects.filter(call=call)
        .order_by()
        .values("status")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        counts[row["status"]] = row["count"]
    return counts


def review_profiles(call: Call, status: str = ""):
    """The call's profiles for review, oldest first (the queue's order)."""
    profiles = SeekingProfile.objects.filter(call=call)
    if status:
        profiles = profiles.filter(status=status)
    return (
        profiles.select_related("organisation__area", "organisation__country")
        .defer("search_text", "challenges", "local_contexts")
        .order_by("created_at", "pk")
    )


def review_profile(call: Call, pk: int) -> SeekingProfile:
    return (
        SeekingProfile.objects.select_related(
            "organisation__area", "organisation__country", "contact", "decided_by__person"
        )
        .prefetch_related(_themes_in_order())
        .get(call=call, pk=pk)
    )


def profile_history(profile: SeekingProfile) -> list[Transition]:
    """Every recorded step of the profile, oldest first, with who took it and the statuses'
    names (`from_label`, `to_label`)."""
    labels = dict(SeekingProfile.Status.choices)
    steps = list(profile.transitions.select_related("by__person").order_by("at", "pk"))
    for step in steps:
        step.from_label = labels.get(step.from_status, step.from_status)
        step.to_label = labels.get(step.to_status, step.to_status)
    return steps


def profiles_of(user) -> list[SeekingProfile]:
    """Every profile, in any state, of the municipalities `user` is a member of (one query)."""
    return list(
        SeekingProfile.objects.filter(organisation__memberships__person__user=user)
        .select_related("call__network", "organisation")
        .distinct()
        .order_by("-call__open_date", "organisation__name")
    )
