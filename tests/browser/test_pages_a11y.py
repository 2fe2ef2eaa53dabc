"""Every page, in every language and as every kind of visitor, opened in Chromium: it says its
language, can be used with the keyboard, fits a phone, and axe finds nothing against WCAG 2.1
A and AA. Forms are checked empty and after a failed submission."""

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es", "en")
WRONG_CODE = "000000"


def visit(name, **kwargs):
    def arrive(page, browse, world, language):
        arguments = {key: value(world) for key, value in kwargs.items()}
        page.goto(page.base_url + browse.path(name, language, **arguments))

    return arrive


def submitted_empty(name):
    """The server's answer to an empty form; the browser's own `required` check is bypassed."""

    def arrive(page, browse, world, language):
        visit(name)(page, browse, world, language)
        page.locator("main form").first.evaluate("form => { form.noValidate = true; }")
        browse.submit(page)

    return arrive


def login_wrong_password(page, browse, world, language):
    browse.enter_password(page, world.users["member"], language, password="not the password")


def password_reset_bad_address(page, browse, world, language):
    visit("account_reset_password")(page, browse, world, language)
    page.locator("main form").first.evaluate("form => { form.noValidate = true; }")
    page.fill("input[name=email]", "not-an-address")
    browse.submit(page)


def signed_in_as(role, name):
    def arrive(page, browse, world, language):
        secret = world.totp_secret if role == "coordinator" else ""
        browse.sign_in(page, world.users[role], language, secret)
        visit(name)(page, browse, world, language)

    return arrive


def two_factor_code(page, browse, world, language):
    browse.enter_password(page, world.users["coordinator"], language)
    assert "/2fa/authenticate/" in page.url


def two_factor_wrong_code(page, browse, world, language):
    two_factor_code(page, browse, world, language)
    page.fill("input[name=code]", WRONG_CODE)
    browse.submit(page)


def reauthenticate_before_totp(page, browse, world, language):
    """A coordinator without TOTP is sent to set it up, and allauth first asks for the
    password again."""
    browse.sign_in(page, world.users["coordinator_without_totp"], language)
    visit("networks:coordination_home")(page, browse, world, language)
    assert "/accounts/reauthenticate/" in page.url, page.url


def totp_activation(page, browse, world, language):
    reauthenticate_before_totp(page, browse, world, language)
    page.fill("input[name=password]", browse.default_password)
    browse.submit(page)
    assert "/2fa/totp/activate/" in page.url, page.url


def totp_activation_wrong_code(page, browse, world, language):
    totp_activation(page, browse, world, language)
    page.fill("input[name=code]", WRONG_CODE)
    browse.submit(page)


NETWORK = {"slug": lambda w: w.network.slug}
CALL = {"network_slug": lambda w: w.network.slug, "call_slug": lambda w: w.call.slug}

PAGES = {
    "home": visit("networks:home"),
    "network": visit("networks:network_detail", **NETWORK),
    "call": visit("networks:call_detail", **CALL),
    "login": visit("account_login"),
    "login-submitted-empty": submitted_empty("account_login"),
    "login-wrong-password": login_wrong_password,
    "signup": visit("account_signup"),
    "signup-submitted-empty": submitted_empty("account_signup"),
    "password-reset": visit("account_reset_password"),
    "password-reset-submitted-empty": submitted_empty("account_reset_password"),
    "password-reset-bad-address": password_reset_bad_address,
    "member-home": signed_in_as("member", "networks:home"),
    "member-account": signed_in_as("member", "people:account_home"),
    "member-two-factor-overview": signed_in_as("member", "mfa_index"),
    "coordinator-two-factor-code": two_factor_code,
    "coordinator-two-factor-wrong-code": two_factor_wrong_code,
    "coordinator-coordination": signed_in_as("coordinator", "networks:coordination_home"),
    "coordinator-account": signed_in_as("coordinator", "people:account_home"),
    "coordinator-outbox": signed_in_as("coordinator", "core:outbox"),
    "coordinator-reauthenticate": reauthenticate_before_totp,
    "coordinator-totp-activation": totp_activation,
    "coordinator-totp-activation-wrong-code": totp_activation_wrong_code,
}


