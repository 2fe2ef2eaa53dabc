"""The annual network report: a PDF in Swedish, Spanish or English with the network's figures,
their charts (inline SVG, which WeasyPrint draws) and a summary of every partnership. Drawn on
each download, never stored. It holds no personal data: the same suppressed counts as the
dashboard, and partnerships named by their municipalities."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.template.loader import render_to_string
from django.utils import formats, translation

from puentes.core.i18n import pick
from puentes.networks.models import Theme
from puentes.partnerships.models import Partnership
from puentes.reports.models import ProgressReport

from . import figures, figures_people

LANGUAGES = ("sv", "es", "en")


@dataclass(frozen=True)
class PartnershipSummary:
    name: str
    country: str
    call: str
    phase: str
    themes: tuple[str, ...]
    area: str
    challenge: str
    challenge_lang: str
    reports_submitted: int


def partnership_summaries(network) -> list[PartnershipSummary]:
    """Every partnership of the network, by call and Swedish partner (two queries)."""
    submitted = Q(progress_reports__status=ProgressReport.Status.SUBMITTED)
    partnerships = (
        Partnership.objects.filter(call__network=network)
        .select_related("call", "swedish_organisation", "latin_organisation__country")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "pk")))
        .annotate(n_reports=Count("progress_reports", filter=submitted))
        .order_by("call__open_date", "swedish_organisation__name", "pk")
    )
    summaries = []
    for p in partnerships:
        challenge, challenge_lang = pick(p.challenge_statements)
        summaries.append(
            PartnershipSummary(
                name=f"{p.swedish_organisation.name} – {p.latin_organisation.name}",
                country=pick(p.latin_organisation.country.names)[0],
                call=pick(p.call.titles)[0],
                phase=str(p.get_phase_display()).capitalize(),
                themes=tuple(pick(t.names)[0] for t in p.themes.all()),
                area=pick(p.areas_of_cooperation)[0],
                challenge=challenge,
                challenge_lang=challenge_lang,
                reports_submitted=p.n_reports,
            )
        )
    return summaries


def report_context(network, year: int, today: datetime.date) -> dict:
    """The figures of the report in the active language: recruitment and partnerships over the
    whole network, workshops and participants of `year`."""
    calls = network.calls.all()
    attendance = figures_people.attendance(calls, year)
    return {
        "network": network,
        "network_name": pick(network.names)[0],
        "year": year,
        "today": formats.date_format(today, "DATE_FORMAT"),
        "funnel": figures.funnel(network),
        "themes": figures.by_theme(network, calls),
        "countries": figures.by_country(calls),
        "phases": figures.by_phase(calls),
        "municipalities": figures.municipalities(calls),
        "attendance": attendance,
        "attendance_figure": figures_people.attendance_figure(attendance),
        "roles": figures_people.participants_by_role(calls, year),
        "genders": figures_people.participants_by_gender(calls, year),
        "partnerships": partnership_summaries(network),
    }


def annual_report_html(network, *, year: int, language: str, today: datetime.date) -> str:
    with translation.override(language):
        context = report_context(network, year, today)
        return render_to_string("dashboards/annual_report.html", {**context, "lang": language})


def annual_report_pdf(network, *, year: int, language: str, today: datetime.date) -> bytes:
    # Imported here: WeasyPrint needs the Pango library, and only this download needs it.
    from weasyprint import HTML

    html = annual_report_html(network, year=year, language=language, today=today)
    return HTML(string=html).write_pdf()
