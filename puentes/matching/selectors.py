"""Reads of the matching board: a call's candidates turned into the engine's plain input, and
the engine's answer with the records behind it.

The same handful of queries whatever the number of candidates: every relation the engine needs
is fetched in bulk.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from puentes.networks.models import Call
from puentes.partnerships.models import Partnership
from puentes.recruitment.models import Interest, InterestContact, SeekingProfile

from . import engine
from .models import MatchConstraint, MatchSettings


@dataclass
class Candidates:
    """A call's unpaired candidates and the coordinator's rulings, by primary key."""

    call: Call
    interests: dict[int, Interest] = field(default_factory=dict)
    profiles: dict[int, SeekingProfile] = field(default_factory=dict)
    constraints: list[MatchConstraint] = field(default_factory=list)
    settings: MatchSettings | None = None
    preferred: dict[int, list[int]] = field(default_factory=dict)
    # Partnerships the call already has, per Latin American country (for the balance).
    partnered_per_country: dict[str, int] = field(default_factory=dict)


@dataclass
class Board:
    """The engine's answer for a call, with the records its ids stand for.

    `problem` is the engine's objection to the rulings or the balance, if it had one: the
    board then shows it and the proposal made without what it objected to."""

    candidates: Candidates
    result: engine.MatchResult
    balance: dict[str, int]
    problem: engine.InfeasibleConstraints | None = None
    stale_constraints: list[MatchConstraint] = field(default_factory=list)


def matching_call(network_slug: str, call_slug: str) -> Call:
    return Call.objects.select_related("network").get(network__slug=network_slug, slug=call_slug)


def _interests(call: Call, paired_org_ids: set[int]) -> dict[int, Interest]:
    contacts = InterestContact.objects.select_related("person").order_by("position")
    interests = (
        Interest.objects.filter(
            call=call, status=Interest.Status.ACCEPTED, partnership__isnull=True
        )
        .exclude(organisation_id__in=paired_org_ids)
        .select_related("organisation__country")
        .prefetch_related("themes", Prefetch("contacts", queryset=contacts))
        .order_by("organisation__name", "pk")
    )
    return {interest.pk: interest for interest in interests}


def _profiles(call: Call, paired_org_ids: set[int]) -> dict[int, SeekingProfile]:
    profiles = (
        SeekingProfile.objects.filter(
            call=call, status=SeekingProfile.Status.APPROVED, partnership__isnull=True
        )
        .exclude(organisation_id__in=paired_org_ids)
        .select_related("organisation__country", "contact")
        .prefetch_related("themes")
        .order_by("organisation__name", "pk")
    )
    return {profile.pk: profile for profile in profiles}


def _preferences(interest_ids) -> dict[int, list[int]]:
    """Each interest's preferred profiles, in the order they were named."""
    links = (
        Interest.preferred_profiles.through.objects.filter(interest_id__in=interest_ids)
        .order_by("pk")
        .values_list("interest_id", "seekingprofile_id")
    )
    preferred: dict[int, list[int]] = {}
    for interest_id, profile_id in links:
        preferred.setdefault(interest_id, []).append(profile_id)
    return preferred


def call_candidates(call: Call) -> Candidates:
    """The accepted interests and published profiles of the call that have no partnership."""
    partnerships = list(
        Partnership.objects.filter(call=call).values_list(
            "swedish_organisation_id", "latin_organisation_id", "latin_organisation__country__code"
        )
    )
    swedish_paired = {swedish for swedish, _latin, _country in partnerships}
    latin_paired = {latin for _swedish, latin, _country in partnerships}
    interests = _interests(call, swedish_paired)
    return Candidates(
        call=call,
        interests=interests,
        profiles=_profiles(call, latin_paired),
        constraints=list(MatchConstraint.objects.for_call(call)),
        settings=MatchSettings.objects.filter(call=call).first(),
        preferred=_preferences(list(interests)),
        partnered_per_country=dict(Counter(country for _s, _l, country in partnerships)),
    )


def _languages(people) -> dict[str, int]:
    """How many people of a team speak each language."""
    counts = Counter()
    for person in people:
        counts.update({code.strip().lower() for code in person.languages or [] if code})
    return dict(counts)


def swedish_candidate(interest: Interest, preferred: list[int]) -> engine.SwedishCandidate:
    return engine.SwedishCandidate(
        id=interest.pk,
        themes=frozenset(theme.slug for theme in interest.themes.all()),
        preferred_country=interest.preferred_country or None,
        preferred_partners=tuple(preferred),
        languages=_languages(link.person for link in interest.contacts.all()),
        kind=interest.organisation.kind,
    )


def latin_candidate(profile: SeekingProfile) -> engine.LatinCandidate:
    return engine.LatinCandidate(
        id=profile.pk,
        country=profile.organisation.country.code,
        themes=frozenset(theme.slug for theme in profile.themes.all()),
        languages=_languages([profile.contact] if profile.contact_id else []),
        kind=profile.organisation.kind,
    )


def engine_constraints(candidates: Candidates) -> tuple[engine.Constraints, list]:
    """The rulings on pairs still in play, and the rulings that no longer apply (one of the
    two was paired, withdrawn or declined since)."""
    must, never, stale = set(), set(), []
    for ruling in candidates.constraints:
        pair = (ruling.interest_id, ruling.seeking_profile_id)
        if pair[0] not in candidates.interests or pair[1] not in candidates.profiles:
            stale.append(ruling)
        elif ruling.kind == MatchConstraint.Kind.MUST:
            must.add(pair)
        else:
            never.add(pair)
    return engine.Constraints(must_pair=frozenset(must), never_pair=frozenset(never)), stale


def remaining_balance(candidates: Candidates) -> dict[str, int]:
    """The call's balance target less the partnerships it already has, per country."""
    target = candidates.settings.balance if candidates.settings else {}
    done = candidates.partnered_per_country
    return {code: max(0, int(n) - done.get(code, 0)) for code, n in target.items()}


def weights_for(candidates: Candidates) -> engine.Weights:
    stored = candidates.settings.weights if candidates.settings else {}
    try:
        return engine.Weights.from_mapping(stored or {})
    except (TypeError, ValueError):
        # Weights mistyped in the admin: match with the documented defaults rather than fail.
        return engine.Weights()


def matching_board(call: Call, *, alternatives: int = 3) -> Board:
    """Run the engine on the call's candidates and rulings."""
    candidates = call_candidates(call)
    swedish = [
        swedish_candidate(interest, candidates.preferred.get(pk, []))
        for pk, interest in candidates.interests.items()
    ]
    latin = [latin_candidate(profile) for profile in candidates.profiles.values()]
    constraints, stale = engine_constraints(candidates)
    balance = remaining_balance(candidates)
    weights = weights_for(candidates)
    options = {"weights": weights, "alternatives": alternatives}
    try:
        result = engine.match(swedish, latin, constraints=constraints, balance=balance, **options)
        problem = None
    except engine.InfeasibleConstraints as exc:
        # Show what is wrong and a proposal without the rulings and the balance.
        problem = exc
        never_only = engine.Constraints(never_pair=constraints.never_pair)
        result = engine.match(swedish, latin, constraints=never_only, **options)
    return Board(candidates, result, balance, problem, stale)
