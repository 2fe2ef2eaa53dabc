from django import template

from puentes.maps import selectors

register = template.Library()


@register.simple_tag
def network_map(network):
    """{% network_map network as map %}: the map of `network`, for pages that embed it."""
    return selectors.network_map(network)
