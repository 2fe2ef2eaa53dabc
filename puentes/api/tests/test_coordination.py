"""Coordinators' writes go through the apps' services: the workflow's rules hold, the audit
trail (or the interest's recorded steps) has an entry, and the mails are queued."""

from decimal import Decimal

from puentes.core.models import AuditEntry, OutboxMessage
from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.plans.models import IndicatorValue
from puentes.plans.tests.factories import IndicatorFactory, PeopleIndicatorFactory, plan_of
from puentes.recruitment.models import Interest, Transition
from puentes.recruitment.tests.factories import InterestFactory, contact_people
from puentes.workshops.models import Registration
from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory

from .helpers import error_of


def test_a_decision_is_taken_by_the_recruitment_service_and_the_contact_is_told(
    coordinator_api, coordinator, call
):
    interest = InterestFactory(call=call, status=Interest.Status.IN_REVIEW)
    contact = contact_people(interest)[0]

    response = coordinator_api.post(
        f"/api/v1/interests/{interest.pk}/decision/", {"decision": "accepted", "reason": ""}
    )

    assert response.status_code == 200 and response.json()["status"] == "accepted"
    step = Transition.objects.get(interest=interest)
    assert (step.from_status, step.to_status, step.by) == ("in_review", "accepted", coordinator)
    assert OutboxMessage.objects.filter(to_address=contact.email).count() == 1


def test_taking_an_interest_into_review_records_the_step(coordinator_api, coordinator, call):
    interest = InterestFactory(call=call, status=Interest.Status.SUBMITTED)

    response = coordinator_api.post(f"/api/v1/interests/{interest.pk}/review/")

    assert response.status_code == 200 and response.json()["status"] == "in_review"
    assert Transition.objects.get(interest=interest).by == coordinator


def test_a_decision_the_workflow_does_not_allow_is_a_conflict(coordinator_api, call):
    interest = InterestFactory(call=call, status=Interest.Status.SUBMITTED)

    response = coordinator_api.post(
        f"/api/v1/interests/{interest.pk}/decision/", {"decision": "accepted"}
    )

    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"
    interest.refresh_from_db()
    assert interest.status == "submitted" and not Transition.objects.exists()


def test_declining_without_a_reason_names_the_field(coordinator_api, call):
    interest = InterestFactory(call=call, status=Interest.Status.IN_REVIEW)

    response = coordinator_api.post(
        f"/api/v1/interests/{interest.pk}/decision/", {"decision": "declined", "reason": " "}
    )

    assert response.status_code == 400
    assert list(error_of(response)["fields"]) == ["reason"]
    assert not OutboxMessage.objects.exists()


def test_a_draft_interest_is_the_applicants_own_and_not_found(coordinator_api, call):
    draft = InterestFactory(call=call)

    assert coordinator_api.get(f"/api/v1/interests/{draft.pk}/").status_code == 404
    assert coordinator_api.get("/api/v1/interests/").json()["count"] == 0


def test_interests_filter_by_status(coordinator_api, call):
    accepted = InterestFactory(call=call, status=Interest.Status.ACCEPTED)
    InterestFactory(call=call, status=Interest.Status.SUBMITTED)

    rows = coordinator_api.get("/api/v1/interests/", {"status": "accepted"}).json()["results"]

    assert [row["id"] for row in rows] == [accepted.pk]


def test_check_in_through_the_api_is_recorded_in_the_audit_trail(
    coordinator_api, coordinator, call
):
    registration = RegistrationFactory(workshop=WorkshopFactory(call=call))

    response = coordinator_api.post(
        f"/api/v1/registrations/{registration.pk}/mark/", {"status": "attended"}
    )

    assert response.status_code == 200 and response.json()["status"] == "attended"
    entry = AuditEntry.objects.get(action="workshops.attended")
    assert entry.actor == coordinator and entry.target_id == str(registration.pk)


