"""The coordinators' dashboard (per network and call, chosen with a GET form), the annual
report as a PDF, and a network's public results page."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from puentes.networks.models import Network
from puentes.people.access import coordinator_required

from . import annual, selectors

INDICATORS_PER_PAGE = 25


@coordinator_required
def coordinator_dashboard(request):
    networks, network, calls, call = selectors.dashboard_scope(
        request.GET.get("network"), request.GET.get("call")
    )
    context = {"networks": networks, "network": network, "calls": calls, "call": call}
    if network is not None:
        context["years"] = range(network.start_date.year, network.end_date.year + 1)
        context["this_year"] = _year(None, network, timezone.localdate())
    if call is not None:
        context.update(selectors.coordinator_figures(network, call, timezone.localdate()))
        # A call of hundreds of partnerships has thousands of indicators: the table shows
        # them a page at a time (issue #8); the figure above it sums them all.
        context["indicator_page"] = Paginator(
            context["indicator_rows"], INDICATORS_PER_PAGE
        ).get_page(request.GET.get("page"))
    return render(request, "dashboards/coordinator.html", context)


def public_results(request, slug):
    try:
        network = selectors.public_network(slug)
    except Network.DoesNotExist as exc:
        raise Http404 from exc
    context = {"network": network, **selectors.public_figures(network)}
    return render(request, "dashboards/public_results.html", context)


def _year(value, network, today) -> int:
    """The year asked for, within the network's period; else this year, within it."""
    first, last = network.start_date.year, network.end_date.year
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = today.year
    return min(max(year, first), last)


@coordinator_required
def annual_report(request):
    """The annual report as a PDF, in the language asked for (sv, es or en)."""
    _networks, network, _calls, _call = selectors.dashboard_scope(request.GET.get("network"), None)
    if network is None:
        raise Http404
    today = timezone.localdate()
    year = _year(request.GET.get("year"), network, today)
    language = request.GET.get("language")
    if language not in annual.LANGUAGES:
        language = request.LANGUAGE_CODE
    pdf = annual.annual_report_pdf(network, year=year, language=language, today=today)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"annual-report_{network.slug}_{year}_{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
