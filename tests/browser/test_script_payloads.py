"""Script payloads in Chromium: a member writes one into a comment on the partnership
workspace through the real form, and a Guatemalan municipality's published profile carries one
in its challenges; both pages show the text as text. No dialog opens (the payload calls
alert()) and the Content-Security-Policy reports nothing (the page fixture fails on a report).
In Swedish and Spanish, on a phone's width too."""

import pytest

from puentes.recruitment.tests.factories import SeekingProfileFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone
from tests.browser.test_partnership_workspace import partnership  # noqa: F401  (the fixture)
from tests.fuzz.test_script_payloads import payload

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es")
PHONE = {"width": 375, "height": 812}


def watch_dialogs(page) -> list[str]:
    opened = []

    def dismiss(dialog):
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_script_written_in_a_comment_is_shown_as_text_and_never_runs(
    language,
    page,
    browse,
    world,
    partnership,  # noqa: F811
):
    # Given a member of the partnership on its workspace, watching for dialogs
    dialogs = watch_dialogs(page)
    browse.sign_in(page, world.users["member"], language)
    workspace = browse.path("partnerships:partnership_detail", language, pk=partnership.pk)
    page.goto(page.base_url + workspace)

    # When they publish a comment holding a script payload, through the form
    page.fill("textarea[name=body]", payload(1))
    browse.submit(page, "#comments-section form")

    # Then the workspace shows it as the text they wrote, and nothing ran
    comment = page.locator(".comment-list li").first
    assert payload(1) in comment.inner_text()
    assert page.locator(".comment-list script, .comment-list img[src=x]").count() == 0
    page.goto(page.base_url + workspace)
    assert_fits_a_phone(page, PHONE)
    assert dialogs == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_script_in_a_published_profile_is_shown_as_text_in_the_catalogue(
    language, page, browse, world
):
    # Given a published profile whose challenges hold a script payload in both languages
    profile = SeekingProfileFactory(
        call=world.call, challenges={"es": payload(2), "sv": payload(2)}
    )
    dialogs = watch_dialogs(page)

    # When anyone opens it in the catalogue
    page.goto(
        page.base_url
        + browse.path(
            "catalogue:detail",
            language,
            network_slug=world.network.slug,
            call_slug=world.call.slug,
            pk=profile.pk,
        )
    )

    # Then the text is there, as text, and nothing ran
    assert payload(2) in page.locator("main").inner_text()
    assert page.locator("main script, main img[src=x]").count() == 0
    assert_fits_a_phone(page, PHONE)
    assert dialogs == []
