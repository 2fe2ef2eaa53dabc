"""Tests: the same stack as production where it matters, fast hashing where it does not."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production-use-0123456789abcdef"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests that send mail start a real SMTP server on loopback and point EMAIL_PORT at it.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = 1  # nothing listens here: a test that forgets its SMTP server fails loudly
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Query-count tests must not see the once-a-minute session write because the machine is slow;
# the test of that write sets a minute itself.
PUENTES_SESSION_TOUCH_SECONDS = 24 * 60 * 60

# Static files come from the app folders in tests; nothing is collected.
WHITENOISE_USE_FINDERS = True

# A ledger of erasures of its own per test run: a developer's var/erasures.jsonl must not
# erase anyone in a test that restores a backup.
PUENTES_ERASURE_LEDGER = Path(tempfile.mkdtemp(prefix="puentes-test-")) / "erasures.jsonl"

# Tests roll the database back without committing, so the version that invalidates cached
# public pages would never move: the page cache is off, and its own tests turn it on with
# committing (transactional) tests.
PUENTES_PUBLIC_PAGE_CACHE_SECONDS = 0
PUENTES_DASHBOARD_CACHE_SECONDS = 0
