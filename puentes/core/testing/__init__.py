"""Test plumbing shared by every app (fixtures and helpers; never imported by runtime code)."""
