"""The accessibility statement (with its feedback form), its thank-you page and the cookie
statement are public: anyone must be able to read them and report a problem, signed in or
not. No models, so nothing in the admin."""

from tests.access.policy import PUBLIC

EXPECTED = {
    "statements:accessibility": PUBLIC,
    "statements:feedback_sent": PUBLIC,
    "statements:cookies": PUBLIC,
}
