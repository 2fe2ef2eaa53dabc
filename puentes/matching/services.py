"""Changes of state on the matching board: the coordinator's rulings on pairs (must pair,
never pair) and a call's balance between Guatemala and Colombia.

Confirming a pair ends in puentes.partnerships.services.partnership_create, with the score
and reasons the engine gives the pair at that moment.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from puentes.partnerships.services import partnership_create
from puentes.recruitment.models import Interest, SeekingProfile

from . import explain, reasons, selectors
from .models import MatchConstraint, MatchSettings

BALANCE_COUNTRIES = ("GT", "CO")


class MatchingError(Exception):
    """A rule of matching refused the change; `message` is translated for the user."""

    message = _("This change is not allowed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotACandidate(MatchingError):
    message = _(
        "Only accepted expressions of interest and published partner-seeking profiles "
        "of this call can be paired."
    )


class PairAlreadyRuled(MatchingError):
    message = _("There is already a rule for this pair. Remove it first to change it.")


class MustPairTaken(MatchingError):
    """A must-pair for one of the two sides already names someone else."""

    message = _(
        "One of the two municipalities must already be paired with another one. "
        "Remove that rule first."
    )


class PairUnavailable(MatchingError):
    """The board was out of date: one of the two is paired, withdrawn or declined by now."""

    message = _(
        "This pair can no longer be confirmed: one of the two municipalities has a partner "
        "by now or is no longer a candidate. Nothing was changed; here is the new proposal."
    )


class PairRuledOut(MatchingError):
    message = _("This pair must never be paired. Remove that rule first to confirm it.")


def _check_candidates(*, call, interest: Interest, profile: SeekingProfile) -> None:
    if interest.call_id != call.pk or interest.status != Interest.Status.ACCEPTED:
        raise NotACandidate
    if profile.call_id != call.pk or profile.status != SeekingProfile.Status.APPROVED:
        raise NotACandidate


@transaction.atomic
def constraint_add(
    *, call, interest: Interest, profile: SeekingProfile, kind: str, by
) -> MatchConstraint:
    """Record that the pair must, or must never, be proposed when the call is matched."""
    _check_candidates(call=call, interest=interest, profile=profile)
    rulings = MatchConstraint.objects.select_for_update().filter(call=call)
    if rulings.filter(interest=interest, seeking_profile=profile).exists():
        raise PairAlreadyRuled
    if kind == MatchConstraint.Kind.MUST and (
        rulings.filter(kind=MatchConstraint.Kind.MUST)
        .filter(Q(interest=interest) | Q(seeking_profile=profile))
        .exists()
    ):
        raise MustPairTaken
    try:
        with transaction.atomic():
            return MatchConstraint.objects.create(
                call=call,
                interest=interest,
                seeking_profile=profile,
                kind=kind,
                created_by=by,
            )
    except IntegrityError as exc:
        # Another coordinator ruled on the same pair meanwhile.
        raise PairAlreadyRuled from exc


@transaction.atomic
def constraint_remove(*, constraint: MatchConstraint, by) -> None:
    """Forget a ruling; the next run of the engine no longer sees it."""
    MatchConstraint.objects.filter(pk=constraint.pk).delete()


@transaction.atomic
def balance_set(*, call, balance: dict[str, int], by) -> MatchSettings:
    """Set how many partnerships the call wants per Latin American country ({} for none)."""
    cleaned = {
        code: int(n) for code, n in balance.items() if code in BALANCE_COUNTRIES and n is not None
    }
    if any(n < 0 for n in cleaned.values()):
        raise MatchingError(_("A number of partnerships cannot be negative."))
    settings, _created = MatchSettings.objects.select_for_update().get_or_create(call=call)
    settings.balance = cleaned
    settings.save(update_fields=["balance", "updated_at"])
    return settings


def pair_confirm(*, call, interest_id: int, profile_id: int, by, now):
    """Make a partnership of a pair that is still available, scored and explained as the
    engine sees it now; partnership_create tells both sides by mail."""
    candidates = selectors.call_candidates(call)
    interest = candidates.interests.get(interest_id)
    profile = candidates.profiles.get(profile_id)
    if interest is None or profile is None:
        raise PairUnavailable
    if any(
        ruling.kind == MatchConstraint.Kind.NEVER
        and (ruling.interest_id, ruling.seeking_profile_id) == (interest_id, profile_id)
        for ruling in candidates.constraints
    ):
        raise PairRuledOut
    parts = reasons.pair_parts(
        selectors.swedish_candidate(interest, candidates.preferred.get(interest_id, [])),
        selectors.latin_candidate(profile),
        selectors.weights_for(candidates),
    )
    return partnership_create(
        call=call,
        interest=interest,
        profile=profile,
        by=by,
        now=now,
        score=sum(part.points for part in parts),
        reasons=explain.stored_parts(parts),
    )
