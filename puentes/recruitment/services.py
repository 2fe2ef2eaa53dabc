"""Changes of state in recruitment: seeking profiles and expressions of interest.

Each service runs in one transaction, records the workflow step and queues its mail in
the same transaction, so a failure half-way leaves nothing behind.
"""

import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from puentes.people.models import Consent, Person, PrivacyNotice

from . import notifications
from .models import Interest, InterestContact, SeekingProfile, Transition
from .search import search_text_for
from .workflow import (
    INTEREST_DECISIONS,
    INTEREST_EDITABLE,
    interest_step_allowed,
    profile_step_allowed,
)

MAX_PREFERRED_PROFILES = 3


class RecruitmentError(Exception):
    """A rule of recruitment refused the change; `message` is translated for the user."""

    message = _("This change is not allowed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class CallClosed(RecruitmentError):
    message = _("This call is closed and accepts nothing more.")


class DuplicateInterest(RecruitmentError):
    message = _("This organisation has already registered its interest in this call.")

    def __init__(self, existing: Interest):
        self.existing = existing
        super().__init__()


class DuplicateProfile(RecruitmentError):
    message = _("This municipality already has a partner-seeking profile in this call.")

    def __init__(self, existing: SeekingProfile | None):
        self.existing = existing
        super().__init__()


class StepNotAllowed(RecruitmentError):
    message = _("That step is not possible from the current status.")


class Incomplete(RecruitmentError):
    """The interest lacks what submission needs; `problems` lists what, translated."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(_("The expression of interest is not complete."))


@dataclass(frozen=True)
class ContactInput:
    name: str
    email: str
    role: str
    title: str = ""
    phone: str = ""


@dataclass(frozen=True)
class InterestInput:
    contacts: list[ContactInput]
    theme_ids: list[int]
    motivation: str
    motivation_language: str
    preferred_country: str = ""
    preferred_profile_ids: list[int] = field(default_factory=list)
    workshop_commitment: bool = False
    consent_given: bool = False
    consent_language: str = "sv"


@dataclass(frozen=True)
class ProfileInput:
    challenge: str
    challenge_language: str
    theme_ids: list[int]
    contact: ContactInput
    local_context: str = ""
    translations: dict = field(default_factory=dict)


def _record(*, subject, from_status, to_status, by, now, reason=""):
    kwargs = (
        {"interest": subject} if isinstance(subject, Interest) else {"seeking_profile": subject}
    )
    Transition.objects.create(
        from_status=from_status, to_status=to_status, by=by, at=now, reason=reason, **kwargs
    )


def _require_open(call, now: datetime.datetime):
    if not call.is_open_on(now.date()):
        raise CallClosed


def _person_for(user, fallback_name: str) -> Person:
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(
            user=user, name=fallback_name or user.email, email=user.email
        )
    return person


def _give_consent(*, interest, data: InterestInput, by, now):
    if not data.consent_given or interest.consent_id:
        return
    notice = PrivacyNotice.objects.latest()
    person = _person_for(by, data.contacts[0].name if data.contacts else "")
    interest.consent = Consent.objects.create(
        person=person, notice=notice, language=data.consent_language, given_at=now
    )


def _set_contacts(interest: Interest, contacts: list[ContactInput]):
    existing = {c.person.email.lower(): c for c in interest.contacts.select_related("person")}
    keep = set()
    for position, contact in enumerate(contacts):
        key = contact.email.strip().lower()
        keep.add(key)
        link = existing.get(key)
        values = {
            "name": contact.name.strip(),
            "email": key,
            "role": contact.role,
            "title": contact.title.strip(),
            "phone": contact.phone.strip(),
        }
        if link is None:
            person = Person.objects.create(**values)
            InterestContact.objects.create(interest=interest, person=person, position=position)
        else:
            Person.objects.filter(pk=link.person_id).update(**values)
            if link.position != position:
                InterestContact.objects.filter(pk=link.pk).update(position=position)
    for key, link in existing.items():
        if key not in keep:
            link.delete()
            if link.person.user_id is None and not link.person.interest_contacts.exists():
                link.person.delete()


def _apply(interest: Interest, data: InterestInput):
    interest.motivation = data.motivation.strip()
    interest.motivation_language = data.motivation_language
    interest.preferred_country = data.preferred_country
    interest.workshop_commitment = data.workshop_commitment
    if len(data.preferred_profile_ids) > MAX_PREFERRED_PROFILES:
        raise RecruitmentError(_("Choose at most three preferred municipalities."))
    interest.save()
    interest.themes.set(interest.call.network.themes.filter(pk__in=data.theme_ids))
    interest.preferred_profiles.set(
        SeekingProfile.objects.published().filter(
            call=interest.call, pk__in=data.preferred_profile_ids
        )
    )
    _set_contacts(interest, data.contacts)


@transaction.atomic
def interest_create(*, call, organisation, data: InterestInput, by, now) -> Interest:
    """Start an organisation's expression of interest in a call, as a draft."""
    _require_open(call, now)
    existing = Interest.objects.active().filter(call=call, organisation=organisation).first()
    if existing is not None:
        raise DuplicateInterest(existing)
    try:
        with transaction.atomic():
            interest = Interest.objects.create(call=call, organisation=organisation, created_by=by)
    except IntegrityError as exc:  # another draft won the race
        existing = Interest.objects.active().filter(call=call, organisation=organisation).first()
        raise DuplicateInterest(existing) from exc
    _apply(interest, data)
    _give_consent(interest=interest, data=data, by=by, now=now)
    interest.save(update_fields=["consent"])
    _record(subject=interest, from_status="", to_status=interest.status, by=by, now=now)
    return interest


@transaction.atomic
def interest_update(*, interest: Interest, data: InterestInput, by, now) -> Interest:
    """Change a draft or submitted interest while its call is open."""
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    _require_open(interest.call, now)
    if interest.status not in INTEREST_EDITABLE:
        raise StepNotAllowed(_("This expression of interest can no longer be changed."))
    _apply(interest, data)
    _give_consent(interest=interest, data=data, by=by, now=now)
    interest.save(update_fields=["consent", "updated_at"])
    return interest


def interest_problems(interest: Interest) -> list:
    """What submission still needs, as translated sentences (empty when complete)."""
    problems = []
    if not interest.contacts.exists():
        problems.append(_("Give at least one contact person."))
    if not interest.themes.exists():
        problems.append(_("Choose at least one theme."))
    if not interest.motivation.strip():
        problems.append(_("Write your motivation."))
    if not interest.workshop_commitment:
        problems.append(_("Confirm that your team can take part in the call's workshops."))
    if not interest.consent_id:
        problems.append(_("Consent to the privacy notice."))
    return problems


def _step(interest: Interest, to_status: str, *, by, now, reason=""):
    if not interest_step_allowed(interest.status, to_status):
        raise StepNotAllowed
    from_status = interest.status
    interest.status = to_status
    _record(
        subject=interest,
        from_status=from_status,
        to_status=to_status,
        by=by,
        now=now,
        reason=reason,
    )


@transaction.atomic
def interest_submit(*, interest: Interest, by, now) -> Interest:
    """Send the interest to the secretariat: confirmation to the contacts, notice to the network."""
    interest = (
        Interest.objects.select_for_update().select_related("call__network").get(pk=interest.pk)
    )
    _require_open(interest.call, now)
    problems = interest_problems(interest)
    if problems:
        raise Incomplete(problems)
    _step(interest, Interest.Status.SUBMITTED, by=by, now=now)
    interest.submitted_at = now
    interest.save(update_fields=["status", "submitted_at", "updated_at"])
    notifications.interest_submitted(interest=interest, now=now)
    return interest


@transaction.atomic
def interest_start_review(*, interest: Interest, by, now) -> Interest:
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    _step(interest, Interest.Status.IN_REVIEW, by=by, now=now)
    interest.save(update_fields=["status", "updated_at"])
    return interest


@transaction.atomic
def interest_decide(*, interest: Interest, decision: str, reason: str, by, now) -> Interest:
    """Accept, waitlist or decline (declining needs a reason); the contacts are told."""
    if decision not in INTEREST_DECISIONS:
        raise StepNotAllowed
    if decision == Interest.Status.DECLINED and not reason.strip():
        raise RecruitmentError(_("Give a reason for declining."))
    interest = (
        Interest.objects.select_for_update().select_related("call__network").get(pk=interest.pk)
    )
    _step(interest, decision, by=by, now=now, reason=reason.strip())
    interest.decision_reason = reason.strip()
    interest.save(update_fields=["status", "decision_reason", "updated_at"])
    notifications.interest_decided(interest=interest, now=now)
    return interest


@transaction.atomic
def interest_withdraw(*, interest: Interest, by, now, reason: str = "") -> Interest:
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    _step(interest, Interest.Status.WITHDRAWN, by=by, now=now, reason=reason.strip())
    interest.save(update_fields=["status", "updated_at"])
    return interest


def _contact_person(contact: ContactInput) -> Person:
    return Person.objects.create(
        name=contact.name.strip(),
        email=contact.email.strip().lower(),
        role=contact.role,
        title=contact.title.strip(),
        phone=contact.phone.strip(),
        preferred_language="es",
    )


@transaction.atomic
def profile_submit(*, call, organisation, data: ProfileInput, by, now) -> SeekingProfile:
    """A Latin American municipality asks for a partner; public once a coordinator approves."""
    _require_open(call, now)
    if organisation.country.region != "latin_america" or not organisation.can_join:
        raise RecruitmentError(
            _("Only municipalities in Guatemala or Colombia can seek a partner.")
        )
    existing = SeekingProfile.objects.active().filter(call=call, organisation=organisation).first()
    if existing is not None:
        raise DuplicateProfile(existing)
    texts = {**data.translations, data.challenge_language: data.challenge.strip()}
    profile = SeekingProfile(
        call=call,
        organisation=organisation,
        challenges={k: v.strip() for k, v in texts.items() if v and v.strip()},
        challenge_language=data.challenge_language,
        local_contexts={data.challenge_language: data.local_context.strip()}
        if data.local_context.strip()
        else {},
        contact=_contact_person(data.contact),
        submitted_by=by,
    )
    profile.search_text = search_text_for(profile)
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as exc:
        raise DuplicateProfile(None) from exc
    profile.themes.set(call.network.themes.filter(pk__in=data.theme_ids))
    _record(subject=profile, from_status="", to_status=profile.status, by=by, now=now)
    return profile


@transaction.atomic
def profile_decide(*, profile: SeekingProfile, approve: bool, reason: str, by, now):
    """A coordinator publishes the profile, or refuses it with a reason."""
    profile = SeekingProfile.objects.select_for_update().get(pk=profile.pk)
    to_status = SeekingProfile.Status.APPROVED if approve else SeekingProfile.Status.REJECTED
    if not profile_step_allowed(profile.status, to_status):
        raise StepNotAllowed
    if not approve and not reason.strip():
        raise RecruitmentError(_("Give a reason for not approving."))
    _record(
        subject=profile,
        from_status=profile.status,
        to_status=to_status,
        by=by,
        now=now,
        reason=reason,
    )
    profile.status = to_status
    profile.decided_by = by
    profile.decided_at = now
    profile.decision_reason = reason.strip()
    profile.save(
        update_fields=["status", "decided_by", "decided_at", "decision_reason", "updated_at"]
    )
    return profile


@transaction.atomic
def profile_withdraw(*, profile: SeekingProfile, by, now) -> SeekingProfile:
    profile = SeekingProfile.objects.select_for_update().get(pk=profile.pk)
    if not profile_step_allowed(profile.status, SeekingProfile.Status.WITHDRAWN):
        raise StepNotAllowed
    _record(
        subject=profile,
        from_status=profile.status,
        to_status=SeekingProfile.Status.WITHDRAWN,
        by=by,
        now=now,
    )
    profile.status = SeekingProfile.Status.WITHDRAWN
    profile.save(update_fields=["status", "updated_at"])
    return profile
