"""A partnership's plan in Chromium: a Swedish member builds a small plan (goal, outcome,
output, activity, an indicator that counts people, assumption), meeting form errors on the
way; a Spanish member enters an indicator's actual values, meets a conflict on the values
and on an outcome, and resolves both. Every state is checked with axe, on the keyboard and
on a phone."""

import datetime

import pytest

from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import OrganisationFactory, PersonFactory
from puentes.plans.models import Activity, Assumption, Indicator, IndicatorValue, Outcome, Plan
from puentes.plans.tests.factories import (
    OutcomeFactory,
    OutputFactory,
    PeopleIndicatorFactory,
    PlanFactory,
)
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser


@pytest.fixture
def partnership(world):
    """The member's Swedish municipality with Cobán, reporting on 2024 and 2025."""
    member = world.users["member"].person
    partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=member.memberships.get().organisation,
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
    )
    PartnershipMember.objects.create(partnership=partnership, person=member, side="swedish")
    for year in (2024, 2025):
        ReportingPeriodFactory(
            call=world.call,
            start_date=datetime.date(year, 1, 1),
            end_date=datetime.date(year, 12, 31),
            due_date=datetime.date(year + 1, 1, 31),
        )
    return partnership


@pytest.fixture
def spanish_member(partnership):
    person = PersonFactory(name="María José Caal", preferred_language="es", languages=["es"])
    PartnershipMember.objects.create(partnership=partnership, person=person, side="latin")
    return person.user


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def reopen(page):
    """The keyboard check follows the skip link, leaving #main in the address: start again
    without it before filling a form."""
    page.goto(page.url.split("#")[0])


def open_form(page, browse, axe, link):
    page.click(link)
    check(page, browse, axe, "sv")
    reopen(page)


def test_a_swedish_member_builds_a_small_plan(
    page, browse, world, partnership, assert_no_axe_violations
):
    axe = assert_no_axe_violations
    # Given a Swedish member on the empty plan page
    browse.sign_in(page, world.users["member"], "sv")
    page.goto(page.base_url + browse.path("plans:plan_detail", "sv", pk=partnership.pk))
    check(page, browse, axe, "sv")

    # When they write the goal, first submitting it empty
    open_form(page, browse, axe, "a[href$='/plan/goal/']")
    browse.submit(page)
    assert page.locator(".error-summary").count() == 1
    check(page, browse, axe, "sv")
    reopen(page)
    page.fill("textarea[name=text_sv]", "Fler kvinnor deltar i de lokala besluten.")
    browse.submit(page)
    assert "Fler kvinnor deltar i de lokala besluten." in page.inner_text("main")
    check(page, browse, axe, "sv")

    # And add an outcome, an output under it, and an activity with its dates in the wrong order
    open_form(page, browse, axe, "a[href$='/plan/outcomes/add/']")
    page.fill("textarea[name=text_sv]", "Fler kvinnor i byråden.")
    page.fill("textarea[name=text_es]", "Más mujeres en los COCODE.")
    browse.submit(page)
    open_form(page, browse, axe, "a[href$='/outputs/add/']")
    page.fill("textarea[name=text_sv]", "Kvinnliga ledare utbildade.")
    browse.submit(page)
    open_form(page, browse, axe, "a[href$='/activities/add/']")
    page.fill("textarea[name=text_sv]", "Ledarskapsskola i Cobán")
    page.fill("input[name=start_date]", "2024-05-10")
    page.fill("input[name=end_date]", "2024-05-01")
    page.check("input[name=responsible][value=latin]")
    browse.submit(page)
    assert page.locator(".error-summary a[href='#id_end_date']").count() == 1
    check(page, browse, axe, "sv")
    reopen(page)
    page.fill("textarea[name=text_sv]", "Ledarskapsskola i Cobán")
    page.fill("input[name=start_date]", "2024-05-10")
    page.fill("input[name=end_date]", "2024-05-12")
    page.check("input[name=responsible][value=latin]")
    browse.submit(page)

    # And an indicator of the outcome that counts people, split by sex
    open_form(page, browse, axe, "a[href*='/outcomes/'][href$='/indicators/add/']")
    page.fill("textarea[name=text_sv]", "Kvinnor i byrådens styrelser")
    page.fill("input[name=unit_sv]", "personer")
    page.check("input[name=counts_people]")
    for name, number in {
        "baseline_women": "38",
        "baseline_men": "412",
        "baseline_other": "0",
        "target_women": "135",
        "target_men": "315",
        "target_other": "0",
    }.items():
        page.fill(f"input[name={name}]", number)
    browse.submit(page)

    # And an assumption
    open_form(page, browse, axe, "a[href$='/plan/assumptions/add/']")
    page.fill("textarea[name=text_sv]", "Ledningen står fast vid partnerskapet efter valet.")
    browse.submit(page)

    # Then the plan page shows the whole logframe
    main = page.inner_text("main")
    for text in (
        "Fler kvinnor i byråden.",
        "Kvinnliga ledare utbildade.",
        "Ledarskapsskola i Cobán",
        "Kvinnor i byrådens styrelser",
        "Ledningen står fast vid partnerskapet efter valet.",
    ):
        assert text in main
    assert "450" in main and "Cobán" in main
    check(page, browse, axe, "sv")
    activity = Activity.objects.get()
    assert (activity.end_date, activity.responsible) == (datetime.date(2024, 5, 12), "latin")
    indicator = Indicator.objects.get()
    assert (indicator.counts_people, indicator.baseline, indicator.target) == (True, 450, 450)
    assert Plan.objects.get().goals == {"sv": "Fler kvinnor deltar i de lokala besluten."}

    # And deleting the assumption asks first, then removes it
    reopen(page)
    open_form(page, browse, axe, "a[href$='/delete/'][href*='/plan/assumptions/']")
    assert "Ledningen står fast vid partnerskapet efter valet." in page.inner_text("main")
    browse.submit(page)
    assert "Ledningen står fast" not in page.inner_text("main")
    assert not Assumption.objects.exists()
    check(page, browse, axe, "sv")


