"""The map of a network in Chromium, in Swedish and Spanish: axe finds nothing, the keyboard
works, and at 375 px the page does not scroll sideways while the map fills the width with
labels still at a readable size."""

import pytest

from puentes.networks.tests.factories import CallFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
PAIRS = [("0180", "0801"), ("1480", "1601"), ("1280", "05001"), ("2580", "11001"), ("12", "0101")]


@pytest.fixture
def mapped(world):
    """Five partnerships of real municipalities; Region Skåne (no coordinates) is one side."""
    load_reference_data_for_tests()
    call = CallFactory(network=world.network, slug="map-call")
    for swedish, latin in PAIRS:
        PartnershipFactory(
            call=call,
            swedish_organisation=Organisation.objects.get(country__code="SE", code=swedish),
            latin_organisation=Organisation.objects.get(
                country__code="GT" if len(latin) == 4 else "CO", code=latin
            ),
        )
    return world.network


@pytest.mark.parametrize("language", ["sv", "es"])
def test_the_map_reads_on_a_phone_with_axe_and_keyboard(
    language, page, browse, mapped, assert_no_axe_violations
):
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + browse.path("maps:network_map", language, slug=mapped.slug))

    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("svg[role=img] line").count() == 4  # Region Skåne is not drawn
    assert page.locator("table tbody tr").count() == 5
    assert page.locator("[data-unplaced]").count() == 1
    assert_no_axe_violations(page)
    assert_fits_a_phone(page, PHONE)
    map_width = page.locator("svg[role=img]").bounding_box()["width"]
    assert map_width >= 320, map_width
    labels = page.locator("svg[role=img] text").all()
    heights = [label.bounding_box()["height"] for label in labels]
    assert heights and min(heights) >= 12, heights
    assert_keyboard_works(page)
