from django.http import Http404
from django.shortcuts import render

from puentes.networks.models import Network

from . import selectors


def network_map(request, slug):
    """The public map of a network's partnerships, with the same facts in a table."""
    try:
        network = selectors.network_for_map(slug)
    except Network.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "maps/network_map.html",
        {"network": network, "map": selectors.network_map(network)},
    )
