"""Helpers for other apps' tests that need the official reference data."""

from .services import DATA_DIR, LoadSummary, reference_data_load


def load_reference_data_for_tests() -> LoadSummary:
    """Load the real countries, areas and organisations shipped with Puentes.

    Call it from a test (or fixture) that has database access, e.g.
    ``Organisation.objects.get(country__code="SE", code="0180")`` afterwards finds Stockholm.
    """
    return reference_data_load(data_dir=DATA_DIR)