def test_a_turn_on_the_waiting_list_cannot_be_marked_present(coordinator_api, call):
    waiting = RegistrationFactory(
        workshop=WorkshopFactory(call=call), status=Registration.Status.WAITLISTED
    )

    response = coordinator_api.post(
        f"/api/v1/registrations/{waiting.pk}/mark/", {"status": "attended"}
    )

    assert response.status_code == 409
    assert not AuditEntry.objects.filter(action="workshops.attended").exists()


def test_cancelling_a_place_gives_it_to_the_waiting_list(coordinator_api, call):
    workshop = WorkshopFactory(call=call, capacity=1)
    place = RegistrationFactory(workshop=workshop)
    waiting = RegistrationFactory(workshop=workshop, status=Registration.Status.WAITLISTED)

    response = coordinator_api.post(f"/api/v1/registrations/{place.pk}/cancel/")

    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    waiting.refresh_from_db()
    assert waiting.status == "registered"
    assert AuditEntry.objects.filter(action="workshops.promoted").count() == 1


def test_registrations_name_the_person_but_not_their_needs(coordinator_api, call):
    registration = RegistrationFactory(
        workshop=WorkshopFactory(call=call), dietary_needs="Vegetarian"
    )

    row = coordinator_api.get(f"/api/v1/registrations/{registration.pk}/").json()

    assert row["person"] == {"id": registration.person.pk, "name": registration.person.name}
    assert "Vegetarian" not in str(row) and registration.person.email not in str(row)


def _indicator_and_period(factory=IndicatorFactory):
    indicator = factory()
    period = ReportingPeriodFactory(call=plan_of(indicator).partnership.call)
    return indicator, period


def test_an_indicator_value_is_recorded_by_the_plans_service(coordinator_api, coordinator):
    indicator, period = _indicator_and_period()

    response = coordinator_api.post(
        "/api/v1/indicator-values/",
        {"indicator": indicator.pk, "period": period.pk, "value": "12.5", "expected_version": 0},
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["value"] == "12.50" and body["version"] == 1
    assert body["partnership"] == plan_of(indicator).partnership.pk
    entry = AuditEntry.objects.get(action="plans.value_recorded")
    assert entry.actor == coordinator and entry.data["period"] == period.label


def test_a_value_saved_by_someone_else_since_it_was_read_is_a_conflict(coordinator_api):
    indicator, period = _indicator_and_period()
    url = "/api/v1/indicator-values/"
    first = {"indicator": indicator.pk, "period": period.pk, "value": "1", "expected_version": 0}
    coordinator_api.post(url, first)

    stale = coordinator_api.post(url, {**first, "value": "2"})
    current = coordinator_api.post(url, {**first, "value": "3", "expected_version": 1})

    assert stale.status_code == 409 and error_of(stale)["code"] == "conflict"
    assert current.status_code == 200
    assert IndicatorValue.objects.get().value == Decimal("3")


def test_an_indicator_that_counts_people_needs_the_split(coordinator_api):
    indicator, period = _indicator_and_period(PeopleIndicatorFactory)
    body = {"indicator": indicator.pk, "period": period.pk, "expected_version": 0}

    missing = coordinator_api.post("/api/v1/indicator-values/", {**body, "value": "5"})
    split = coordinator_api.post(
        "/api/v1/indicator-values/", {**body, "women": 3, "men": 1, "other": 0}
    )

    assert missing.status_code == 400 and list(error_of(missing)["fields"]) == ["value"]
    assert split.status_code == 200 and split.json()["value"] == "4.00"


def test_a_period_of_another_call_is_refused(coordinator_api):
    indicator, _period = _indicator_and_period()
    elsewhere = ReportingPeriodFactory()

    response = coordinator_api.post(
        "/api/v1/indicator-values/",
        {"indicator": indicator.pk, "period": elsewhere.pk, "value": "1", "expected_version": 0},
    )

    assert response.status_code == 400 and list(error_of(response)["fields"]) == ["period"]
    assert not IndicatorValue.objects.exists()
