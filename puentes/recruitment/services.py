"""Changes of state in recruitment: seeking profiles and expressions of interest.

Each service runs in one transaction, records the workflow step and queues its mail in
the same transaction, so a failure half-way leaves nothing behind. Input is checked here,
not only in the forms, so the admin, the API and the commands get the same rules.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core.i18n import LANGUAGE_CODES
from puentes.people.models import Consent, Person, PrivacyNotice

from . import notifications
from .models import LONG_TEXT_MAX, Interest, InterestContact, SeekingProfile, Transition
from .workflow import (
    INTEREST_DECISIONS,
    INTEREST_EDITABLE,
    interest_step_allowed,
    profile_step_allowed,
)

MAX_PREFERRED_PROFILES = 3
# Person.name and Person.title are 200 characters, Person.phone 40: refused, never cut.
SHORT_TEXT_MAX = 200
PHONE_MAX = 40


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
    """Something submission needs is missing; `problems` lists what, translated."""

    def __init__(self, problems, message=None):
        self.problems = list(problems)
        super().__init__(message or _("The expression of interest is not complete."))


@dataclass(frozen=True)
class ContactInput:
    name: str
    email: str
    role: str
    title: str = ""
    phone: str = ""
    # The language the person's mail is written in; "" takes the form's own: Swedish for an
    # expression of interest, Spanish for a seeking profile.
    language: str = ""


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
    # The version of the privacy notice the person was shown; "" means the latest published.
    consent_notice_version: str = ""


@dataclass(frozen=True)
class ProfileInput:
    challenge: str
    challenge_language: str
    theme_ids: list[int]
    contact: ContactInput
    local_context: str = ""
    translations: dict = field(default_factory=dict)


# --- Checks shared by the services ------------------------------------------------------


def _require_language(code: str) -> None:
    if code not in LANGUAGE_CODES:
        raise RecruitmentError(_("Choose one of the languages offered."))


def _require_length(text: str, limit: int = LONG_TEXT_MAX) -> None:
    if len(text) > limit:
        raise RecruitmentError(
            _("A text is too long: at most %(limit)d characters.") % {"limit": limit}
        )


def _clean_contact(contact: ContactInput, default_language: str) -> dict:
    """The Person fields of a contact, or RecruitmentError saying what is wrong."""
    values = {
        "name": contact.name.strip(),
        "email": contact.email.strip().lower(),
        "role": contact.role,
        "title": contact.title.strip(),
        "phone": contact.phone.strip(),
        "preferred_language": contact.language or default_language,
    }
    if not values["name"]:
        raise RecruitmentError(_("Give the name of every contact person."))
    try:
        validate_email(values["email"])
    except ValidationError as exc:
        raise RecruitmentError(
            _("“%(email)s” is not a valid e-mail address.") % {"email": contact.email}
        ) from exc
    if values["role"] not in Person.Role.values:
        raise RecruitmentError(_("Say whether each contact is an official or a politician."))
    _require_language(values["preferred_language"])
    for key, limit in (("name", SHORT_TEXT_MAX), ("title", SHORT_TEXT_MAX), ("phone", PHONE_MAX)):
        _require_length(values[key], limit)
    return values


def _require_open(call, now: datetime.datetime) -> None:
    # Call dates are days in the network's time zone, not in UTC.
    status = call.status_on(timezone.localdate(now))
    if status == "upcoming":
        raise CallClosed(_("This call has not opened yet."))
    if status == "closed":
        raise CallClosed


def _record(*, subject, from_status, to_status, by, now, reason=""):
    kwargs = (
        {"interest": subject} if isinstance(subject, Interest) else {"seeking_profile": subject}
    )
    Transition.objects.create(
        from_status=from_status, to_status=to_status, by=by, at=now, reason=reason, **kwargs
    )


# --- Expressions of interest ------------------------------------------------------------


def _require_can_register(organisation) -> None:
    if organisation.country.region != "sweden" or not organisation.can_join:
        raise RecruitmentError(
            _("Only Swedish municipalities and regions can register their interest.")
        )


def _check_interest_input(data: InterestInput) -> list[dict]:
    """Refuse what no form should let through; returns the contacts' Person fields."""
    _require_language(data.motivation_language)
    _require_language(data.consent_language)
    _require_length(data.motivation)
    if data.preferred_country not in Interest.PreferredCountry.values:
        raise RecruitmentError(_("Choose Guatemala, Colombia or either."))
    if len(set(data.preferred_profile_ids)) > MAX_PREFERRED_PROFILES:
        raise RecruitmentError(_("Choose at most three preferred municipalities."))
    contacts = [_clean_contact(contact, "sv") for contact in data.contacts]
    emails = [values["email"] for values in contacts]
    if len(set(emails)) != len(emails):
        raise RecruitmentError(_("Each contact person needs an e-mail address of their own."))
    return contacts


