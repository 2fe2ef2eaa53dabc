"""Reads of the exports page; the rows of each export are in tables.py."""

from django.db.models import Prefetch

from puentes.networks.models import Call, Network


def export_networks() -> list[Network]:
    """Every network with its calls, newest call first: what an export may cover."""
    calls = Call.objects.order_by("-open_date", "slug")
    return list(
        Network.objects.prefetch_related(Prefetch("calls", queryset=calls)).order_by("slug")
    )
