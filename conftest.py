"""Fixtures every test may use. App-specific fixtures live in each app's tests/conftest.py."""

import pytest
from django.core.cache import cache

pytest_plugins = ["puentes.core.testing.smtp"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _mail_goes_to_smtp(settings):
    """pytest-django swaps in an in-memory mail backend; Puentes tests use a real SMTP server
    (the `smtp_server` fixture), and mail sent without one fails instead of vanishing."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 1


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and used TOTP codes live in the cache, keyed by ids a new test reuses."""
    cache.clear()
    yield
    cache.clear()