def test_a_spanish_member_enters_values_and_resolves_two_conflicts(
    page, browse, partnership, spanish_member, assert_no_axe_violations
):
    axe = assert_no_axe_violations
    plan = PlanFactory(partnership=partnership)
    outcome = OutcomeFactory(plan=plan, texts={"es": "Más mujeres en los COCODE."})
    OutputFactory(outcome=outcome)
    indicator = PeopleIndicatorFactory(outcome=outcome, texts={"es": "Mujeres en los COCODE"})
    p2024 = partnership.call.reporting_periods.get(start_date__year=2024)

    # Given the Spanish member on the plan page
    browse.sign_in(page, spanish_member, "es")
    page.goto(page.base_url + browse.path("plans:plan_detail", "es", pk=partnership.pk))
    check(page, browse, axe, "es")

    # When they open the values page and give only part of the split
    page.click(f"a[href$='/plan/indicators/{indicator.pk}/values/']")
    check(page, browse, axe, "es")
    reopen(page)
    page.fill(f"input[name=women_{p2024.pk}]", "61")
    browse.submit(page)
    assert page.locator(f".error-summary a[href='#id_men_{p2024.pk}']").count() == 1
    check(page, browse, axe, "es")
    reopen(page)

    # And someone else records 2024 while they complete it
    page.fill(f"input[name=women_{p2024.pk}]", "61")
    page.fill(f"input[name=men_{p2024.pk}]", "392")
    page.fill(f"input[name=other_{p2024.pk}]", "0")
    IndicatorValue.objects.create(
        indicator=indicator, period=p2024, value=60, women=20, men=40, other=0
    )
    browse.submit(page)

    # Then the conflict page shows both, with their figures kept
    comparison = page.locator("main table").first.inner_text()
    assert "453" in comparison and "60" in comparison
    assert page.input_value(f"input[name=women_{p2024.pk}]") == "61"
    check(page, browse, axe, "es")

    # And saving again records theirs
    browse.submit(page)
    value = IndicatorValue.objects.get()
    assert (value.value, value.women, value.men, value.version) == (453, 61, 392, 2)
    assert "453" in page.inner_text("main")
    check(page, browse, axe, "es")

    # When they edit the outcome while someone else saves it
    page.click(f"a[href$='/plan/outcomes/{outcome.pk}/']")
    check(page, browse, axe, "es")
    reopen(page)
    page.fill("textarea[name=text_es]", "Más mujeres dirigen los COCODE.")
    Outcome.objects.filter(pk=outcome.pk).update(
        texts={"sv": "Fler kvinnor leder byråden."}, version=2
    )
    browse.submit(page)

    # Then they see both versions and save theirs deliberately
    main = page.inner_text("main")
    assert "Fler kvinnor leder byråden." in main and "Más mujeres dirigen los COCODE." in main
    check(page, browse, axe, "es")
    browse.submit(page)
    outcome.refresh_from_db()
    assert outcome.texts["es"] == "Más mujeres dirigen los COCODE." and outcome.version == 3
    check(page, browse, axe, "es")
