"""The documents app's fixtures: a partnership, its members, a coordinator."""

from puentes.documents.tests.conftest import *  # noqa: F403
