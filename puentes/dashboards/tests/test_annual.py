"""The annual report: a PDF whose extracted text holds the figures of fixture.py and every
partnership, in the language asked for; for coordinators only."""

import datetime
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from puentes.dashboards.annual import annual_report_html, annual_report_pdf
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory

from .fixture import build
from .test_views import _grow

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


@pytest.fixture
def net():
    return build()


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_english_report_holds_the_figures_and_every_partnership(net):
    pdf = annual_report_pdf(net.network, year=2024, language="en", today=TODAY)
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert "Annual report 2024" in text
    # the funnel of call C: 5 submitted, 3 accepted, 2 matched
    assert "call-c 5 3 2" in text
    # municipalities: Sweden 3, Colombia 2, Guatemala 2, total 7
    assert "Total 7" in text
    # participants by gender in 2024: women 4, men and not given hidden, total 8
    assert "Woman 4" in text and "Man fewer than 3" in text and "Total 8" in text
    for name in ("Stockholm – Guatemala", "Göteborg – Medellín", "Malmö – Cobán"):
        assert name in text
    assert "Stockholm – Bogotá" in text  # the other call's partnership too
    assert "Person A" not in text


def test_a_year_without_workshops_counts_no_participants(net):
    text = text_of(annual_report_pdf(net.network, year=2025, language="en", today=TODAY))
    assert "Woman 0" in text and "Total 0" in text


@pytest.mark.parametrize(("language", "name"), [("sv", "Nätverk"), ("es", "Red")])
def test_the_report_is_written_in_the_language_asked_for(net, language, name):
    text = text_of(annual_report_pdf(net.network, year=2024, language=language, today=TODAY))
    assert f"{name} dash-network" in text
    assert "Stockholm – Guatemala" in text


def test_only_coordinators_download_it(client, net):
    with translation.override("en"):
        url = reverse("dashboards:annual_report")
    query = f"?network={net.network.slug}&year=2024&language=es"
    client.force_login(MembershipFactory().person.user)
    assert client.get(url + query).status_code == 403
    coordinator = NetworkRoleFactory(network=net.network).person.user
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator)
    response = client.get(url + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "annual-report_dash-network_2024_es.pdf" in response["Content-Disposition"]


def test_the_report_costs_the_same_queries_for_small_and_larger_data(net):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            annual_report_html(net.network, year=2024, language="en", today=TODAY)
        return len(captured)

    few = queries()
    _grow(net)
    assert queries() == few
