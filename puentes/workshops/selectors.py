"""Reads of workshops and registrations, and who may register or see whom.

The participation rule itself is pure (rule.py); `rule_statuses` gathers its data here.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, F, Prefetch, Q, Value, When

from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.people.access import acts_as_coordinator
from puentes.people.models import Membership, Person

from . import rule
from .models import AgendaSession, Registration, Workshop

Status = Registration.Status


# --- Who registers whom ------------------------------------------------------------------


def _partnerships_of(person):
    """The partnerships `person` works in: as a member, or through their organisation."""
    return Partnership.objects.filter(
        Q(members__person=person)
        | Q(swedish_organisation__memberships__person=person)
        | Q(latin_organisation__memberships__person=person)
    )


def colleagues_of(user):
    """People `user` may register besides themselves: those of their organisations and of
    their partnerships (members, and the people of both partner organisations)."""
    person = getattr(user, "person", None)
    if person is None:
        return Person.objects.none()
    organisations = Membership.objects.filter(person=person).values("organisation_id")
    partnerships = _partnerships_of(person).values("pk")
    return (
        Person.objects.filter(
            Q(memberships__organisation_id__in=organisations)
            | Q(partnership_memberships__partnership_id__in=partnerships)
            | Q(memberships__organisation__partnerships_as_swedish__in=partnerships)
            | Q(memberships__organisation__partnerships_as_latin__in=partnerships)
        )
        .exclude(pk=person.pk)
        .distinct()
        .order_by("name", "pk")
    )


def may_register(user, person) -> bool:
    if not user.is_authenticated or getattr(user, "person", None) is None:
        return False
    return person.pk == user.person.pk or colleagues_of(user).filter(pk=person.pk).exists()


def affiliation(person, call):
    """(partnership, organisation) that `person` takes part for in `call`'s workshops: their
    partnership in the call (and its side's organisation), else their first organisation."""
    member = (
        PartnershipMember.objects.filter(person=person, partnership__call=call)
        .select_related("partnership")
        .order_by("pk")
        .first()
    )
    if member is not None:
        partnership = member.partnership
        if member.side == PartnershipMember.Side.SWEDISH:
            return partnership, partnership.swedish_organisation
        return partnership, partnership.latin_organisation
    memberships = list(
        Membership.objects.filter(person=person).select_related("organisation").order_by("pk")
    )
    organisation_ids = [m.organisation_id for m in memberships]
    partnership = (
        Partnership.objects.filter(call=call)
        .filter(
            Q(swedish_organisation_id__in=organisation_ids)
            | Q(latin_organisation_id__in=organisation_ids)
        )
        .select_related("swedish_organisation", "latin_organisation")
        .order_by("pk")
        .first()
    )
    if partnership is not None:
        if partnership.swedish_organisation_id in organisation_ids:
            return partnership, partnership.swedish_organisation
        return partnership, partnership.latin_organisation
    return None, memberships[0].organisation if memberships else None


# --- Workshops ---------------------------------------------------------------------------


def workshops_visible_to(user):
    if acts_as_coordinator(user):
        return Workshop.objects.all()
    return Workshop.objects.published()


def _with_place(queryset):
    return queryset.select_related("call__network", "country")


def _with_counts(queryset):
    return queryset.annotate(
        places_taken=Count(
            "registrations",
            filter=Q(
                registrations__status__in=[Status.REGISTERED, Status.ATTENDED, Status.NO_SHOW]
            ),
        ),
        waiting=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
    )


def workshop_list(user):
    """Every workshop the user may see, soonest first, with the places taken."""
    return _with_counts(_with_place(workshops_visible_to(user))).order_by("start_at", "pk")


def workshop_list_coming_first(user, now):
    """Every workshop the user may see: the coming ones soonest first, then the past ones
    latest first, in one ordering so that the public list pages through both."""
    is_past = Case(When(end_at__lt=now, then=Value(1)), default=Value(0))
    return (
        _with_counts(_with_place(workshops_visible_to(user)))
        .annotate(
            is_past=is_past,
            coming_start=Case(When(end_at__gte=now, then=F("start_at"))),
            past_start=Case(When(end_at__lt=now, then=F("start_at"))),
        )
        .order_by("is_past", "coming_start", "-past_start", "pk")
    )


def workshop_for(user, pk) -> Workshop:
    """The workshop with its agenda; drafts only for coordinators. Raises DoesNotExist."""
    sessions = Prefetch("sessions", queryset=AgendaSession.objects.order_by("start_at", "pk"))
    return (
        _with_counts(_with_place(workshops_visible_to(user))).prefetch_related(sessions).get(pk=pk)
    )


def own_registration(user, workshop):
    """The user's own active registration for `workshop`, or None."""
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.active()
        .filter(workshop=workshop, person__user=user)
        .order_by("-pk")
        .first()
    )


