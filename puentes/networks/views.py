from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from puentes.people.access import coordinator_required

from . import selectors
from .models import Call, Network


def home(request):
    networks = selectors.published_networks()
    return render(
        request,
        "networks/home.html",
        {"networks": networks, "today": timezone.localdate()},
    )


def network_detail(request, slug):
    try:
        network = selectors.network_for_public(slug)
    except Network.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "networks/network_detail.html",
        {"network": network, "today": timezone.localdate()},
    )


def call_detail(request, network_slug, call_slug):
    try:
        call = selectors.call_for_public(network_slug, call_slug)
    except Call.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "networks/call_detail.html",
        {"call": call, "network": call.network, "today": timezone.localdate()},
    )


@coordinator_required
def coordination_home(request):
    context = selectors.coordination_overview(timezone.localdate())
    return render(request, "networks/coordination_home.html", context)
