"""Maps: a network's map shows its public partnerships (organisations and countries, no
people), so it is public like the network's own page; an unpublished or unknown network
answers 404. The map has no models of its own, so nothing in the admin."""

from tests.access.policy import PUBLIC

EXPECTED = {
    "maps:network_map": PUBLIC,
}

EXAMPLE_KWARGS = {
    "maps:network_map": lambda w: {"slug": w.network.slug},
}
