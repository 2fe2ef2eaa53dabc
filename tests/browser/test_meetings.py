"""The meeting planner in Chromium: a member opens the partnership's meetings (none yet), plans
(first with a mistake), reads the times in both sides' local time, chooses one, forgets the
title, sends it and sees what was sent; and sets their own working hours. The Swedish member
goes through it in Swedish, the Guatemalan member in Spanish. Every state is checked with
axe, on the keyboard and on a phone 390 px wide."""

from datetime import date, timedelta

import pytest

from puentes.core.models import OutboxAttachment, OutboxMessage
from puentes.meetings.models import Meeting, WorkingHours
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser


def coming_tuesday_in_january() -> date:
    """The second Tuesday of next January: ahead of the clock, in Swedish winter time."""
    first = date(date.today().year + 1, 1, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


@pytest.fixture
def partnership(world):
    swede = world.users["member"].person
    swede.name, swede.preferred_language = "Ana Lindqvist", "sv"
    swede.save()
    latin = OrganisationFactory(country_code="GT", code="1601")
    guatemalan = MembershipFactory(
        organisation=latin, person__name="Lucía Pérez", person__preferred_language="es"
    ).person
    world.users["guatemalan"] = guatemalan.user
    partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=swede.memberships.get().organisation,
        latin_organisation=latin,
    )
    PartnershipMember.objects.create(partnership=partnership, person=swede, side="swedish")
    PartnershipMember.objects.create(partnership=partnership, person=guatemalan, side="latin")
    return partnership


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


MEMBER = {"sv": "member", "es": "guatemalan"}
# (their own time, the other side's time) for the first slot on a winter Tuesday
FIRST_SLOT = {"sv": ("15:00–16:00", "08:00–09:00"), "es": ("08:00–09:00", "15:00–16:00")}


@pytest.mark.parametrize("language", ["sv", "es"])
def test_a_member_plans_a_meeting_chooses_a_time_and_sends_it(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    # Given a member signed in, on the workspace, who opens the meetings (none yet)
    browse.sign_in(page, world.users[MEMBER[language]], language)
    page.goto(
        page.base_url + browse.path("partnerships:partnership_detail", language, pk=partnership.pk)
    )
    with page.expect_navigation():
        page.click(f".workspace-nav a[href$='/partnerships/{partnership.pk}/meetings/']")
    assert page.locator(".workspace-nav a[aria-current=page]").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # When they open the planner, everyone is chosen and the next two weeks are offered
    with page.expect_navigation():
        page.click(f"a[href$='/partnerships/{partnership.pk}/meetings/plan/']")
    assert page.locator("input[name=members]:checked").count() == 2
    check(page, browse, assert_no_axe_violations, language)

    # And they ask for a day in the past, they see the error
    page.fill("input[name=first_day]", "2020-01-07")
    page.fill("input[name=last_day]", "2020-01-07")
    browse.submit(page, "main form.plan-form")
    assert page.locator(".error-summary a[href='#id_first_day']").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # When they ask for a Tuesday in January
    tuesday = coming_tuesday_in_january().isoformat()
    page.fill("input[name=first_day]", tuesday)
    page.fill("input[name=last_day]", tuesday)
    browse.submit(page, "main form.plan-form")

    # Then three times are shown, each in Stockholm's and Guatemala's time
    rows = page.locator(".slot-table tbody tr")
    assert rows.count() == 3
    first_row = rows.first.inner_text()
    assert all(times in first_row for times in FIRST_SLOT[language])
    check(page, browse, assert_no_axe_violations, language)

    # When they choose the first and send it without a title
    with page.expect_navigation():
        page.locator("a.slot-choose").first.click()
    assert all(times in page.inner_text("main") for times in FIRST_SLOT[language])
    check(page, browse, assert_no_axe_violations, language)
    browse.submit(page)
    assert page.locator(".error-summary a[href='#id_title']").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # And then with a title and a video link
    page.fill("input[name=title]", "Uppföljning / Seguimiento")
    page.fill("input[name=video_link]", "https://meet.example.org/puentes")
    browse.submit(page)

    # Then they see what was sent, and each member's invitation waits with its .ics
    meeting = Meeting.objects.get()
    assert page.url.endswith(f"/partnerships/{partnership.pk}/meetings/{meeting.pk}/")
    assert page.locator(".message-success").count() == 1
    main = page.inner_text("main")
    assert "Uppföljning / Seguimiento" in main and "Lucía Pérez" in main
    check(page, browse, assert_no_axe_violations, language)
    assert OutboxMessage.objects.filter(kind="meeting_invitation").count() == 2
    assert OutboxAttachment.objects.filter(filename="meeting.ics").count() == 2

    # And the list of meetings shows it as coming
    page.goto(page.base_url + browse.path("meetings:meeting_list", language, pk=partnership.pk))
    assert "Uppföljning / Seguimiento" in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", ["sv", "es"])
def test_a_member_sets_their_working_hours(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    # Given a member on their working hours (not saved yet: their municipality's zone)
    user = world.users[MEMBER[language]]
    browse.sign_in(page, user, language)
    page.goto(page.base_url + browse.path("meetings:working_hours", language, pk=partnership.pk))
    zone = {"sv": "Europe/Stockholm", "es": "America/Guatemala"}[language]
    assert page.input_value("select[name=time_zone]") == zone
    check(page, browse, assert_no_axe_violations, language)

    # When the day ends before it starts, they see the error
    page.fill("input[name=day_start]", "17:00")
    page.fill("input[name=day_end]", "08:00")
    browse.submit(page)
    assert page.locator(".error-summary a[href='#id_day_end']").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # When they start at 07:00, they are back on the planner with their hours
    page.fill("input[name=day_start]", "07:00")
    page.fill("input[name=day_end]", "15:00")
    browse.submit(page)
    assert "/meetings/plan/" in page.url
    assert "07:00–15:00" in page.inner_text("main")
    hours = WorkingHours.objects.get(person=user.person)
    assert (hours.time_zone, f"{hours.day_start:%H:%M}") == (zone, "07:00")
    check(page, browse, assert_no_axe_violations, language)
