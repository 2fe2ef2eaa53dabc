"""The audit trail: services record what changed, timelines read it back as sentences.

A service calls `audit_record(...)` inside its transaction, so the entry exists exactly when
the change does. Each app declares its actions once, with the sentence a timeline shows:

    STATEMENT_SAVED = audit.action(
        "partnerships.statement_saved", _("%(actor)s saved the challenge statement.")
    )

Sentences take `%(actor)s` and the keys of the entry's `data`; a sentence whose data lacks a
key (an older entry, say) falls back to the action's code rather than failing the page.
"""

import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from .models import AuditEntry

logger = logging.getLogger(__name__)

_SENTENCES: dict[str, object] = {}


def action(code: str, sentence) -> str:
    """Declare an action and its (lazily translated) sentence; returns the code."""
    _SENTENCES[code] = sentence
    return code


def audit_record(*, actor, action: str, target, scope=None, data=None, at) -> AuditEntry:
    """Record that `actor` (a user, or None for the system) did `action` to `target`.

    `scope` defaults to the target. Call it inside the service's transaction.
    """
    if action not in _SENTENCES:
        raise ValueError(f"undeclared audit action {action!r}")
    scope = target if scope is None else scope
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        scope_type=ContentType.objects.get_for_model(scope),
        scope_id=str(scope.pk),
        data=data or {},
        at=at,
    )


def entries_for(scope):
    """Entries whose timeline is `scope`'s, newest first, with their actors (one query)."""
    return AuditEntry.objects.filter(
        scope_type=ContentType.objects.get_for_model(scope), scope_id=str(scope.pk)
    ).select_related("actor__person")


@dataclass(frozen=True)
class TimelineItem:
    at: object
    sentence: str
    action: str


def describe(entry: AuditEntry) -> TimelineItem:
    """The entry as a sentence in the active language."""
    actor = _actor_name(entry.actor)
    sentence = _SENTENCES.get(entry.action)
    try:
        text = str(sentence) % {**entry.data, "actor": actor}
    except (KeyError, TypeError, ValueError):
        logger.warning("audit entry %s cannot be described", entry.pk)
        text = f"{actor}: {entry.action}"
    return TimelineItem(at=entry.at, sentence=text, action=entry.action)


def _actor_name(user) -> str:
    if user is None:
        return _("Puentes")
    person = getattr(user, "person", None)
    return person.name if person is not None and person.name else _("A user")
