"""Reads of partnerships, and who may see and edit one: decided here, used by every view.

A partnership is seen by the members of either organisation, its member persons, its mentor
and coordinators; everyone else gets 404 (never 403), so nobody learns it exists. Mentors
read only.
"""

from django.db.models import Prefetch, Q

from puentes.core import audit
from puentes.people.access import acts_as_coordinator

from .models import Comment, Partnership, PartnershipMember


def partnerships_visible_to(user):
    if acts_as_coordinator(user):
        return Partnership.objects.all()
    if not user.is_authenticated:
        return Partnership.objects.none()
    return Partnership.objects.for_user(user)


def partnership_for(user, pk) -> Partnership:
    """The partnership `pk` if `user` may see it, with what its workspace shows; raises
    Partnership.DoesNotExist otherwise, which the views answer with 404."""
    return (
        partnerships_visible_to(user)
        .select_related(
            "call__network",
            "swedish_organisation__country",
            "latin_organisation__country",
            "mentor",
            "statement_updated_by",
        )
        .get(pk=pk)
    )


def can_edit_partnership(user, partnership: Partnership) -> bool:
    """Members of either side and coordinators edit; a mentor who is nothing more reads."""
    if acts_as_coordinator(user):
        return True
    if not user.is_authenticated:
        return False
    return (
        Partnership.objects.filter(pk=partnership.pk)
        .filter(
            Q(swedish_organisation__memberships__person__user=user)
            | Q(latin_organisation__memberships__person__user=user)
            | Q(members__person__user=user)
        )
        .exists()
    )


def partnership_members(partnership: Partnership) -> dict[str, list[PartnershipMember]]:
    """The members of each side, {"swedish": [...], "latin": [...]}, in one query."""
    sides = {PartnershipMember.Side.SWEDISH: [], PartnershipMember.Side.LATIN: []}
    for member in partnership.members.select_related("person"):
        sides[member.side].append(member)
    return sides


def partnership_comments(partnership: Partnership):
    """The partnership's comments, newest first, with their authors' names (one query)."""
    return Comment.objects.filter(partnership=partnership).select_related("author__person")


def timeline(entries) -> list[audit.TimelineItem]:
    """Audit entries as sentences in the reader's language; their actors come with the
    entries (core.audit.entries_for), so describing them runs no query."""
    return [audit.describe(entry) for entry in entries]


def recent_activity(partnership: Partnership, count: int = 5) -> list[audit.TimelineItem]:
    """The latest `count` entries of the partnership's activity, for its overview."""
    return timeline(audit.entries_for(partnership)[:count])


def _listed(queryset):
    return queryset.select_related(
        "call__network",
        "swedish_organisation__country",
        "latin_organisation__country",
    ).prefetch_related(Prefetch("themes"))


def my_partnerships(user):
    """The user's partnerships (as a member or mentor), with what the list shows."""
    return _listed(Partnership.objects.for_user(user)).order_by(
        "-call__open_date", "swedish_organisation__name"
    )


def public_partnerships():
    """Every partnership for the public list: organisations, area of cooperation, themes,
    and no personal data."""
    return _listed(Partnership.objects.all()).order_by(
        "-call__open_date", "swedish_organisation__name"
    )
