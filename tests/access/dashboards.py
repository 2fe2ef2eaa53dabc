"""Dashboards: the coordinators' dashboard (per network and call) and the annual report (a PDF)
are the secretariat's; a network's results page is public and shows only counts that are safe
to publish."""

from tests.access.policy import COORDINATORS, PUBLIC

EXPECTED = {
    "dashboards:coordinator_dashboard": COORDINATORS,
    "dashboards:annual_report": COORDINATORS,
    "dashboards:public_results": PUBLIC,
}

EXAMPLE_KWARGS = {
    "dashboards:public_results": lambda w: {"slug": w.network.slug},
}
