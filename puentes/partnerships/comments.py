"""Comments in a partnership's workspace: "mentors read and comment".

Whoever sees the workspace comments: the mentor, members of both sides and coordinators. An
author deletes their own comment, a coordinator any. When the mentor or a coordinator writes,
the members with an account are told by mail, each in their own language.
"""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.core.i18n import LANGUAGE_CODES
from puentes.core.mail import mail_queue
from puentes.people.access import acts_as_coordinator
from puentes.people.models import Membership

from . import activity
from .models import Comment, Partnership, PartnershipMember
from .services import PartnershipError

COMMENT_MAX = 4000
Role = Comment.AuthorRole
# Comments by these are advice to the partnership: its members hear of them by mail.
NOTIFYING_ROLES = (Role.MENTOR, Role.COORDINATOR)


class CommentNotAllowed(PartnershipError):
    message = _("You cannot comment on this partnership.")


class CommentEmpty(PartnershipError):
    message = _("Write your comment.")


class CommentTooLong(PartnershipError):
    message = _("A comment can be at most 4000 characters long.")


class CommentLanguageUnknown(PartnershipError):
    message = _("Choose one of the languages offered.")


class CommentNotYours(PartnershipError):
    message = _("Only its author or a coordinator can delete a comment.")


def author_role(user, partnership: Partnership) -> str | None:
    """As whom `user` writes in `partnership`: its mentor, a coordinator, or a member of one
    side (through the partnership or their organisation); None if they may not comment."""
    if not user.is_authenticated:
        return None
    if partnership.mentor_id and partnership.mentor.user_id == user.pk:
        return Role.MENTOR
    if acts_as_coordinator(user):
        return Role.COORDINATOR
    sides = set(partnership.members.filter(person__user=user).values_list("side", flat=True))
    organisations = set(
        Membership.objects.filter(
            Q(organisation_id=partnership.swedish_organisation_id)
            | Q(organisation_id=partnership.latin_organisation_id),
            person__user=user,
        ).values_list("organisation_id", flat=True)
    )
    if (
        PartnershipMember.Side.SWEDISH in sides
        or partnership.swedish_organisation_id in organisations
    ):
        return Role.SWEDISH
    if PartnershipMember.Side.LATIN in sides or partnership.latin_organisation_id in organisations:
        return Role.LATIN
    return None


def can_delete_comment(user, comment: Comment) -> bool:
    if not user.is_authenticated:
        return False
    return comment.author_id == user.pk or acts_as_coordinator(user)


@transaction.atomic
def comment_create(
    *, partnership: Partnership, body: str, language: str, by, now, base_url: str
) -> Comment:
    """`by` comments on `partnership` in `language`. A comment of the mentor or a coordinator
    is mailed to the members with an account (not to the author), with an absolute link
    under `base_url` (e.g. "https://puentes.example")."""
    role = author_role(by, partnership)
    if role is None:
        raise CommentNotAllowed
    body = (body or "").strip()
    if not body:
        raise CommentEmpty
    if len(body) > COMMENT_MAX:
        raise CommentTooLong
    if language not in LANGUAGE_CODES:
        raise CommentLanguageUnknown
    comment = Comment.objects.create(
        partnership=partnership,
        author=by,
        author_role=role,
        body=body,
        language=language,
        created_at=now,
    )
    audit_record(actor=by, action=activity.COMMENTED, target=comment, scope=partnership, at=now)
    if role in NOTIFYING_ROLES:
        _tell_members(comment, now=now, base_url=base_url)
    return comment


def _tell_members(comment: Comment, *, now, base_url: str) -> None:
    partnership = comment.partnership
    members = (
        partnership.members.filter(person__user__isnull=False, person__user__is_active=True)
        .exclude(person__user=comment.author)
        .select_related("person")
    )
    author = getattr(comment.author, "person", None)
    for member in members:
        person = member.person
        with translation.override(person.preferred_language):
            path = reverse("partnerships:partnership_detail", kwargs={"pk": partnership.pk})
        mail_queue(
            to=person.email,
            template="partnerships/mail/comment_posted",
            context={
                "person": person,
                "partnership": partnership,
                "comment": comment,
                "author_name": author.name if author else comment.author.email,
                "network": partnership.call.network,
                "url": f"{base_url.rstrip('/')}{path}#comments",
            },
            language=person.preferred_language,
            reply_to=partnership.call.network.contact_email or None,
            kind="partnership_comment",
            about=partnership,
            now=now,
        )


@transaction.atomic
def comment_delete(*, comment: Comment, by, now) -> None:
    """Delete `comment`: its author or a coordinator may. The timeline keeps that it was
    deleted and whose it was, not what it said."""
    if not can_delete_comment(by, comment):
        raise CommentNotYours
    author = getattr(comment.author, "person", None)
    audit_record(
        actor=by,
        action=activity.COMMENT_DELETED,
        target=comment,
        scope=comment.partnership,
        data={"author": author.name if author else "—"},
        at=now,
    )
    Comment.objects.filter(pk=comment.pk).delete()
