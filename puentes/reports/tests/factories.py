"""factory_boy factories for progress reports. Rows are written directly; tests of the rules
go through puentes.reports.services."""

import datetime

import factory
from factory.django import DjangoModelFactory

from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.reports.models import ProgressReport, ReportSignOff


class ProgressReportFactory(DjangoModelFactory):
    """A draft with what was done written in Swedish and Spanish, in the partnership's call."""

    class Meta:
        model = ProgressReport

    partnership = factory.SubFactory(PartnershipFactory)
    period = factory.SubFactory(
        ReportingPeriodFactory, call=factory.SelfAttribute("..partnership.call")
    )
    activities = factory.LazyFunction(
        lambda: {
            "sv": "Vi höll två workshoppar med byråden.",
            "es": "Realizamos dos talleres con los COCODE.",
        }
    )
    authors = factory.LazyFunction(lambda: {"activities": {"sv": "swedish", "es": "latin"}})


class ReportSignOffFactory(DjangoModelFactory):
    class Meta:
        model = ReportSignOff

    report = factory.SubFactory(ProgressReportFactory)
    side = "swedish"
    signed_at = datetime.datetime(2025, 1, 20, 12, 0, tzinfo=datetime.UTC)
    version = factory.SelfAttribute("report.version")
