"""A partnership's phases, forming → inception → project → concluded, and the one service that
moves a partnership between them.

The steps allowed are data: a coordinator moves a partnership on to the next phase, or back
one step when it went on too early, saying why. Members and the mentor see the phase.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.people.access import acts_as_coordinator

from . import activity
from .models import Partnership
from .services import PartnershipError

Phase = Partnership.Phase

# phase → the phase after it / the phase before it.
FORWARD = {
    Phase.FORMING: Phase.INCEPTION,
    Phase.INCEPTION: Phase.PROJECT,
    Phase.PROJECT: Phase.CONCLUDED,
}
BACK = {later: earlier for earlier, later in FORWARD.items()}
REASON_MAX = 1000


class PhaseStepNotAllowed(PartnershipError):
    message = _(
        "A partnership moves on one phase at a time, or back one phase. Perhaps someone "
        "else changed the phase meanwhile: look at it again."
    )


class PhaseReasonMissing(PartnershipError):
    message = _("Say why the partnership goes back a phase.")


class PhaseReasonTooLong(PartnershipError):
    message = _("The reason can be at most 1000 characters long.")


class OnlyCoordinators(PartnershipError):
    message = _("Only the network's coordinators change a partnership's phase.")


def is_back_step(from_phase: str, to_phase: str) -> bool:
    return BACK.get(from_phase) == to_phase


def phase_step_allowed(from_phase: str, to_phase: str) -> bool:
    return FORWARD.get(from_phase) == to_phase or is_back_step(from_phase, to_phase)


def phase_steps(phase: str) -> dict:
    """The phases a coordinator may move a partnership in `phase` to, or None:
    {"next": …, "previous": …}."""
    return {"next": FORWARD.get(phase), "previous": BACK.get(phase)}


def check_phase_step(from_phase: str, to_phase: str, reason: str) -> str:
    """The reason, cleaned, if `from_phase` → `to_phase` is allowed; else the refusal."""
    reason = (reason or "").strip()
    if not phase_step_allowed(from_phase, to_phase):
        raise PhaseStepNotAllowed
    if is_back_step(from_phase, to_phase) and not reason:
        raise PhaseReasonMissing
    if len(reason) > REASON_MAX:
        raise PhaseReasonTooLong
    return reason


@transaction.atomic
def partnership_change_phase(*, partnership: Partnership, phase: str, reason: str, by, now):
    """Move `partnership` to `phase`: the next one, or the one before with a reason. Only
    coordinators do; the step is recorded (from, to, reason) for the activity timeline."""
    if not acts_as_coordinator(by):
        raise OnlyCoordinators
    current = Partnership.objects.select_for_update().get(pk=partnership.pk)
    from_phase = current.phase
    reason = check_phase_step(from_phase, phase, reason)
    Partnership.objects.filter(pk=current.pk).update(phase=phase, updated_at=now)
    current.refresh_from_db()
    actions = activity.PHASE_BACK if is_back_step(from_phase, phase) else activity.PHASE_FORWARD
    audit_record(
        actor=by,
        action=actions[phase],
        target=current,
        data={"from": from_phase, "to": phase, "reason": reason},
        at=now,
    )
    return current
