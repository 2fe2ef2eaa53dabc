"""The coordinators' dashboard (per network and call, chosen with a GET form) and a network's
public results page."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from puentes.networks.models import Network
from puentes.people.access import coordinator_required

from . import selectors


@coordinator_required
def coordinator_dashboard(request):
    networks, network, calls, call = selectors.dashboard_scope(
        request.GET.get("network"), request.GET.get("call")
    )
    context = {"networks": networks, "network": network, "calls": calls, "call": call}
    if call is not None:
        context.update(selectors.coordinator_figures(network, call, timezone.localdate()))
    return render(request, "dashboards/coordinator.html", context)


def public_results(request, slug):
    try:
        network = selectors.public_network(slug)
    except Network.DoesNotExist as exc:
        raise Http404 from exc
    context = {"network": network, **selectors.public_figures(network)}
    return render(request, "dashboards/public_results.html", context)
