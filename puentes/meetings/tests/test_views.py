"""The planner's pages: what each role sees and can do, form errors, the result in every
member's time, sending, and one's own working hours."""

import re
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from puentes.core.models import OutboxMessage
from puentes.meetings.models import Meeting, WorkingHours
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
)

from .conftest import BACKEND, coming


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"meetings:{name}", kwargs=kwargs)


def plan_query(members, first_day, last_day=None, length=60, **extra):
    return {
        "first_day": first_day.isoformat(),
        "last_day": (last_day or first_day).isoformat(),
        "length": length,
        "members": [m.pk for m in members.values()],
        **extra,
    }


def choose_links(page):
    return re.findall(r'href="([^"]*/meetings/new/\?[^"]*)"', page)


@pytest.fixture
def as_ana(client, ana):
    client.force_login(ana.user, backend=BACKEND)
    return client


def test_the_planner_shows_each_slot_in_both_sides_time(as_ana, partnership, members):
    # when Ana asks for an hour on a Tuesday in January
    tuesday = coming(1)
    response = as_ana.get(url("plan", pk=partnership.pk), plan_query(members, tuesday))

    # then three times are offered, in Stockholm's and Guatemala's time
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tid i Stockholm" in page and "Tid i Guatemala" in page
    for stockholm, guatemala in [("15:00", "08:00"), ("15:30", "08:30"), ("16:00", "09:00")]:
        assert stockholm in page and guatemala in page
    assert len(choose_links(page)) == 3


def test_the_planner_flags_a_holiday(as_ana, partnership, members):
    # 20 June, Midsummer Eve's latest date, or the Friday before it: a de facto holiday
    midsummer_eve = next(
        coming(6, weekday=4, week=1) + timedelta(weeks=n)
        for n in range(4)
        if 19 <= (coming(6, weekday=4, week=1) + timedelta(weeks=n)).day <= 25
    )

    response = as_ana.get(url("plan", pk=partnership.pk), plan_query(members, midsummer_eve))

    page = response.content.decode()
    assert 'class="slot-holiday"' in page
    assert '<span lang="sv">Midsommarafton</span>' in page


def test_the_planner_opens_with_the_next_two_weeks_and_everyone_chosen(
    as_ana, partnership, members
):
    response = as_ana.get(url("plan", pk=partnership.pk))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('type="checkbox" name="members"') == 2
    assert page.count("checked") == 2
    assert "Ana Lindqvist (Stockholm, 08:00–17:00)" in page
    assert "Lucía Pérez (Guatemala, 08:00–17:00)" in page


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"last_day": "2020-01-01"}, "last_day"),
        ({"first_day": "2020-01-01"}, "first_day"),
        ({"first_day": "not a day"}, "first_day"),
        ({"members": []}, "members"),
        ({"length": "7"}, "length"),
    ],
)
def test_a_question_the_planner_cannot_answer_shows_the_errors(
    as_ana, partnership, members, change, field
):
    query = {**plan_query(members, coming(1)), **change}

    response = as_ana.get(url("plan", pk=partnership.pk), query)

    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in page
    assert f'href="#id_{field}' in page
    assert not choose_links(page)


def test_more_than_a_quarter_is_refused(as_ana, partnership, members):
    first = coming(1)

    response = as_ana.get(
        url("plan", pk=partnership.pk), plan_query(members, first, first + timedelta(days=92))
    )

    assert response.status_code == 400
    assert 'href="#id_last_day"' in response.content.decode()


def test_choosing_a_slot_and_sending_it_invites_the_members(as_ana, partnership, members, ana):
    # given Ana chose the first time on the planner
    page = as_ana.get(url("plan", pk=partnership.pk), plan_query(members, coming(1))).content
    link = choose_links(page.decode())[0].replace("&amp;", "&")
    form = as_ana.get(link)
    assert form.status_code == 200
    assert "15:00–16:00" in form.content.decode() and "08:00–09:00" in form.content.decode()

    # when she gives it a title and a link and sends it
    hidden = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.content.decode())
    )
    data = {
        "start": hidden["start"],
        "length": hidden["length"],
        "members": [m.pk for m in members.values()],
        "title": "Uppföljning / Seguimiento",
        "video_link": "meet.example.org/puentes",
    }
    response = as_ana.post(url("meeting_create", pk=partnership.pk), data)

    # then the meeting exists, both are mailed, and she sees what was sent
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert meeting.video_link == "https://meet.example.org/puentes"
    assert meeting.sent_by == ana.user
    assert OutboxMessage.objects.filter(kind="meeting_invitation").count() == 2
    detail = as_ana.get(response.url).content.decode()
    assert "Uppföljning / Seguimiento" in detail
    assert "Lucía Pérez" in detail and "America/Guatemala" in detail


def test_sending_without_a_title_shows_the_error_and_keeps_the_slot(as_ana, partnership, members):
    start = f"{coming(1).isoformat()}T14:00:00Z"
    data = {"start": start, "length": 60, "members": [m.pk for m in members.values()]}

    response = as_ana.post(url("meeting_create", pk=partnership.pk), {**data, "title": ""})

    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_title"' in page
    assert "15:00–16:00" in page
    assert Meeting.objects.count() == 0


