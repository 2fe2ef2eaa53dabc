"""Which network and call a dashboard shows, and every figure of it, gathered for a page."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from puentes.core.public_cache import page_version
from puentes.networks import selectors as network_selectors
from puentes.networks.models import Network
from puentes.workshops.models import Workshop

from . import figures, figures_followup, figures_people
from .suppression import suppress_one


def dashboard_scope(network_slug: str | None, call_slug: str | None):
    """(networks, network, calls, call): the chosen network (else the first) and call (else
    the network's latest); call is None when the network has none. Two queries."""
    networks = list(Network.objects.order_by("start_date", "pk"))
    network = next((n for n in networks if n.slug == network_slug), None)
    if network is None and networks:
        network = networks[0]
    if network is None:
        return networks, None, [], None
    calls = list(network.calls.order_by("-open_date", "-pk"))
    call = next((c for c in calls if c.slug == call_slug), calls[0] if calls else None)
    return networks, network, calls, call


def coordinator_figures(network, call, today: datetime.date) -> dict:
    """Everything the coordinators' dashboard shows for one call of a network, kept in the
    cache under the data version (puentes.core.public_cache), which every committed write
    bumps: the figures are the same for every coordinator allowed to see them and are
    recomputed after any change, on every worker (one query to read the version)."""
    seconds = settings.PUENTES_DASHBOARD_CACHE_SECONDS
    if not seconds:
        return _coordinator_figures(network, call, today)
    language = translation.get_language()
    key = f"puentes:dashboard:{page_version()}:{language}:{today}:{network.pk}:{call.pk}"
    found = cache.get(key)
    if found is None:
        found = _coordinator_figures(network, call, today)
        cache.set(key, found, seconds)
    return found


def _coordinator_figures(network, call, today: datetime.date) -> dict:
    funnel = figures.funnel(network)
    selected = next(row for row in funnel if row.call.pk == call.pk)
    calls = [call]
    attendance = figures_people.attendance(calls)
    report_rows = figures_followup.reports(call, today)
    indicator_rows = figures_followup.indicators(call)
    return {
        "funnel": funnel,
        "funnel_figure": figures.funnel_figure(selected),
        "themes": figures.by_theme(network, calls),
        "countries": figures.by_country(calls),
        "phases": figures.by_phase(calls),
        "attendance": attendance,
        "attendance_figure": figures_people.attendance_figure(attendance),
        "rule": figures_followup.rule_compliance(call),
        "report_rows": report_rows,
        "reports_figure": figures_followup.reports_figure(report_rows),
        "indicator_rows": indicator_rows,
        "indicators_figure": figures_followup.indicators_figure(indicator_rows),
        "roles": figures_people.participants_by_role(calls),
        "genders": figures_people.participants_by_gender(calls),
    }


def public_network(slug: str):
    """A published network; raises Network.DoesNotExist otherwise."""
    return network_selectors.network_for_public(slug)


def public_figures(network) -> dict:
    """What is safe to publish about a network: counts of partnerships, municipalities and
    workshops held, and the people who attended only when 3 or more."""
    calls = network.calls.all()
    held = Workshop.objects.filter(call__in=calls, state=Workshop.State.HELD)
    attendees = (
        figures_people.attendees(calls)
        .filter(workshop__state=Workshop.State.HELD)
        .values("person")
        .distinct()
        .count()
    )
    return {
        "themes": figures.by_theme(network, calls),
        "countries": figures.by_country(calls),
        "phases": figures.by_phase(calls),
        "municipalities": figures.municipalities(calls),
        "workshops_held": held.count(),
        "attendees": suppress_one(attendees),
    }
