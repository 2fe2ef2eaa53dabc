"""The meetings app's fixtures: a Swedish-Guatemalan partnership with Ana and Lucía."""

from puentes.meetings.tests.conftest import *  # noqa: F403