def test_a_slot_no_longer_inside_everyones_hours_is_refused_when_sent(
    as_ana, partnership, members, lucia
):
    # given Lucía moved her day to start at 09:00 after the planner showed 08:00
    WorkingHours.objects.create(
        person=lucia, time_zone="America/Guatemala", day_start=time(9), day_end=time(17)
    )
    start = f"{coming(1).isoformat()}T14:00:00Z"
    data = {"start": start, "length": 60, "members": [m.pk for m in members.values()]}

    response = as_ana.post(url("meeting_create", pk=partnership.pk), {**data, "title": "Möte"})

    assert response.status_code == 400
    assert "inte längre inom allas arbetstid" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_opening_the_send_page_without_a_slot_goes_back_to_the_planner(
    as_ana, partnership, members
):
    response = as_ana.get(url("meeting_create", pk=partnership.pk), {"start": "yesterday"})

    assert response.status_code == 302
    assert response.url == url("plan", pk=partnership.pk)


def test_a_member_saves_their_working_hours_and_the_planner_uses_them(
    client, partnership, members, lucia
):
    client.force_login(lucia.user, backend=BACKEND)
    form = client.get(url("working_hours", language="es", pk=partnership.pk)).content.decode()
    assert '<option value="America/Guatemala" selected>' in form

    response = client.post(
        url("working_hours", language="es", pk=partnership.pk),
        {"time_zone": "America/Guatemala", "day_start": "07:00", "day_end": "15:00"},
    )

    assert response.status_code == 302
    assert response.url == url("plan", language="es", pk=partnership.pk)
    plan = client.get(response.url).content.decode()
    assert "Lucía Pérez (Guatemala, 07:00–15:00)" in plan


def test_working_hours_that_end_before_they_start_are_refused(client, partnership, lucia):
    client.force_login(lucia.user, backend=BACKEND)

    response = client.post(
        url("working_hours", pk=partnership.pk),
        {"time_zone": "Nowhere/Atlantis", "day_start": "17:00", "day_end": "08:00"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_time_zone"' in page and 'href="#id_day_end"' in page
    assert WorkingHours.objects.count() == 0


PAGES = ["meeting_list", "plan", "working_hours", "meeting_create"]


@pytest.mark.parametrize("name", PAGES)
def test_the_mentor_reads_the_partnership_but_is_refused_the_planner(
    client, partnership, members, name
):
    mentor = NetworkRoleFactory(
        network=partnership.call.network, role=NetworkRole.Role.MENTOR
    ).person
    partnership.mentor = mentor
    partnership.save()
    client.force_login(mentor.user, backend=BACKEND)

    assert (
        client.get(reverse("partnerships:partnership_detail", args=[partnership.pk])).status_code
        == 200
    )
    assert client.get(url(name, pk=partnership.pk)).status_code == 403


def test_a_coordinator_plans_for_any_partnership(client, settings, partnership, members):
    settings.PUENTES_COORDINATOR_MFA_REQUIRED = False
    coordinator = NetworkRoleFactory(network=partnership.call.network).person.user
    client.force_login(coordinator, backend=BACKEND)

    response = client.get(url("plan", pk=partnership.pk), plan_query(members, coming(1)))

    assert response.status_code == 200
    assert len(choose_links(response.content.decode())) == 3


@pytest.mark.parametrize("name", PAGES)
def test_a_member_of_another_municipality_gets_404(client, partnership, members, name):
    other = PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="1480"),
        latin_organisation=OrganisationFactory(country_code="CO", code="05001"),
    )
    stranger = MembershipFactory(organisation=other.swedish_organisation).person.user
    client.force_login(stranger, backend=BACKEND)

    assert client.get(url(name, pk=partnership.pk)).status_code == 404
    assert client.get(url(name, pk=other.pk)).status_code in (200, 302)


def test_a_meeting_of_another_partnership_is_404(as_ana, partnership, members):
    other = PartnershipFactory()
    meeting = Meeting.objects.create(
        partnership=other,
        title="Privat",
        start_at=coming(1).isoformat() + "T14:00:00Z",
        end_at=coming(1).isoformat() + "T15:00:00Z",
        uid="other@puentes",
        sent_at=coming(1).isoformat() + "T09:00:00Z",
    )

    response = as_ana.get(url("meeting_detail", pk=partnership.pk, meeting_pk=meeting.pk))

    assert response.status_code == 404


@pytest.mark.parametrize("count", [2, 8])
def test_the_planner_runs_a_fixed_number_of_queries_whatever_the_members(
    as_ana, partnership, members, count, django_assert_num_queries
):
    from .conftest import add_members

    add_members(partnership, count)
    everyone = {m.pk: m for m in partnership.members.all()}

    with django_assert_num_queries(7):
        response = as_ana.get(
            url("plan", pk=partnership.pk),
            plan_query(everyone, coming(1), coming(1) + timedelta(days=13)),
        )

    # ten working days, three times each, every member in Stockholm or Guatemala
    assert len(choose_links(response.content.decode())) == 30


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_of_meetings_runs_a_fixed_number_of_queries(
    as_ana, partnership, members, ana, count, django_assert_num_queries
):
    from puentes.meetings.models import MeetingInvitee

    day = coming(1).isoformat()
    for n in range(count):
        meeting = Meeting.objects.create(
            partnership=partnership,
            title=f"Möte {n}",
            start_at=f"{day}T14:00:00Z",
            end_at=f"{day}T15:00:00Z",
            uid=f"{n}@puentes",
            sent_by=ana.user,
            sent_at=f"{day}T09:00:00Z",
        )
        for member in members.values():
            MeetingInvitee.objects.create(
                meeting=meeting, person=member.person, time_zone="Europe/Stockholm", language="sv"
            )

    with django_assert_num_queries(8):
        page = as_ana.get(url("meeting_list", pk=partnership.pk)).content.decode()

    assert page.count("Möte ") == count
