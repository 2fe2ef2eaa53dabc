"""The secretariat's pages (registrations, check-in, the rule for every partnership) and a
partnership's own workshops page, per role, with their query counts."""

import datetime
from zoneinfo import ZoneInfo

import pytest
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
    client, coordinator, partnership, swedish_member
):
    short = PartnershipFactory(
        call=partnership.call,
        swedish_organisation=MembershipFactory(
            organisation__country_code="SE", organisation__code="1480"
        ).organisation,
        latin_organisation=MembershipFactory(
            organisation__country_code="CO", organisation__code="05001"
        ).organisation,
    )
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


def _fill(call, size):
    for n in range(size):
        workshop = swedish_workshop(call, slug=f"size-{n}", state="held")
        RegistrationFactory.create_batch(2, workshop=workshop)
        RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)


@pytest.mark.parametrize("size", [1, 5])
def test_the_coordinators_lists_cost_the_same_queries_whatever_their_length(
    client, coordinator, partnership, django_assert_num_queries, size
):
    _fill(partnership.call, size)
    workshop = partnership.call.workshops.first()
    RegistrationFactory.create_batch(size, workshop=workshop)
    client.force_login(coordinator)

    # session, user, the header's coordinator check, TOTP check, then the page's own
    for name, kwargs, own in [
        ("coordination", {}, 2),
        ("workshop_registrations", {"pk": workshop.pk}, 2),
        ("workshop_checkin", {"pk": workshop.pk}, 2),
    ]:
        with django_assert_num_queries(4 + own):
            assert client.get(url(name, **kwargs)).status_code == 200


PAIRS = [("1480", "GT", "1601"), ("1280", "CO", "05001"), ("0380", "CO", "11001")]


@pytest.mark.parametrize("size", [0, 3])
def test_the_rule_pages_cost_the_same_queries_whatever_their_length(
    client, coordinator, partnership, swedish_member, django_assert_num_queries, size
):
    partnerships = [partnership]
    for swedish, country, latin in PAIRS[:size]:
        partnerships.append(
            PartnershipFactory(
                call=partnership.call,
                swedish_organisation__code=swedish,
                latin_organisation__country_code=country,
                latin_organisation__code=latin,
            )
        )
    for n, each in enumerate(partnerships):
        held = swedish_workshop(partnership.call, slug=f"held-{n}", state="held")
        RegistrationFactory.create_batch(2, workshop=held, partnership=each, status=Status.ATTENDED)
    client.force_login(coordinator)

    # session, user, header, TOTP, calls, partnerships, registrations
    with django_assert_num_queries(7):
        response = client.get(url("rule_overview"))
    assert len(response.context["statuses"]) == 1 + size

    client.force_login(swedish_member.user)
    # session, user, header, partnership, partnerships, registrations, the people listed
    with django_assert_num_queries(7):
        assert client.get(url("partnership_workshops", pk=partnership.pk)).status_code == 200
