"""The partnership workspace's fixtures: `ws`, a partnership with members, mentor, coordinator."""

from puentes.partnerships.tests.conftest import *  # noqa: F403
