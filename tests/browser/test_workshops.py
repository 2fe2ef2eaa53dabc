"""Workshops in Chromium: a member registers (with a form error first), registers a colleague
who lands on the waiting list, cancels and so hands the colleague the place; a coordinator
checks people in on a phone, and reads the rule for every partnership; the member reads
their partnership's standing. Every state is checked with axe, on the keyboard and on a
phone, in Swedish and Spanish."""

import datetime

import pytest
from django.utils import timezone

from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.models import Membership
from puentes.people.tests.factories import OrganisationFactory, PersonFactory, reference_country
from puentes.workshops.models import Registration
from puentes.workshops.tests.factories import AgendaSessionFactory, WorkshopFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es")


@pytest.fixture
def partnership(world):
    member = world.users["member"].person
    partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=member.memberships.get().organisation,
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
    )
    PartnershipMember.objects.create(partnership=partnership, person=member, side="swedish")
    return partnership


@pytest.fixture
def workshop(world, partnership):
    """Open for registration now, held in Bogotá in two months, one place left."""
    now = timezone.now()
    start = (now + datetime.timedelta(days=60)).replace(hour=14, minute=0, second=0)
    workshop = WorkshopFactory(
        call=world.call,
        titles={"sv": "Workshop i Bogotá", "es": "Taller en Bogotá", "en": "Bogotá"},
        descriptions={"sv": "Vi möts i Bogotá.", "es": "Nos reunimos en Bogotá."},
        start_at=start,
        end_at=start + datetime.timedelta(days=2),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=30),
        capacity=1,
    )
    AgendaSessionFactory(workshop=workshop)
    return workshop


