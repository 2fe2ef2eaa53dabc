"""A person's own gender page: anyone signed in with a person record (every role here)."""

from tests.access.policy import SIGNED_IN

EXPECTED = {"people:gender": SIGNED_IN}
