from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from puentes.networks.models import Network

from . import selectors

ROWS_PER_PAGE = 25


def network_map(request, slug):
    """The public map of a network's partnerships, with the same facts in a table."""
    try:
        network = selectors.network_for_map(slug)
    except Network.DoesNotExist as exc:
        raise Http404 from exc
    drawn = selectors.network_map(network)
    # The table lists the same partnerships a page at a time (issue #8: page weight).
    page = Paginator(drawn.partnerships, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "maps/network_map.html", {"network": network, "map": drawn, "page": page}
    )
