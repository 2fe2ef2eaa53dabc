"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Run them apart with `make test-browser`; `make test-fast` leaves them out.
"""

import os
import time
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from puentes.core.models import OutboxMessage
from puentes.networks.models import Theme
from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.people.tests.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run the browser tests")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the test code around it (and
    # the live server's database set-up) is synchronous Django and must be allowed to run.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_language():
    """The language the browser asks for (matters only for pages without a /xx/ prefix)."""
    return "sv"


# Every page reports what its Content-Security-Policy blocked on the console, where the
# page fixture collects it: a blocked inline script or style fails the test that met it.
# axe-core inlines the page's stylesheets while it runs: not the page's doing, so not counted.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  if (window.puentesAxeRunning) return;
  console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI}`
    + ` in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`);
});
"""
AXE_DONE = (
    "() => new Promise((done) => setTimeout(() => done(window.puentesAxeRunning = false), 50))"
)


def csp_violations(messages):
    return [text for text in messages if text.startswith("securitypolicyviolation:")]


@pytest.fixture
def page(browser, live_server, browser_language):
    context = browser.new_context(viewport=DESKTOP, locale=browser_language)
    context.set_default_timeout(15_000)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.base_url = live_server.url
    console = []
    context.on("console", lambda message: console.append(message.text))
    yield page
    context.close()
    violations = csp_violations(console)
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations))


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    page.evaluate("window.puentesAxeRunning = true")
    try:
        return Axe().run(page, options=options).response["violations"]
    finally:
        page.evaluate(AXE_DONE)


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
    return "\n".join(lines)


def without_known(violations, known):
    """Drop the nodes of each violation that `known` {rule id: CSS selector start} excuses."""
    kept = []
    for violation in violations:
        prefix = known.get(violation["id"])
        nodes = [
            node
            for node in violation["nodes"]
            if prefix is None or not str(node["target"][0]).startswith(prefix)
        ]
        if nodes:
            kept.append({**violation, "nodes": nodes})
    return kept


@pytest.fixture
def assert_no_axe_violations():
    """assert_no_axe_violations(page): axe-core finds nothing against WCAG 2.1 A and AA.

    `known={rule id: selector start}` excuses violations in markup we do not own (Django's
    admin); each use says why.
    """

    def check(page, known=None):
        violations = without_known(axe_violations(page), known or {})
        assert not violations, f"axe on {page.url}:\n{describe_violations(violations)}"

    return check


@dataclass
class World:
    network: object
    call: object
    users: dict = field(default_factory=dict)
    totp_secret: str = ""


@pytest.fixture
def world(transactional_db):
    # Used TOTP codes and allauth's rate limits live in the cache, shared with the server.
    cache.clear()
    network = NetworkFactory(
        slug="gender-equality",
        names={
            "sv": "Jämställdhetsnätverket",
            "es": "Red de igualdad de género",
            "en": "Gender equality network",
        },
        descriptions={"sv": "Kommuner i Sverige och Latinamerika arbetar för jämställdhet."},
    )
    for slug, names in [
        ("representation", {"sv": "Politisk representation", "es": "Representación política"}),
        ("violence", {"sv": "Mäns våld mot kvinnor", "es": "Violencia basada en género"}),
    ]:
        ThemeFactory(network=network, slug=slug, names=names)
    ThemeFactory(network=network, kind=Theme.Kind.PERSPECTIVE, names={"en": "Civil society"})
    call = CallFactory(
        network=network,
        slug="call-2024",
        titles={"sv": "Utlysning 2024", "es": "Convocatoria 2024", "en": "Call 2024"},
    )
    world = World(network=network, call=call)
    OutboxMessage.objects.create(
        to_address="someone@example.org",
        language="sv",
        subject="Tack för din intresseanmälan",
        body_text="Text",
        body_html="<p>Text</p>",
        message_id="<1.failed@puentes.test>",
        status=OutboxMessage.Status.FAILED,
        attempts=10,
        last_error="SMTPDataError: 451 try later",
    )
    world.users["member"] = MembershipFactory(
        organisation=OrganisationFactory(country_code="SE")
    ).person.user
    world.users["coordinator"] = NetworkRoleFactory(network=network).person.user
    world.users["coordinator_without_totp"] = NetworkRoleFactory(network=network).person.user
    world.totp_secret = generate_totp_secret()
    TOTP.activate(world.users["coordinator"], world.totp_secret)
    return world


def path(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def submit(page, form="main form"):
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def totp_code(secret):
    """The current code, taken early enough in its 30-second step that the server still
    accepts it when the form arrives (allauth allows no drift; a loaded machine is slow)."""
    if time.time() % 30 > 22:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def enter_password(page, user, language, password=DEFAULT_PASSWORD):
    page.goto(page.base_url + path("account_login", language))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    submit(page)


def sign_in(page, user, language="sv", totp_secret=""):
    """Sign in through the real forms: password, then (for TOTP users) a code."""
    enter_password(page, user, language)
    if totp_secret:
        assert "/2fa/authenticate/" in page.url, page.url
        page.fill("input[name=code]", totp_code(totp_secret))
        submit(page)
    assert "/accounts/login/" not in page.url and "/2fa/" not in page.url, page.url


@pytest.fixture
def browse():
    """Helpers for browser tests: path, submit, totp_code, enter_password, sign_in."""
    return SimpleNamespace(
        path=path,
        submit=submit,
        totp_code=totp_code,
        enter_password=enter_password,
        sign_in=sign_in,
        default_password=DEFAULT_PASSWORD,
        desktop=DESKTOP,
        phone=PHONE,
    )
