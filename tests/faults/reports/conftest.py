"""The reports app's fixtures: a partnership, a period, members of both sides, a coordinator."""

from puentes.reports.tests.conftest import *  # noqa: F403
