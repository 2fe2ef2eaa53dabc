"""The recruitment app's own fixtures (a network with an open call, members, inputs)."""

from puentes.recruitment.tests.conftest import *  # noqa: F403