def _notice_for(data: InterestInput, now) -> PrivacyNotice:
    notices = PrivacyNotice.objects.filter(published_at__lte=now)
    if data.consent_notice_version:
        notices = notices.filter(version=data.consent_notice_version)
    notice = notices.order_by("-published_at").first()
    if notice is None:
        raise RecruitmentError(_("There is no privacy notice to consent to."))
    return notice


def _consenting_person(by, contacts: list[dict]) -> Person:
    """The person behind the account that gives consent, created if the account has none."""
    if by is None:
        raise RecruitmentError(_("Consent can only be given by a signed-in person."))
    person = Person.objects.filter(user=by).first()
    if person is None:
        own = next((c for c in contacts if c["email"] == by.email.lower()), None)
        person = Person.objects.create(
            user=by, name=own["name"] if own else by.email, email=by.email
        )
    return person


def _give_consent(*, interest, data: InterestInput, contacts, by, now):
    if not data.consent_given or interest.consent_id:
        return
    interest.consent = Consent.objects.create(
        person=_consenting_person(by, contacts),
        notice=_notice_for(data, now),
        language=data.consent_language,
        given_at=now,
    )


def _contact_person(values: dict) -> Person:
    """The person behind a contact: someone with an account under that address is the same
    person (one record to export or erase), kept as they keep it themselves; anyone else
    gets a record of their own."""
    account_holder = Person.objects.filter(
        user__isnull=False, user__email__iexact=values["email"]
    ).first()
    return account_holder or Person.objects.create(**values)


def _addresses(person: Person) -> set[str]:
    return {person.email.lower(), *([person.user.email.lower()] if person.user_id else [])}


def _set_contacts(interest: Interest, contacts: list[dict]):
    links = list(interest.contacts.select_related("person__user"))
    kept = set()
    for position, values in enumerate(contacts):
        link = next((link for link in links if values["email"] in _addresses(link.person)), None)
        if link is None:
            link = InterestContact.objects.create(
                interest=interest, person=_contact_person(values), position=position
            )
            links.append(link)
        else:
            if link.person.user_id is None:
                Person.objects.filter(pk=link.person_id).update(updated_at=timezone.now(), **values)
            if link.position != position:
                InterestContact.objects.filter(pk=link.pk).update(position=position)
        kept.add(link.pk)
    for link in links:
        if link.pk in kept:
            continue
        link.delete()
        person = link.person
        if person.user_id is None and not person.interest_contacts.exists():
            person.delete()


def _apply(interest: Interest, data: InterestInput, contacts: list[dict]):
    interest.motivation = data.motivation.strip()
    interest.motivation_language = data.motivation_language
    interest.preferred_country = data.preferred_country
    interest.workshop_commitment = data.workshop_commitment
    interest.save()
    interest.themes.set(interest.call.network.themes.filter(pk__in=data.theme_ids))
    interest.preferred_profiles.set(
        SeekingProfile.objects.published().filter(
            call=interest.call, pk__in=data.preferred_profile_ids
        )
    )
    _set_contacts(interest, contacts)


@transaction.atomic
def interest_create(*, call, organisation, data: InterestInput, by, now) -> Interest:
    """Start an organisation's expression of interest in a call, as a draft.

    Raises DuplicateInterest (carrying the existing one) if the organisation already has an
    interest in the call that is not withdrawn.
    """
    _require_open(call, now)
    _require_can_register(organisation)
    contacts = _check_interest_input(data)
    existing = Interest.objects.active().filter(call=call, organisation=organisation).first()
    if existing is not None:
        raise DuplicateInterest(existing)
    try:
        with transaction.atomic():
            interest = Interest.objects.create(call=call, organisation=organisation, created_by=by)
    except IntegrityError as exc:  # another draft won the race
        existing = Interest.objects.active().filter(call=call, organisation=organisation).first()
        raise DuplicateInterest(existing) from exc
    _apply(interest, data, contacts)
    _give_consent(interest=interest, data=data, contacts=contacts, by=by, now=now)
    interest.save(update_fields=["consent", "updated_at"])
    _record(subject=interest, from_status="", to_status=interest.status, by=by, now=now)
    return interest


