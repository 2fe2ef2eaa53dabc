"""Which workflow steps are allowed: plain data, so rules are read and tested in one place."""

from .models import Interest, SeekingProfile

I = Interest.Status  # noqa: E741
P = SeekingProfile.Status

INTEREST_STEPS: dict[str, set[str]] = {
    I.DRAFT: {I.SUBMITTED, I.WITHDRAWN},
    I.SUBMITTED: {I.IN_REVIEW, I.WITHDRAWN},
    I.IN_REVIEW: {I.ACCEPTED, I.WAITLISTED, I.DECLINED, I.WITHDRAWN},
    I.WAITLISTED: {I.ACCEPTED, I.DECLINED, I.WITHDRAWN},
    # Confirming a match makes the partnership; it is not undone by withdrawing.
    I.ACCEPTED: {I.MATCHED, I.WITHDRAWN},
    I.MATCHED: set(),
    I.DECLINED: set(),
    I.WITHDRAWN: set(),
}
# Decisions a coordinator takes; the others are the applicant's steps.
INTEREST_DECISIONS = {I.ACCEPTED, I.WAITLISTED, I.DECLINED}
# The applicant may still edit the interest in these states, while the call is open.
INTEREST_EDITABLE = {I.DRAFT, I.SUBMITTED}

PROFILE_STEPS: dict[str, set[str]] = {
    P.SUBMITTED: {P.APPROVED, P.REJECTED, P.WITHDRAWN},
    P.APPROVED: {P.WITHDRAWN, P.MATCHED},
    P.REJECTED: set(),
    P.WITHDRAWN: set(),
    P.MATCHED: set(),
}


def interest_step_allowed(from_status: str, to_status: str) -> bool:
    return to_status in INTEREST_STEPS.get(from_status, set())


def profile_step_allowed(from_status: str, to_status: str) -> bool:
    return to_status in PROFILE_STEPS.get(from_status, set())