@pytest.fixture
def colleague(world):
    organisation = world.users["member"].person.memberships.get().organisation
    person = PersonFactory(name="Jonas Ek", preferred_language="sv")
    Membership.objects.create(person=person, organisation=organisation)
    return person


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def reopen(page):
    page.goto(page.url.split("#")[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_registers_registers_a_colleague_onto_the_waiting_list_and_cancels(
    language, page, browse, world, workshop, colleague, assert_no_axe_violations
):
    member = world.users["member"]
    browse.sign_in(page, member, language)

    # The list and the workshop's page, times on two clocks
    page.goto(page.base_url + browse.path("workshops:workshop_list", language))
    assert workshop.titles[language] in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)
    page.click(f"main a[href$='/workshops/{workshop.pk}/']")
    main = page.inner_text("main")
    assert "Bogotá" in main and "UTC-0500" in main
    check(page, browse, assert_no_axe_violations, language)

    # The form, first with a travel date error
    page.click(f"a[href$='/workshops/{workshop.pk}/register/']")
    check(page, browse, assert_no_axe_violations, language)
    reopen(page)
    page.fill("input[name=arrival_date]", workshop.start_at.date().isoformat())
    page.fill(
        "input[name=departure_date]",
        (workshop.start_at.date() - datetime.timedelta(days=3)).isoformat(),
    )
    browse.submit(page)
    assert page.locator(".error-summary").count() == 1
    check(page, browse, assert_no_axe_violations, language)
    reopen(page)

    # Registered: the last place
    page.fill("input[name=departure_date]", workshop.end_at.date().isoformat())
    page.fill("textarea[name=dietary_needs]", "Vegetarisk")
    browse.submit(page)
    assert page.url.endswith("/workshops/mine/")
    mine = Registration.objects.get(person=member.person)
    assert mine.status == Registration.Status.REGISTERED
    assert mine.dietary_needs == "Vegetarisk"
    check(page, browse, assert_no_axe_violations, language)

    # A colleague registered next goes on the waiting list
    page.goto(page.base_url + browse.path("workshops:registration_new", language, pk=workshop.pk))
    page.check(f"input[name=person][value='{colleague.pk}']")
    browse.submit(page)
    waiting = Registration.objects.get(person=colleague)
    assert waiting.status == Registration.Status.WAITLISTED
    assert page.locator(f"#registration-{waiting.pk} .registration-status").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # Cancelling the member's place hands it to the colleague
    page.click(f"a[href$='/registrations/{mine.pk}/cancel/']")
    check(page, browse, assert_no_axe_violations, language)
    reopen(page)
    browse.submit(page)
    waiting.refresh_from_db()
    mine.refresh_from_db()
    assert (mine.status, waiting.status) == ("cancelled", "registered")
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_coordinator_checks_people_in_on_a_phone(
    language, page, browse, world, workshop, colleague, assert_no_axe_violations
):
    workshop.capacity = 5
    workshop.save()
    present = Registration.objects.create(
        workshop=workshop,
        person=world.users["member"].person,
        status="registered",
        registered_at=timezone.now(),
        status_changed_at=timezone.now(),
    )
    absent = Registration.objects.create(
        workshop=workshop,
        person=colleague,
        status="registered",
        registered_at=timezone.now(),
        status_changed_at=timezone.now(),
    )
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)
    page.set_viewport_size(browse.phone)
    page.goto(page.base_url + browse.path("workshops:workshop_checkin", language, pk=workshop.pk))
    check(page, browse, assert_no_axe_violations, language)

    page.set_viewport_size(browse.phone)
    with page.expect_navigation():
        page.locator(f"#registration-{present.pk} button[value=attended]").click()
    with page.expect_navigation():
        page.locator(f"#registration-{absent.pk} button[value=no_show]").click()

    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.status, absent.status) == ("attended", "no_show")
    assert page.locator(f"#registration-{present.pk} [aria-pressed=true]").count() == 1
    assert_no_axe_violations(page)  # with the confirmation, scrolled to the row just marked
    reopen(page)
    check(page, browse, assert_no_axe_violations, language)

    # On paper: the buttons give way to a box to tick
    page.emulate_media(media="print")
    assert not page.locator(f"#registration-{present.pk} button").first.is_visible()
    assert page.locator(f"#registration-{present.pk} .checkin-box").is_visible()
    page.emulate_media(media="screen")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_secretariat_and_the_partnership_read_where_they_stand(
    language, page, browse, world, workshop, partnership, assert_no_axe_violations
):
    sweden = WorkshopFactory(
        call=world.call,
        slug="gothenburg",
        city="Göteborg",
        country=reference_country("SE"),
        time_zone="Europe/Stockholm",
        start_at=datetime.datetime(2024, 6, 5, 9, tzinfo=datetime.UTC),
        end_at=datetime.datetime(2024, 6, 6, 15, tzinfo=datetime.UTC),
        state="held",
    )
    Registration.objects.create(
        workshop=sweden,
        person=world.users["member"].person,
        partnership=partnership,
        organisation=partnership.swedish_organisation,
        status="attended",
        registered_at=sweden.start_at,
        status_changed_at=sweden.end_at,
    )
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)
    page.goto(page.base_url + browse.path("workshops:coordination", language))
    # 6 June, Sweden's national day, is a public holiday: the coordinators are warned.
    assert page.locator(".holiday-flag").count() == 1
    check(page, browse, assert_no_axe_violations, language)
    for name, kwargs in [
        ("workshops:workshop_registrations", {"pk": sweden.pk}),
        ("workshops:rule_overview", {}),
    ]:
        page.goto(page.base_url + browse.path(name, language, **kwargs))
        check(page, browse, assert_no_axe_violations, language)

    page.context.clear_cookies()
    browse.sign_in(page, world.users["member"], language)
    page.goto(
        page.base_url + browse.path("workshops:partnership_workshops", language, pk=partnership.pk)
    )
    assert "Göteborg" in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_empty_pages_are_accessible(language, page, browse, world, assert_no_axe_violations):
    page.goto(page.base_url + browse.path("workshops:workshop_list", language))
    check(page, browse, assert_no_axe_violations, language)

    browse.sign_in(page, world.users["member"], language)
    page.goto(page.base_url + browse.path("workshops:my_registrations", language))
    check(page, browse, assert_no_axe_violations, language)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/calendar/" in page.input_value("#feed-url")
    check(page, browse, assert_no_axe_violations, language)
