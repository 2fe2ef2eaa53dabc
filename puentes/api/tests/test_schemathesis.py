"""schemathesis against the running API: every operation of the OpenAPI document, with
generated (and deliberately wrong) input, anonymously and with a coordinator's token, over the
demo network. Every answer must be a non-5xx status the document lists, with the content type
and body shape it describes."""

import pytest
import schemathesis
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from puentes.api.services import token_create
from puentes.networks.demo import demo_load
from puentes.networks.models import Call
from puentes.partnerships.models import Partnership
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import NetworkRoleFactory
from puentes.places.testing import load_reference_data_for_tests
from puentes.plans.models import IndicatorValue
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.workshops.models import Registration, Workshop

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 10, schemathesis.GenerationMode.NEGATIVE: 5}


def _existing_records(network) -> dict[str, dict]:
    """For each kind of record, a real one of the demo, so answers of 200 are checked too."""

    def first(queryset):
        return {"id": queryset.order_by("pk").values_list("pk", flat=True).first()}

    return {
        "networks": {"slug": network.slug},
        "calls": first(Call.objects),
        "seeking-profiles": first(SeekingProfile.objects.published()),
        "partnerships": first(Partnership.objects),
        "workshops": first(Workshop.objects.published()),
        "interests": first(Interest.objects.exclude(status="draft")),
        "registrations": first(Registration.objects),
        "indicator-values": first(IndicatorValue.objects),
    }


@pytest.fixture
def demo_api(transactional_db):
    load_reference_data_for_tests()
    network = demo_load().network
    coordinator = NetworkRoleFactory(network=network, role=NetworkRole.Role.COORDINATOR)
    TOTP.activate(coordinator.person.user, generate_totp_secret())
    _token, secret = token_create(
        user=coordinator.person.user, name="schemathesis", now=timezone.now()
    )
    return _existing_records(network), secret


def _run(operation, base_url, headers, mode, path_parameters=None) -> list[str]:
    failures = []

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def exercise(case):
        response = case.call(base_url=base_url, headers=headers)
        case.validate_response(response, checks=CHECKS)

    try:
        exercise()
    except Unsatisfiable:
        # No wrong input exists for some operations (a slug in the path may be any text).
        assert mode == schemathesis.GenerationMode.NEGATIVE, operation.label
    except (Exception, BaseExceptionGroup) as failure:  # every operation runs; report them all
        failures.append(f"{operation.label} ({mode.value}, {sorted(headers)}): {failure}")
    return failures


def test_every_operation_answers_as_its_schema_says(live_server, demo_api):
    records, secret = demo_api
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    callers = [{}, {"Authorization": f"Bearer {secret}"}]
    failures, operations = [], 0

    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        kind = operation.path.removeprefix("/api/v1/").split("/")[0]
        real = records[kind] if "{" in operation.path else None
        for headers in callers:
            for mode in EXAMPLES:
                failures += _run(operation, live_server.url, headers, mode)
            if real:
                failures += _run(
                    operation, live_server.url, headers, schemathesis.GenerationMode.POSITIVE, real
                )

    assert operations == 21
    assert not failures, "\n\n".join(failures)
