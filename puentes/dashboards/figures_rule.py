"""How many of a call's partnerships meet its participation rule, counted for the dashboard.

workshops.selectors.rule_statuses gives each partnership its full status with model
instances (a registration with its workshop and country per person: some 21,000 objects and
3 s per dashboard at the programme size). The dashboard needs only three numbers, and the
rule only which workshops a partnership took part in (rule.rule_status works on sets of
workshop ids), so this reads one row per partnership or organisation, workshop and status as
plain values (two queries) and applies the same pure rule.
"""

import zoneinfo

from django.db.models import Q

from puentes.partnerships.models import Partnership
from puentes.workshops import rule
from puentes.workshops.models import Registration, Workshop
from puentes.workshops.selectors import call_rule

Status = Registration.Status


def _participation(status, state, is_online, region, start_at, time_zone):
    """The rule's view of one registration, as workshops.selectors._participations sees it;
    None for a registration that did not count (registered for a workshop held without
    being checked in)."""
    if status == Status.ATTENDED:
        kind = rule.Kind.ATTENDED
    elif state == Workshop.State.HELD:
        return None
    else:
        kind = rule.Kind.PLANNED
    where = "online" if is_online or region is None else region
    return (
        rule.Region(where),
        start_at.astimezone(zoneinfo.ZoneInfo(time_zone)).year,
        kind,
    )


def rule_counts(call) -> tuple[int, int, int]:
    """(met, met once the registered workshops are held, not met) over the call's
    partnerships, in two queries whatever their number."""
    parties = list(
        Partnership.objects.filter(call=call).values_list(
            "pk", "swedish_organisation_id", "latin_organisation_id"
        )
    )
    found = {pk: [] for pk, _, _ in parties}
    sides = {}
    for pk, swedish, latin in parties:
        sides[swedish] = pk
        sides[latin] = pk
    rows = (
        Registration.objects.filter(
            Q(partnership_id__in=list(found)) | Q(organisation_id__in=list(sides)),
            workshop__call__network_id=call.network_id,
            status__in=[Status.ATTENDED, Status.REGISTERED],
        )
        .exclude(workshop__state=Workshop.State.CANCELLED)
        .values_list(
            "partnership_id",
            "organisation_id",
            "workshop_id",
            "status",
            "workshop__state",
            "workshop__is_online",
            "workshop__country__region",
            "workshop__start_at",
            "workshop__time_zone",
        )
        .distinct()
        .order_by()
    )
    for partnership_id, organisation_id, workshop_id, *details in rows:
        seen = _participation(*details)
        if seen is None:
            continue
        owner = partnership_id if partnership_id in found else sides.get(organisation_id)
        if owner in found:
            region, year, kind = seen
            found[owner].append(rule.Participation(workshop_id, region, year, kind))
    the_rule = call_rule(call)
    met = planned = missing = 0
    for participations in found.values():
        status = rule.rule_status(the_rule, participations)
        if status.met:
            met += 1
        elif status.met_if_planned_held:
            planned += 1
        else:
            missing += 1
    return met, planned, missing
