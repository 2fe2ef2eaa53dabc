from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from puentes.people.access import coordinator_required

from . import selectors
from .models import Call, Network


def _open_calls(network, today):
    return [call for call in network.calls.all() if call.is_open_on(today)]


def home(request):
    today = timezone.localdate()
    networks = selectors.published_networks()
    for network in networks:
        network.open_calls = _open_calls(network, today)
    return render(request, "networks/home.html", {"networks": networks, "today": today})


def network_detail(request, slug):
    try:
        network = selectors.network_for_public(slug)
    except Network.DoesNotExist as exc:
        raise Http404 from exc
    today = timezone.localdate()
    context = {"network": network, "open_calls": _open_calls(network, today), "today": today}
    return render(request, "networks/network_detail.html", context)


def call_detail(request, network_slug, call_slug):
    try:
        call = selectors.call_for_public(network_slug, call_slug)
    except Call.DoesNotExist as exc:
        raise Http404 from exc
    today = timezone.localdate()
    return render(
        request,
        "networks/call_detail.html",
        {
            "call": call,
            "network": call.network,
            "today": today,
            "call_state": call.status_on(today),
        },
    )


@coordinator_required
def coordination_home(request):
    context = selectors.coordination_overview(timezone.localdate())
    return render(request, "networks/coordination_home.html", context)