@transaction.atomic
def interest_update(*, interest: Interest, data: InterestInput, by, now) -> Interest:
    """Change a draft or submitted interest while its call is open.

    A submitted interest must stay complete: a change that would leave it incomplete raises
    Incomplete and changes nothing.
    """
    interest = (
        Interest.objects.select_for_update().select_related("call__network").get(pk=interest.pk)
    )
    _require_open(interest.call, now)
    if interest.status not in INTEREST_EDITABLE:
        raise StepNotAllowed(_("This expression of interest can no longer be changed."))
    contacts = _check_interest_input(data)
    _apply(interest, data, contacts)
    _give_consent(interest=interest, data=data, contacts=contacts, by=by, now=now)
    interest.save(update_fields=["consent", "updated_at"])
    if interest.status == Interest.Status.SUBMITTED:
        problems = interest_problems(interest)
        if problems:
            raise Incomplete(problems)
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


def _locked(interest: Interest) -> Interest:
    return Interest.objects.select_for_update().select_related("call__network").get(pk=interest.pk)


@transaction.atomic
def interest_submit(*, interest: Interest, by, now) -> Interest:
    """Send the interest to the secretariat: confirmation to the contacts, notice to the network."""
    interest = _locked(interest)
    _require_open(interest.call, now)
    if not interest_step_allowed(interest.status, Interest.Status.SUBMITTED):
        raise StepNotAllowed
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
    """A coordinator takes a submitted interest into review."""
    interest = _locked(interest)
    _step(interest, Interest.Status.IN_REVIEW, by=by, now=now)
    interest.save(update_fields=["status", "updated_at"])
    return interest


@transaction.atomic
def interest_decide(*, interest: Interest, decision: str, reason: str, by, now) -> Interest:
    """Accept, waitlist or decline (declining needs a reason); the contacts are told."""
    if decision not in INTEREST_DECISIONS:
        raise StepNotAllowed
    reason = reason.strip()
    if decision == Interest.Status.DECLINED and not reason:
        raise RecruitmentError(_("Give a reason for declining."))
    _require_length(reason)
    interest = _locked(interest)
    _step(interest, decision, by=by, now=now, reason=reason)
    interest.decision_reason = reason
    interest.save(update_fields=["status", "decision_reason", "updated_at"])
    notifications.interest_decided(interest=interest, now=now)
    return interest


@transaction.atomic
def interest_match(*, interest: Interest, by, now, reason: str = "") -> Interest:
    """The organisation has its partner: an accepted interest becomes matched. Called by
    partnerships.services.partnership_create in the transaction that makes the partnership."""
    _require_length(reason)
    interest = _locked(interest)
    _step(interest, Interest.Status.MATCHED, by=by, now=now, reason=reason.strip())
    interest.save(update_fields=["status", "updated_at"])
    return interest


@transaction.atomic
def interest_withdraw(*, interest: Interest, by, now, reason: str = "") -> Interest:
    """The applicant withdraws; the organisation may then register a new interest."""
    _require_length(reason)
    interest = _locked(interest)
    _step(interest, Interest.Status.WITHDRAWN, by=by, now=now, reason=reason.strip())
    interest.save(update_fields=["status", "updated_at"])
    return interest


# --- Seeking profiles -------------------------------------------------------------------


def _require_can_seek(organisation) -> None:
    if organisation.country.code not in ("GT", "CO") or not organisation.can_join:
        raise RecruitmentError(
            _("Only municipalities in Guatemala or Colombia can seek a partner.")
        )


