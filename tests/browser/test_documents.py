"""A partnership's documents in Chromium: a member opens them from the workspace, meets the
form's errors, has a web page disguised as a PDF refused with its reason, shares a real PDF,
downloads it under its own name and deletes it. Every state is checked with axe, on the
keyboard and on a phone, in Swedish and Spanish."""

import pytest

from puentes.documents.demo import tiny_pdf
from puentes.documents.models import Document
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import OrganisationFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es")
PDF_NAME = "Informe año 2025.pdf"
PDF = tiny_pdf("Informe", ["Informe año 2025", "Totonicapán y Lessebo"])
DISGUISED = b"<!doctype html><title>Informe</title><script>alert(document.cookie)</script>"


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


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)
    # The keyboard check follows the skip link, leaving #main in the address, which a form
    # posting to its own address would carry into the next page: start again without it.
    page.goto(page.url.split("#")[0])


def choose_file(page, name, content, claimed="application/pdf"):
    page.set_input_files(
        "input[name=file]", files=[{"name": name, "mimeType": claimed, "buffer": content}]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_shares_downloads_and_deletes_a_document(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    # Given a member on the workspace, who opens its documents: none yet
    browse.sign_in(page, world.users["member"], language)
    page.goto(
        page.base_url + browse.path("partnerships:partnership_detail", language, pk=partnership.pk)
    )
    with page.expect_navigation():
        page.click(".workspace-nav a[href$='/documents/']")
    assert page.locator("main .card").count() == 0
    assert page.get_attribute(".workspace-nav a[aria-current=page]", "href").endswith("/documents/")
    check(page, browse, assert_no_axe_violations, language)

    # When they open the form and send it empty
    with page.expect_navigation():
        page.click(f"main a[href$='/partnerships/{partnership.pk}/documents/upload/']")
    check(page, browse, assert_no_axe_violations, language)
    browse.submit(page)
    assert page.locator(".error-summary a[href='#id_file']").count() == 1
    assert page.locator(".error-summary a[href='#id_title']").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # And then a web page that calls itself a PDF
    choose_file(page, "Informe.pdf", DISGUISED)
    page.fill("input[name=title]", "Informe anual")
    browse.submit(page)
    assert page.locator("#id_file_error").count() == 1
    assert "SVG" in page.inner_text("#id_file_error")
    assert page.input_value("input[name=title]") == "Informe anual"
    assert not Document.objects.exists()
    check(page, browse, assert_no_axe_violations, language)

    # Then a real PDF is shared and listed with its name, type and size
    choose_file(page, PDF_NAME, PDF)
    page.fill("input[name=title]", "Informe anual")
    page.fill("textarea[name=description]", "Para las dos municipalidades.")
    page.check("input[name=language][value=es]")
    browse.submit(page)
    assert page.url.endswith(f"/partnerships/{partnership.pk}/documents/")
    card = page.locator("main .card")
    assert card.count() == 1
    assert PDF_NAME in card.inner_text() and "Informe anual" in card.inner_text()
    assert page.locator(".message-success").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # And downloads under its own name, byte for byte
    with page.expect_download() as download_info:
        page.click("main .card a[download]")
    download = download_info.value
    assert download.suggested_filename == PDF_NAME
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read() == PDF

    # And is deleted after a confirmation
    with page.expect_navigation():
        page.click("main .card a[href$='/delete/']")
    assert "Informe anual" in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)
    browse.submit(page)
    assert page.url.endswith(f"/partnerships/{partnership.pk}/documents/")
    assert page.locator("main .card").count() == 0
    assert not Document.objects.exists()
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_file_over_the_limit_is_refused_before_it_is_stored(
    language, page, browse, world, partnership, settings, assert_no_axe_violations
):
    # The live server reads settings per request: a limit of 2 kB for this test.
    settings.PUENTES_DOCUMENT_MAX_BYTES = 2048
    browse.sign_in(page, world.users["member"], language)
    page.goto(page.base_url + browse.path("documents:document_upload", language, pk=partnership.pk))

    choose_file(page, "notas.txt", "Acta de la reunión\n".encode() * 500, claimed="text/plain")
    page.fill("input[name=title]", "Notas")
    browse.submit(page)

    assert page.locator("#id_file_error").count() == 1
    assert page.input_value("input[name=title]") == "Notas"
    assert not Document.objects.exists()
    check(page, browse, assert_no_axe_violations, language)
