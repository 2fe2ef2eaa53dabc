"""The exports app's fixtures: a network with a partnership, its indicators and values."""

from puentes.exports.tests.conftest import *  # noqa: F403
