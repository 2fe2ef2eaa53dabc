"""The secretariat's pages (registrations, check-in, the rule for every partnership) and a
partnership's own workshops page, per role, with their query counts."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import MembershipFactory, reference_country
from puentes.workshops.models import Registration

from .factories import RegistrationFactory, WorkshopFactory

Status = Registration.Status
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"workshops:{name}", kwargs=kwargs)


def swedish_workshop(call, **kwargs):
    return WorkshopFactory(
        call=call,
        city="Göteborg",
        country=reference_country("SE"),
        time_zone="Europe/Stockholm",
        start_at=datetime.datetime(2024, 9, 10, 9, tzinfo=STOCKHOLM),
        end_at=datetime.datetime(2024, 9, 12, 15, tzinfo=STOCKHOLM),
        **kwargs,
    )


@pytest.mark.parametrize(
    "name", ["coordination", "workshop_registrations", "workshop_checkin", "rule_overview"]
)
def test_the_secretariats_pages_refuse_members(client, swedish_member, workshop, name):
    client.force_login(swedish_member.user)
    kwargs = {"pk": workshop.pk} if name.startswith("workshop_") else {}

    assert client.get(url(name, **kwargs)).status_code == 403


def test_the_registrations_page_lists_places_then_the_waiting_list_with_needs(
    client, coordinator, workshop
):
    waiting = RegistrationFactory(
        workshop=workshop, status=Status.WAITLISTED, person__name="Waiting Person"
    )
    placed = RegistrationFactory(
        workshop=workshop,
        person__name="Placed Person",
        dietary_needs="Sin gluten",
        needs_visa_letter=True,
        registered_at=waiting.registered_at + datetime.timedelta(hours=1),
    )
    client.force_login(coordinator)

    page = client.get(url("workshop_registrations", pk=workshop.pk)).content.decode()

    assert page.index("Placed Person") < page.index("Waiting Person")
    assert "Sin gluten" in page
    assert f"registrations/{placed.pk}/cancel/?next=registrations" in page


def test_the_registrations_page_tells_the_workshops_latest_changes(
    client, coordinator, workshop, swedish_member
):
    from puentes.workshops.services import registration_create

    registration_create(
        workshop=workshop,
        person=swedish_member,
        details={},
        by=swedish_member.user,
        now=datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC),
        base_url="https://puentes.example",
    )
    client.force_login(coordinator)

    page = client.get(url("workshop_registrations", "en", pk=workshop.pk)).content.decode()

    assert "Anna Berg registered Anna Berg for Bogotá, 2024-03-12." in page


def test_the_check_in_list_has_a_form_per_person_and_marking_works_without_javascript(
    client, coordinator, workshop
):
    registration = RegistrationFactory(workshop=workshop, person__name="Ana López")
    RegistrationFactory(workshop=workshop, status=Status.WAITLISTED, person__name="Not Here")
    client.force_login(coordinator)

    page = client.get(url("workshop_checkin", pk=workshop.pk)).content.decode()
    assert "Ana López" in page and "Not Here" not in page
    assert f'action="{url("registration_mark", pk=registration.pk)}"' in page

    response = client.post(url("registration_mark", pk=registration.pk), {"status": "attended"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"check-in/#registration-{registration.pk}")
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED


def test_a_wrong_mark_is_refused_with_a_message(client, coordinator, workshop):
    registration = RegistrationFactory(workshop=workshop)
    client.force_login(coordinator)

    response = client.post(
        url("registration_mark", pk=registration.pk), {"status": "cancelled"}, follow=True
    )

    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED
    assert 'class="message message-error"' in response.content.decode()


def test_marking_is_a_post_for_coordinators_only(client, swedish_member, coordinator, workshop):
    registration = RegistrationFactory(workshop=workshop)

    client.force_login(swedish_member.user)
    assert (
        client.post(
            url("registration_mark", pk=registration.pk), {"status": "attended"}
        ).status_code
        == 403
    )
    client.force_login(coordinator)
    assert client.get(url("registration_mark", pk=registration.pk)).status_code == 405
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED


def test_the_rule_overview_shows_which_partnership_misses_what(
    client, coordinator, partnership, swedish_member, second_partnership
):
    short = second_partnership
    bogota = WorkshopFactory(call=partnership.call, state="held")
    sweden = swedish_workshop(partnership.call, state="held")
    for held in (bogota, sweden):
        RegistrationFactory(
            workshop=held,
            person=swedish_member,
            partnership=partnership,
            organisation=partnership.swedish_organisation,
            status=Status.ATTENDED,
        )
    RegistrationFactory(
        workshop=bogota,
        partnership=short,
        organisation=short.latin_organisation,
        status=Status.ATTENDED,
    )
    client.force_login(coordinator)

    response = client.get(url("rule_overview", "en"))

    statuses = {s.partnership.pk: s for s in response.context["statuses"]}
    assert statuses[partnership.pk].status.met and statuses[partnership.pk].swedish_status.met
    assert statuses[short.pk].status.latin_america.met
    assert statuses[short.pk].status.sweden.missing == 1
    assert not statuses[short.pk].swedish_status.latin_america.met  # only the Colombian side went
    assert response.context["short"] == 1
    assert "Sweden: 1 workshop missing" in response.content.decode()


def test_registered_but_never_checked_in_does_not_count_once_held(client, coordinator, partnership):
    held = swedish_workshop(partnership.call, state="held")
    RegistrationFactory(workshop=held, partnership=partnership, status=Status.REGISTERED)
    coming = swedish_workshop(partnership.call, slug="coming")
    RegistrationFactory(workshop=coming, partnership=partnership, status=Status.REGISTERED)
    client.force_login(coordinator)

    (status,) = client.get(url("rule_overview")).context["statuses"]

    assert status.status.sweden.attended == 0
    assert status.status.sweden.planned == 1


def test_a_member_sees_their_partnerships_standing_and_people(client, partnership, swedish_member):
    RegistrationFactory(
        workshop=swedish_workshop(partnership.call, state="held"),
        person=swedish_member,
        partnership=partnership,
        organisation=partnership.swedish_organisation,
        status=Status.ATTENDED,
    )
    client.force_login(swedish_member.user)

    response = client.get(url("partnership_workshops", pk=partnership.pk))

    assert response.status_code == 200
    assert response.context["party"].status.sweden.met
    assert not response.context["party"].status.latin_america.met
    page = response.content.decode()
    assert "Anna Berg" in page and "Göteborg" in page
    assert 'aria-current="page"' in page


def test_another_partnerships_workshops_page_is_404(client, partnership, db):
    outsider = MembershipFactory(organisation__country_code="SE", organisation__code="1280")
    client.force_login(outsider.person.user)

    assert client.get(url("partnership_workshops", pk=partnership.pk)).status_code == 404


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def _fill(call, size, first=0):
    for n in range(first, first + size):
        workshop = swedish_workshop(call, slug=f"size-{n}", state="held")
        RegistrationFactory.create_batch(2, workshop=workshop)
        RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)


def test_the_coordinators_lists_cost_the_same_queries_whatever_their_length(
    client, coordinator, partnership
):
    _fill(partnership.call, 1)
    workshop = partnership.call.workshops.get()
    client.force_login(coordinator)
    paths = [
        url("coordination"),
        url("workshop_registrations", pk=workshop.pk),
        url("workshop_checkin", pk=workshop.pk),
    ]
    few = [queries(client, path) for path in paths]

    _fill(partnership.call, 6, first=1)
    RegistrationFactory.create_batch(8, workshop=workshop)
    RegistrationFactory.create_batch(3, workshop=workshop, status=Status.ATTENDED)

    assert [queries(client, path) for path in paths] == few


PAIRS = [("1480", "GT", "1601"), ("1280", "CO", "05001"), ("0380", "CO", "11001")]


def test_the_rule_pages_cost_the_same_queries_whatever_their_length(
    client, coordinator, partnership, swedish_member
):
    held = swedish_workshop(partnership.call, slug="held", state="held")
    RegistrationFactory(workshop=held, partnership=partnership, status=Status.ATTENDED)
    client.force_login(coordinator)
    few_overview = queries(client, url("rule_overview"))
    client.force_login(swedish_member.user)
    few_own = queries(client, url("partnership_workshops", pk=partnership.pk))

    for n, (swedish, country, latin) in enumerate(PAIRS):
        other = PartnershipFactory(
            call=partnership.call,
            swedish_organisation__code=swedish,
            latin_organisation__country_code=country,
            latin_organisation__code=latin,
        )
        workshop = swedish_workshop(partnership.call, slug=f"held-{n}", state="held")
        for each in (partnership, other):
            RegistrationFactory.create_batch(
                2, workshop=workshop, partnership=each, status=Status.ATTENDED
            )

    assert queries(client, url("partnership_workshops", pk=partnership.pk)) == few_own
    client.force_login(coordinator)
    response = client.get(url("rule_overview"))
    assert len(response.context["statuses"]) == 1 + len(PAIRS)
    assert queries(client, url("rule_overview")) == few_overview