def focus_outline(page):
    """The focused element's visible focus indicator, or None."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            const shadow = style.boxShadow && style.boxShadow !== 'none';
            const box = el.getBoundingClientRect();
            const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                && box.left < innerWidth && box.top < innerHeight;
            return (outline || shadow) && onScreen
                ? `${el.tagName} ${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`
                : null;
        }"""
    )


def active(page, expression):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


FIRST_TABBABLE = """[...document.querySelectorAll(
    'a[href], button, input, select, textarea, [tabindex]'
)].find(el => el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden')"""


def assert_keyboard_works(page):
    assert page.evaluate(f"() => ({FIRST_TABBABLE}).className") == "skip-link"
    if active(page, "el.classList.contains('error-summary')"):
        # After a failed submission focus starts on the error summary (GOV.UK's pattern),
        # and Tab leads to the first field with a problem.
        assert focus_outline(page), "the focused error summary is not visible"
        page.keyboard.press("Tab")
        if page.locator(".error-summary a").count():
            assert active(page, "el.closest('.error-summary') !== null")
        assert focus_outline(page), f"no visible focus on {active(page, 'el.outerHTML')}"
        page.focus(".skip-link")
    else:
        page.keyboard.press("Tab")
        assert active(page, "el.className") == "skip-link", "Tab does not reach the skip link"
    assert focus_outline(page), "the focused skip link is not visible"
    page.keyboard.press("Tab")
    assert focus_outline(page), f"no visible focus on {active(page, 'el.outerHTML')}"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert active(page, "el.id") == "main", "the skip link does not move focus to main"
    page.keyboard.press("Tab")
    if active(page, "el.closest('main') !== null"):
        assert focus_outline(page), f"no visible focus on {active(page, 'el.outerHTML')}"


def assert_fits_a_phone(page, phone):
    page.set_viewport_size(phone)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= phone["width"], f"{page.url} scrolls sideways at {phone['width']}px: {width}px"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible(name, language, page, browse, world, assert_no_axe_violations):
    PAGES[name](page, browse, world, language)

    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)


@pytest.mark.parametrize(
    ("start", "link", "target"),
    [("sv", "English", "en"), ("en", "Español", "es"), ("es", "Svenska", "sv")],
)
def test_language_switcher_keeps_the_page(start, link, target, page, browse, world):
    page.goto(page.base_url + browse.path("networks:network_detail", start, slug="gender-equality"))

    with page.expect_navigation():
        page.locator(".language-switcher").get_by_role("link", name=link, exact=True).click()

    assert page.url == page.base_url + f"/{target}/networks/gender-equality/"
    assert page.get_attribute("html", "lang") == target


ADMIN_PAGES = {
    "login": lambda w: "/admin/login/",  # sends everyone to allauth's sign-in
    "index": lambda w: "/admin/",
    "changelist": lambda w: "/admin/networks/network/",
    "add": lambda w: "/admin/networks/call/add/",
    "change": lambda w: f"/admin/networks/call/{w.call.pk}/change/",
    "change-with-inlines": lambda w: f"/admin/networks/network/{w.network.pk}/change/",
}


@pytest.mark.parametrize("browser_language", LANGUAGES)
@pytest.mark.parametrize("admin_path", ADMIN_PAGES.values(), ids=ADMIN_PAGES.keys())
def test_admin_pages_are_accessible(
    admin_path, browser_language, page, browse, world, assert_no_axe_violations
):
    if admin_path(world) != "/admin/login/":
        browse.sign_in(page, world.users["coordinator"], browser_language, world.totp_secret)

    page.goto(page.base_url + admin_path(world))

    assert page.get_attribute("html", "lang") == browser_language
    assert_no_axe_violations(page)
