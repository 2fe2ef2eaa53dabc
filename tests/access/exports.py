"""Exports and the import of indicator values: coordinators only, every page. Confirming an
import is a POST, so a coordinator's GET of it answers 405."""

from tests.access.policy import COORDINATORS, NOT_ALLOWED

EXPECTED = {
    "exports:index": COORDINATORS,
    "exports:import": COORDINATORS,
    "exports:import_confirm": {**COORDINATORS, "coordinator": NOT_ALLOWED},
}
