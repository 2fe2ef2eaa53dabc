"""Changes of state of partnerships: creating one from a confirmed match, and editing the
shared challenge statement under optimistic locking.

Each service runs in one transaction and queues its mail in it, so a refusal or a failure
half-way leaves nothing behind: no partnership, no member, no status change, no mail.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.recruitment.services import RecruitmentError, interest_match, profile_match

from . import activity, notifications
from .models import Partnership, PartnershipMember

# The shared challenge statement is written in the two working languages of a partnership.
STATEMENT_LANGUAGES = ("sv", "es")
STATEMENT_MAX = 5000


class PartnershipError(Exception):
    """A rule of partnerships refused the change; `message` is translated for the user."""

    message = _("This change is not allowed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class InterestNotAccepted(PartnershipError):
    message = _("Only an accepted expression of interest in this call can be matched.")


class ProfileNotPublished(PartnershipError):
    message = _("Only a published partner-seeking profile in this call can be matched.")


class AlreadyPartnered(PartnershipError):
    """One of the two organisations already has a partnership in the call."""

    message = _("One of the two municipalities already has a partnership in this call.")

    def __init__(self, existing: Partnership | None = None):
        self.existing = existing
        super().__init__()


class StaleVersion(PartnershipError):
    """Someone saved the statement since the form was opened; `current` is what they saved."""

    message = _("Someone else saved the challenge statement after you opened it.")

    def __init__(self, current: Partnership):
        self.current = current
        super().__init__()


def _check_match(*, call, interest: Interest, profile: SeekingProfile) -> None:
    if interest.call_id != call.pk or interest.status != Interest.Status.ACCEPTED:
        raise InterestNotAccepted
    if profile.call_id != call.pk or profile.status != SeekingProfile.Status.APPROVED:
        raise ProfileNotPublished
    existing = (
        Partnership.objects.filter(call=call)
        .filter(
            Q(interest=interest)
            | Q(seeking_profile=profile)
            | Q(swedish_organisation_id=interest.organisation_id)
            | Q(latin_organisation_id=profile.organisation_id)
        )
        .first()
    )
    if existing is not None:
        raise AlreadyPartnered(existing)


def shared_themes(interest: Interest, profile: SeekingProfile) -> list:
    """The themes both sides named; if they share none, all of both, so nothing is lost."""
    interest_themes = list(interest.themes.all())
    profile_themes = list(profile.themes.all())
    profile_ids = {theme.pk for theme in profile_themes}
    shared = [theme for theme in interest_themes if theme.pk in profile_ids]
    if shared:
        return shared
    return list({theme.pk: theme for theme in interest_themes + profile_themes}.values())


def add_members(partnership: Partnership, interest: Interest, profile: SeekingProfile, now):
    people = [
        (link.person, PartnershipMember.Side.SWEDISH)
        for link in interest.contacts.select_related("person").order_by("position")
    ]
    if profile.contact_id:
        people.append((profile.contact, PartnershipMember.Side.LATIN))
    seen = set()
    for person, side in people:
        if person.pk in seen:
            continue
        seen.add(person.pk)
        PartnershipMember.objects.create(
            partnership=partnership, person=person, side=side, invited_at=now
        )


@transaction.atomic
def partnership_create(
    *, call, interest: Interest, profile: SeekingProfile, by, now, score=None, reasons=()
) -> Partnership:
    """A coordinator confirms a match: the partnership of the interest's Swedish organisation
    and the profile's Latin American one, with the contact people of both as members. The
    profile leaves the catalogue and the interest the matching board, both as matched, and
    both sides are told by mail."""
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    profile = SeekingProfile.objects.select_for_update().get(pk=profile.pk)
    _check_match(call=call, interest=interest, profile=profile)
    try:
        with transaction.atomic():
            partnership = Partnership.objects.create(
                call=call,
                swedish_organisation_id=interest.organisation_id,
                latin_organisation_id=profile.organisation_id,
                interest=interest,
                seeking_profile=profile,
                challenge_statements={
                    code: text for code, text in profile.challenges.items() if text
                },
                challenge_language=profile.challenge_language,
                match_score=score,
                match_reasons=list(reasons),
                confirmed_by=by,
                confirmed_at=now,
            )
    except IntegrityError as exc:
        # Another coordinator confirmed a pair with one of these organisations meanwhile.
        raise AlreadyPartnered from exc
    partnership.themes.set(shared_themes(interest, profile))
    add_members(partnership, interest, profile, now)
    try:
        profile_match(profile=profile, by=by, now=now)
    except RecruitmentError as exc:
        raise ProfileNotPublished from exc
    try:
        interest_match(interest=interest, by=by, now=now)
    except RecruitmentError as exc:
        raise InterestNotAccepted from exc
    audit_record(
        actor=by,
        action=activity.CREATED,
        target=partnership,
        data={
            "swedish": partnership.swedish_organisation.name,
            "latin": partnership.latin_organisation.name,
        },
        at=now,
    )
    notifications.partnership_created(partnership=partnership, now=now)
    return partnership


def _clean_texts(texts: dict) -> dict:
    cleaned = {}
    for code in STATEMENT_LANGUAGES:
        text = (texts.get(code) or "").strip()
        if len(text) > STATEMENT_MAX:
            raise PartnershipError(
                _("A challenge statement can be at most %(max)s characters long.")
                % {"max": STATEMENT_MAX}
            )
        if text:
            cleaned[code] = text
    if not cleaned:
        raise PartnershipError(_("Write the challenge statement in at least one language."))
    return cleaned


@transaction.atomic
def partnership_update_statement(
    *, partnership: Partnership, texts: dict, expected_version: int, by, now
) -> Partnership:
    """Save the shared challenge statement ({"sv": ..., "es": ...}) if nobody saved it since
    `expected_version`; otherwise raise StaleVersion with what is saved now. Languages other
    than Swedish and Spanish that the statement already has are kept."""
    cleaned = _clean_texts(texts)
    current = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if current.version != expected_version:
        raise StaleVersion(current)
    statements = {
        code: text
        for code, text in current.challenge_statements.items()
        if code not in STATEMENT_LANGUAGES
    }
    statements.update(cleaned)
    language = current.challenge_language
    if language not in statements:
        language = next(iter(cleaned))
    Partnership.objects.filter(pk=current.pk, version=expected_version).update(
        challenge_statements=statements,
        challenge_language=language,
        version=F("version") + 1,
        statement_updated_by=by,
        statement_updated_at=now,
        updated_at=now,
    )
    current.refresh_from_db()
    audit_record(actor=by, action=activity.STATEMENT_SAVED, target=current, at=now)
    return current


@transaction.atomic
def member_mark_joined(*, partnership: Partnership, by, now) -> bool:
    """`by` opened the workspace signed in as themselves: if they are a member who has not
    joined yet, they have now. True if they joined just now.

    Why here as well as on accepting an invitation: contact people who already had an
    account when the match was confirmed (or when they were invited) use the workspace
    without ever opening an invitation link, and would otherwise look pending for ever. A
    member without an account stays "invited, not joined yet" until an invitation gives
    them one.
    """
    if not by.is_authenticated:
        return False
    member = (
        PartnershipMember.objects.filter(
            partnership=partnership, person__user=by, joined_at__isnull=True
        )
        .select_related("person")
        .first()
    )
    if member is None:
        return False
    # Conditional, so two tabs opened at once record one joining.
    if not PartnershipMember.objects.filter(pk=member.pk, joined_at__isnull=True).update(
        joined_at=now, updated_at=now
    ):
        return False
    audit_record(
        actor=by,
        action=activity.MEMBER_JOINED,
        target=member,
        scope=partnership,
        data={"name": member.person.name},
        at=now,
    )
    return True