def _profile_texts(data: ProfileInput, themes: list) -> tuple[dict, dict]:
    """({language: challenge}, {language: local context}), or the reason they are refused."""
    _require_language(data.challenge_language)
    texts = {code: (text or "").strip() for code, text in data.translations.items()}
    texts[data.challenge_language] = data.challenge.strip()
    for code, text in texts.items():
        _require_language(code)
        _require_length(text)
    problems = []
    if not texts[data.challenge_language]:
        problems.append(_("Describe your gender-equality challenge."))
    if not themes:
        problems.append(_("Choose at least one theme."))
    if problems:
        raise Incomplete(problems, _("The partner-seeking profile is not complete."))
    local_context = data.local_context.strip()
    _require_length(local_context)
    contexts = {data.challenge_language: local_context} if local_context else {}
    return {code: text for code, text in texts.items() if text}, contexts


def _profile_contact(contact: ContactInput, by) -> Person:
    """The signed-in member's own person when they name themselves, else a new person."""
    values = _clean_contact(contact, "es")
    own = Person.objects.filter(user=by).first() if by is not None else None
    if own is not None and own.email.lower() == values["email"]:
        return own
    return Person.objects.create(**values)


@transaction.atomic
def profile_submit(*, call, organisation, data: ProfileInput, by, now) -> SeekingProfile:
    """A Latin American municipality asks for a partner; public once a coordinator approves."""
    _require_open(call, now)
    _require_can_seek(organisation)
    themes = list(call.network.themes.filter(pk__in=data.theme_ids))
    challenges, local_contexts = _profile_texts(data, themes)
    existing = SeekingProfile.objects.active().filter(call=call, organisation=organisation).first()
    if existing is not None:
        raise DuplicateProfile(existing)
    profile = SeekingProfile(
        call=call,
        organisation=organisation,
        challenges=challenges,
        challenge_language=data.challenge_language,
        local_contexts=local_contexts,
        contact=_profile_contact(data.contact, by),
        submitted_by=by,
    )
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as exc:  # another profile won the race
        existing = SeekingProfile.objects.active().filter(call=call, organisation=organisation)
        raise DuplicateProfile(existing.first()) from exc
    profile.themes.set(themes)
    _record(subject=profile, from_status="", to_status=profile.status, by=by, now=now)
    return profile


def _profile_step(profile: SeekingProfile, to_status: str, *, by, now, reason="") -> None:
    if not profile_step_allowed(profile.status, to_status):
        raise StepNotAllowed
    _record(
        subject=profile,
        from_status=profile.status,
        to_status=to_status,
        by=by,
        now=now,
        reason=reason,
    )
    profile.status = to_status


@transaction.atomic
def profile_decide(*, profile: SeekingProfile, approve: bool, reason: str, by, now):
    """A coordinator publishes the profile, or refuses it with a reason; its contact is told."""
    reason = reason.strip()
    _require_length(reason)
    profile = SeekingProfile.objects.select_for_update().get(pk=profile.pk)
    to_status = SeekingProfile.Status.APPROVED if approve else SeekingProfile.Status.REJECTED
    if not profile_step_allowed(profile.status, to_status):
        raise StepNotAllowed
    if not approve and not reason:
        raise RecruitmentError(_("Give a reason for not approving."))
    _profile_step(profile, to_status, by=by, now=now, reason=reason)
    profile.decided_by = by
    profile.decided_at = now
    profile.decision_reason = reason
    profile.save(
        update_fields=["status", "decided_by", "decided_at", "decision_reason", "updated_at"]
    )
    notifications.profile_decided(profile=profile, now=now)
    return profile


@transaction.atomic
def profile_withdraw(*, profile: SeekingProfile, by, now, reason: str = "") -> SeekingProfile:
    """The municipality (or a coordinator for it) takes the profile off the catalogue."""
    _require_length(reason)
    profile = SeekingProfile.objects.select_for_update().get(pk=profile.pk)
    _profile_step(profile, SeekingProfile.Status.WITHDRAWN, by=by, now=now, reason=reason.strip())
    profile.save(update_fields=["status", "updated_at"])
    return profile


@transaction.atomic
def profile_match(*, profile: SeekingProfile, by, now, reason: str = "") -> SeekingProfile:
    """The municipality has found its Swedish partner: it leaves the open catalogue."""
    _require_length(reason)
    profile = SeekingProfile.objects.select_for_update().get(pk=profile.pk)
    _profile_step(profile, SeekingProfile.Status.MATCHED, by=by, now=now, reason=reason.strip())
    profile.save(update_fields=["status", "updated_at"])
    return profile
