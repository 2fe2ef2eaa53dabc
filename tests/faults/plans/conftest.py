"""The plans app's fixtures: a partnership, its people, and a small logframe with values."""

from puentes.plans.tests.conftest import *  # noqa: F403
