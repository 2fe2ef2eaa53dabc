"""A visa invitation letter in Chromium: a member with a place at a workshop in Sweden finds
the letter under their registrations, gives the passport data (a wrong number first), and
downloads the PDF. Each state is checked with axe, on the keyboard and on a phone, in
Swedish and Spanish."""

import datetime

import pytest
from django.utils import timezone

from puentes.people.tests.factories import reference_country
from puentes.workshops.models import VisaLetter
from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def fill(page, number):
    page.fill("input[name=passport_name]", "Ana Lucía Gómez")
    page.fill("input[name=nationality]", "colombiana")
    page.fill("input[name=date_of_birth]", "1990-02-03")
    page.fill("input[name=passport_number]", number)
    page.fill("input[name=passport_expires_on]", "2032-06-30")
    page.check("input[name=second_language][value=es]")


def reopen(page):
    page.goto(page.url.split("#")[0])


@pytest.mark.parametrize("language", ("sv", "es"))
def test_a_member_gives_passport_data_and_downloads_the_letter(
    language, page, browse, world, assert_no_axe_violations
):
    member = world.users["member"]
    now = timezone.now()
    start = (now + datetime.timedelta(days=60)).replace(hour=8, minute=0, second=0)
    workshop = WorkshopFactory(
        call=world.call,
        titles={"sv": "Workshop i Malmö", "es": "Taller en Malmö", "en": "Malmö"},
        city="Malmö",
        country=reference_country("SE"),
        time_zone="Europe/Stockholm",
        start_at=start,
        end_at=start + datetime.timedelta(days=2),
        registration_opens_at=now - datetime.timedelta(days=10),
        registration_closes_at=now + datetime.timedelta(days=30),
    )
    registration = RegistrationFactory(workshop=workshop, person=member.person)
    browse.sign_in(page, member, language)

    page.goto(page.base_url + browse.path("workshops:my_registrations", language))
    with page.expect_navigation():
        page.click(f"#registration-{registration.pk} a[href$='/visa-letter/']")
    check(page, browse, assert_no_axe_violations, language)
    assert page.locator("#visa-letter-download").count() == 0
    reopen(page)  # the keyboard check left "#main" in the address

    fill(page, number="X1")
    browse.submit(page, "main form")
    assert page.locator("#error-summary").is_visible()
    assert page.locator("input[name=passport_number][aria-invalid=true]").count() == 1
    check(page, browse, assert_no_axe_violations, language)
    assert not VisaLetter.objects.exists()
    reopen(page)

    fill(page, number="ax 123 456")
    browse.submit(page, "main form")
    assert page.locator("#visa-letter-download").is_visible()
    check(page, browse, assert_no_axe_violations, language)
    assert VisaLetter.objects.get().passport_number == "AX123456"

    with page.expect_download() as download_info:
        page.click("#visa-letter-download")
    download = download_info.value
    assert download.suggested_filename == f"PUENTES-{workshop.pk}-{registration.pk}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
