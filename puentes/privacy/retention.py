"""Retention policies applied: what each kind of data being due means, and erasing it.

A policy is a row (privacy.RetentionPolicy), changed by coordinators in the admin; the periods
below are only what a kind falls back to while it has no row. `retention_apply` first finds
what is due for each active policy (ids only), and, unless it is a dry run, erases exactly that
and records one audit entry per policy that changed something. Everything a policy erases
stops being due, so a second run changes nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from puentes.core import audit

from .models import Erasure, RetentionPolicy

Kind = RetentionPolicy.Kind

DEFAULT_DAYS = {
    Kind.DECLINED_INTERESTS: 365,
    Kind.WITHDRAWN_INTERESTS: 365,
    Kind.VISA_DATA: 30,
    Kind.INACTIVE_ACCOUNTS: 3 * 365,
    Kind.SENT_MAIL: 90,
}

RETENTION_APPLIED = audit.action(
    "privacy.retention_applied",
    _("%(actor)s applied the retention policy: %(count)s record(s) erased."),
)


def period_of(kind: str) -> datetime.timedelta:
    policy = RetentionPolicy.objects.filter(kind=kind).first()
    days = policy.period_days if policy is not None else DEFAULT_DAYS[kind]
    return datetime.timedelta(days=days)


@dataclass
class PolicyRun:
    """What one policy found due (ids, no personal data) and whether it was erased."""

    kind: str
    period_days: int
    ids: list[int] = field(default_factory=list)
    applied: bool = False


def retention_apply(*, now, dry_run: bool = False, kinds=None) -> list[PolicyRun]:
    """Apply every active policy (or those of `kinds`); with `dry_run`, only find what is due."""
    policies = RetentionPolicy.objects.filter(is_active=True).order_by("kind")
    if kinds:
        policies = policies.filter(kind__in=kinds)
    runs = []
    for policy in policies:
        cutoff = now - datetime.timedelta(days=policy.period_days)
        run = PolicyRun(kind=policy.kind, period_days=policy.period_days)
        run.ids = list(_DUE[policy.kind](cutoff, now).values_list("pk", flat=True))
        if not dry_run and run.ids:
            _apply(policy, run.ids, now)
            run.applied = True
        runs.append(run)
    return runs


@transaction.atomic
def _apply(policy: RetentionPolicy, ids: list[int], now) -> None:
    _ERASE[policy.kind](ids, now)
    audit.audit_record(
        actor=None,
        action=RETENTION_APPLIED,
        target=policy,
        data={"kind": policy.kind, "count": len(ids), "ids": ids},
        at=now,
    )


# What is due: one queryset per kind, of records that still hold what the policy erases.


def _interests_due(status):
    def due(cutoff, now):
        from puentes.recruitment.models import Interest, Transition

        left = Transition.objects.filter(interest=OuterRef("pk"), to_status=status, at__lte=cutoff)
        holds_data = (
            ~Q(motivation="")
            | ~Q(decision_reason="")
            | Q(contacts__isnull=False)
            | Exists(Transition.objects.filter(interest=OuterRef("pk")).exclude(reason=""))
        )
        return (
            Interest.objects.filter(status=status)
            .filter(Exists(left))
            .filter(holds_data)
            .distinct()
            .order_by("pk")
        )

    return due


def _visa_due(cutoff, now):
    from puentes.workshops.visa import due_for_erasure

    return due_for_erasure(now)


def _inactive_due(cutoff, now):
    from puentes.people.models import Person

    never_since = Q(user__last_login__isnull=True, user__date_joined__lte=cutoff)
    return (
        Person.objects.filter(user__is_active=True, user__is_superuser=False)
        .filter(Q(user__last_login__lte=cutoff) | never_since)
        .exclude(Exists(Erasure.objects.filter(person_pk=OuterRef("pk"))))
        .order_by("pk")
    )


def _mail_due(cutoff, now):
    from puentes.core.models import OutboxMessage

    Status = OutboxMessage.Status
    return OutboxMessage.objects.filter(
        Q(status=Status.SENT, sent_at__lte=cutoff) | Q(status=Status.FAILED, updated_at__lte=cutoff)
    ).order_by("pk")


# Erasing what is due.


def _interests_erase(ids, now):
    from puentes.recruitment.models import Interest, InterestContact, Transition

    # The interest itself stays, counted in the recruitment figures; what people wrote in it
    # and who its contact people were goes.
    InterestContact.objects.filter(interest_id__in=ids).delete()
    Transition.objects.filter(interest_id__in=ids).update(reason="")
    Interest.objects.filter(pk__in=ids).update(motivation="", decision_reason="", updated_at=now)


def _visa_erase(ids, now):
    from puentes.workshops.visa import visa_data_erase

    visa_data_erase(now=now)


def _inactive_erase(ids, now):
    from puentes.people.models import Person

    from .erasure import person_erase

    for person in Person.objects.filter(pk__in=ids):
        person_erase(person=person, by=None, now=now, reason=Erasure.Reason.RETENTION)


def _mail_erase(ids, now):
    from puentes.core.models import OutboxMessage

    OutboxMessage.objects.filter(pk__in=ids).delete()


_DUE = {
    Kind.DECLINED_INTERESTS: _interests_due("declined"),
    Kind.WITHDRAWN_INTERESTS: _interests_due("withdrawn"),
    Kind.VISA_DATA: _visa_due,
    Kind.INACTIVE_ACCOUNTS: _inactive_due,
    Kind.SENT_MAIL: _mail_due,
}
_ERASE = {
    Kind.DECLINED_INTERESTS: _interests_erase,
    Kind.WITHDRAWN_INTERESTS: _interests_erase,
    Kind.VISA_DATA: _visa_erase,
    Kind.INACTIVE_ACCOUNTS: _inactive_erase,
    Kind.SENT_MAIL: _mail_erase,
}
