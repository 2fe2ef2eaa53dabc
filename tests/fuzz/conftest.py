"""The fuzz tests work on the access matrix's world: every area's records, every role."""

from tests.test_access_matrix import world  # noqa: F401  (the fixture)
