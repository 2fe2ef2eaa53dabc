"""The demo's documents: Lessebo–Totonicapán shares an attendance list (CSV, by the
Guatemalan member) and workshop notes (a PDF made by the demo, by the Swedish member), once."""

import datetime

import pytest
from django.utils import timezone

from puentes.core.audit import entries_for
from puentes.documents import activity
from puentes.documents.demo import documents_demo_load
from puentes.documents.models import Document
from puentes.documents.storage import document_storage
from puentes.networks.demo import demo_load
from puentes.partnerships.models import Partnership
from puentes.places.testing import load_reference_data_for_tests


@pytest.fixture
def demo(db):
    load_reference_data_for_tests()
    return demo_load(now=datetime.datetime(2025, 3, 1, 12, 0, tzinfo=datetime.UTC))


def test_lessebo_totonicapan_shares_an_attendance_list_and_workshop_notes(demo):
    lessebo = Partnership.objects.get(swedish_organisation__name="Lessebo")

    documents = {d.content_type: d for d in lessebo.documents.select_related("uploaded_by")}

    assert demo.created["documents"] == 2
    attendance = documents["text/csv; charset=utf-8"]
    notes = documents["application/pdf"]
    assert attendance.uploaded_by.email == "totonicapan@demo.puentes.test"
    assert attendance.titles.keys() == {"es"}
    assert notes.uploaded_by.email == "lessebo@demo.puentes.test"
    assert notes.titles.keys() == {"sv"}
    for document in (attendance, notes):
        with document_storage().open(document.file.name) as stored:
            assert len(stored.read()) == document.size
    assert entries_for(lessebo).filter(action=activity.UPLOADED).count() == 2
    assert not Document.objects.exclude(partnership=lessebo).exists()


def test_loading_the_demo_again_shares_nothing_twice(demo):
    again = demo_load()

    assert not again.created["documents"]
    assert Document.objects.count() == 2


def test_without_the_demo_partnership_there_is_nothing_to_share(db):
    assert documents_demo_load(now=timezone.now()) == {}


def test_a_rerun_that_finds_both_documents_costs_one_query(demo, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert documents_demo_load(now=timezone.now()) == {}
