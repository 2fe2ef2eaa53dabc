"""Changes of state for networks, their themes and calls."""

from .models import Call, Network, Theme


def network_ensure(*, slug: str, defaults: dict) -> tuple[Network, bool]:
    """Return the network with this slug, creating it from `defaults` if there is none.

    An existing network is returned as it is: what people changed in it is kept.
    """
    return Network.objects.get_or_create(slug=slug, defaults=defaults)


def theme_ensure(*, network: Network, slug: str, defaults: dict) -> tuple[Theme, bool]:
    """Return the network's theme with this slug, creating it if there is none."""
    return Theme.objects.get_or_create(network=network, slug=slug, defaults=defaults)


def call_ensure(*, network: Network, slug: str, defaults: dict) -> tuple[Call, bool]:
    """Return the network's call with this slug, creating it if there is none."""
    return Call.objects.get_or_create(network=network, slug=slug, defaults=defaults)
