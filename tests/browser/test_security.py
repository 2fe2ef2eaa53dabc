"""The browser enforces the Content-Security-Policy, and the page fixture's guard sees what it
blocks: an inline script and an inline style put into a real page are refused and reported."""

import pytest

from .conftest import REPORT_CSP_VIOLATIONS, csp_violations

pytestmark = pytest.mark.browser


def test_an_inline_script_and_style_are_blocked_and_reported(browser, live_server, world):
    context = browser.new_context()
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    console = []
    context.on("console", lambda message: console.append(message.text))
    page = context.new_page()
    page.goto(live_server.url + "/en/")

    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "document.body.dataset.injected = 'yes'";
          document.body.append(script);
          document.querySelector("main").setAttribute("style", "display: none");
        }"""
    )
    page.wait_for_timeout(200)

    assert page.locator("body").get_attribute("data-injected") is None
    assert page.locator("main").is_visible()
    context.close()
    blocked = "\n".join(csp_violations(console))
    assert "script-src" in blocked and "style-src" in blocked, console