def my_registrations(user):
    """Registrations the user holds or made for others, newest workshop first."""
    return (
        Registration.objects.filter(Q(person__user=user) | Q(registered_by=user))
        .select_related("workshop__country", "workshop__call", "person")
        .order_by("-workshop__start_at", "person__name", "pk")
    )


def registration_for(user, pk) -> Registration:
    """A registration the user may act on (their own, one they made, or any for a
    coordinator); raises DoesNotExist for anyone else, answered with 404."""
    queryset = Registration.objects.select_related(
        "workshop__call__network", "workshop__country", "person", "partnership"
    )
    if not acts_as_coordinator(user):
        queryset = queryset.filter(Q(person__user=user) | Q(registered_by=user))
    return queryset.get(pk=pk)


def workshop_registrations(workshop):
    """Every registration of a workshop, for coordinators: places first, then the waiting
    list in its order, then cancellations."""
    order = {Status.REGISTERED: 0, Status.ATTENDED: 0, Status.NO_SHOW: 0, Status.WAITLISTED: 1}
    rows = list(
        workshop.registrations.select_related(
            "person",
            "organisation__country",
            "partnership__swedish_organisation",
            "partnership__latin_organisation",
            "registered_by__person",
        ).order_by("registered_at", "pk")
    )
    return sorted(rows, key=lambda r: order.get(r.status, 2))


def checkin_rows(workshop):
    """The registrations with a place, by name, for the check-in list."""
    return list(
        workshop.registrations.holding_a_place()
        .select_related("person", "organisation")
        .order_by("person__name", "pk")
    )


# --- The participation rule --------------------------------------------------------------


@dataclass(frozen=True)
class PartyStatus:
    """A partnership, how it stands, and how its Swedish organisation stands alone."""

    partnership: Partnership
    status: rule.Status
    swedish_status: rule.Status


def call_rule(call) -> rule.Rule:
    return rule.Rule(
        year=call.rule_year,
        min_latin_america=call.rule_min_latin_america,
        min_sweden=call.rule_min_sweden,
    )


def _participations(call, partnership_ids, organisation_ids):
    """(registration, Participation) for attended and planned registrations of the call's
    network's workshops, of the given partnerships or organisations."""
    registrations = (
        Registration.objects.filter(
            Q(partnership_id__in=partnership_ids) | Q(organisation_id__in=organisation_ids),
            workshop__call__network_id=call.network_id,
            status__in=[Status.ATTENDED, Status.REGISTERED],
        )
        .exclude(workshop__state=Workshop.State.CANCELLED)
        .select_related("workshop__country")
    )
    for registration in registrations:
        workshop = registration.workshop
        if registration.status == Status.ATTENDED:
            kind = rule.Kind.ATTENDED
        elif workshop.state == Workshop.State.HELD:
            continue  # registered but never checked in: did not count
        else:
            kind = rule.Kind.PLANNED
        yield (
            registration,
            rule.Participation(
                workshop_id=workshop.pk,
                region=rule.Region(workshop.region),
                year=workshop.start_at.astimezone(workshop.zone).year,
                kind=kind,
            ),
        )


def rule_statuses(call, partnerships=None) -> list[PartyStatus]:
    """How each of the call's partnerships (or those given) stands against the call's rule,
    in three queries whatever their number."""
    if partnerships is None:
        partnerships = Partnership.objects.filter(call=call)
    partnerships = list(
        partnerships.select_related("swedish_organisation", "latin_organisation").order_by(
            "swedish_organisation__name", "pk"
        )
    )
    by_partnership = {p.pk: [] for p in partnerships}
    by_organisation = {p.swedish_organisation_id: [] for p in partnerships}
    sides = {}
    for p in partnerships:
        sides[p.swedish_organisation_id] = p.pk
        sides[p.latin_organisation_id] = p.pk
    found = _participations(call, list(by_partnership), list(sides))
    for registration, participation in found:
        owner = registration.partnership_id
        if owner not in by_partnership:
            owner = sides.get(registration.organisation_id)
        if owner in by_partnership:
            by_partnership[owner].append(participation)
        if registration.organisation_id in by_organisation:
            by_organisation[registration.organisation_id].append(participation)
    the_rule = call_rule(call)
    return [
        PartyStatus(
            partnership=p,
            status=rule.rule_status(the_rule, by_partnership[p.pk]),
            swedish_status=rule.rule_status(the_rule, by_organisation[p.swedish_organisation_id]),
        )
        for p in partnerships
    ]


def partnership_workshops(partnership):
    """The registrations of a partnership's people for the network's workshops, soonest
    workshop first (for the partnership's workshops page)."""
    organisations = [partnership.swedish_organisation_id, partnership.latin_organisation_id]
    return list(
        Registration.objects.active()
        .filter(
            Q(partnership=partnership) | Q(organisation_id__in=organisations),
            workshop__call__network_id=partnership.call.network_id,
        )
        .select_related("workshop__country", "person", "organisation")
        .order_by("workshop__start_at", "person__name", "pk")
    )
