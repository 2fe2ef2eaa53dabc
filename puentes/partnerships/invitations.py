"""Inviting a person into a partnership by e-mail, and their accepting.

The invitation is a signed, timestamped token carrying the member's id: nothing is stored
for it but the member's `invited_at`, and a tampered or old token is simply refused.
People are never duplicated: an existing account or person with the address is reused.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.core.mail import mail_queue
from puentes.people.access import acts_as_coordinator
from puentes.people.models import Membership, Person, User

from . import activity
from .models import Partnership, PartnershipMember
from .services import PartnershipError

TOKEN_SALT = "puentes.partnerships.invitation"
TOKEN_MAX_AGE = 14 * 24 * 60 * 60  # fourteen days, in seconds


class AlreadyMember(PartnershipError):
    message = _("This person is already a member of the partnership.")


class InvalidInvitation(PartnershipError):
    message = _("This invitation link is not valid or has expired. Ask for a new invitation.")


class SideNotAllowed(PartnershipError):
    message = _("You can invite people only to your own side of the partnership.")


@dataclass(frozen=True)
class Invitation:
    member: PartnershipMember
    accept_url: str


def invitation_token(member: PartnershipMember, *, now) -> str:
    """A token for `member`, signed with the time `now` (so tests can make old ones)."""
    signer = _Signer(now=now)
    return signer.sign(str(member.pk))


class _Signer(signing.TimestampSigner):
    """TimestampSigner whose clock is the caller's `now`, not the machine's."""

    def __init__(self, *, now):
        super().__init__(salt=TOKEN_SALT)
        self._now = now

    def timestamp(self):
        return signing.b62_encode(int(self._now.timestamp()))

    def unsign(self, value, max_age=None):
        value, timestamp = signing.Signer.unsign(self, value).rsplit(self.sep, 1)
        age = self._now.timestamp() - signing.b62_decode(timestamp)
        if max_age is not None and not -60 <= age <= max_age:
            raise signing.SignatureExpired(f"Signature age {age} is outside 0..{max_age}")
        return value


def invitation_member(token: str, *, now) -> PartnershipMember:
    """The member a valid token invites; InvalidInvitation if tampered, expired or gone."""
    try:
        value = _Signer(now=now).unsign(token, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidInvitation from exc
    try:
        member = PartnershipMember.objects.select_related(
            "person__user", "partnership__swedish_organisation", "partnership__latin_organisation"
        ).get(pk=int(value))
    except (PartnershipMember.DoesNotExist, ValueError) as exc:
        raise InvalidInvitation from exc
    if member.person.user is None:  # the account was deleted since
        raise InvalidInvitation
    return member


def _person_for(*, name, email, role, language) -> Person:
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and hasattr(user, "person"):
        return user.person
    person = Person.objects.filter(email__iexact=email).order_by("pk").first()
    if person is None:
        person = Person.objects.create(
            name=name, email=email, role=role, preferred_language=language
        )
    if person.user_id is None:
        if user is None:
            user = User.objects.create_user(email=email)  # no password: unusable
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
        person.user = user
        person.save(update_fields=["user"])
    return person


def invitable_sides(user, partnership: Partnership) -> list[str]:
    """The sides `user` may invite to: both for coordinators, else the side(s) they act for
    (through their organisation, or as a member of the partnership)."""
    if acts_as_coordinator(user):
        return [PartnershipMember.Side.SWEDISH, PartnershipMember.Side.LATIN]
    if not user.is_authenticated:
        return []
    sides = set(partnership.members.filter(person__user=user).values_list("side", flat=True))
    organisations = set(
        Membership.objects.filter(person__user=user).values_list("organisation_id", flat=True)
    )
    if partnership.swedish_organisation_id in organisations:
        sides.add(PartnershipMember.Side.SWEDISH)
    if partnership.latin_organisation_id in organisations:
        sides.add(PartnershipMember.Side.LATIN)
    return [side for side in PartnershipMember.Side.values if side in sides]


@transaction.atomic
def partnership_invite(
    *, partnership: Partnership, name, email, side, role, language, by, now, base_url
) -> Invitation:
    """Invite `email` into `partnership` on `side`, creating their person and account if
    needed, and queue the invitation mail (in `language` for a new person, else their own)
    with an absolute link under `base_url` (e.g. "https://puentes.example")."""
    if side not in invitable_sides(by, partnership):
        raise SideNotAllowed
    email = email.strip().lower()
    person = _person_for(name=name, email=email, role=role, language=language)
    member = PartnershipMember.objects.filter(partnership=partnership, person=person).first()
    if member is not None and member.joined_at is not None:
        raise AlreadyMember
    if member is None:
        member = PartnershipMember(partnership=partnership, person=person)
    member.side = side
    member.invited_at = now
    member.save()
    audit_record(
        actor=by,
        action=activity.MEMBER_INVITED,
        target=member,
        scope=partnership,
        data={"name": person.name},
        at=now,
    )
    mail_language = person.preferred_language or language
    token = invitation_token(member, now=now)
    with translation.override(mail_language):
        path = reverse("partnerships:invitation_accept", kwargs={"token": token})
    accept_url = f"{base_url.rstrip('/')}{path}"
    mail_queue(
        to=person.email,
        template="partnerships/mail/invitation",
        context={
            "person": person,
            "partnership": partnership,
            "network": partnership.call.network,
            "inviter": getattr(by, "person", None),
            "accept_url": accept_url,
        },
        language=mail_language,
        kind="partnership_invitation",
        about=partnership,
        now=now,
    )
    return Invitation(member=member, accept_url=accept_url)


@transaction.atomic
def invitation_accept(*, member: PartnershipMember, password: str | None, now) -> User:
    """The invitee joins: set their password if given, mark their address verified, and
    record `joined_at` (kept if already joined)."""
    user = member.person.user
    if password:
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email, "verified": True}
    )
    if member.joined_at is None:
        member.joined_at = now
        member.save(update_fields=["joined_at", "updated_at"])
        audit_record(
            actor=user,
            action=activity.MEMBER_JOINED,
            target=member,
            scope=member.partnership,
            data={"name": member.person.name},
            at=now,
        )
    return user
