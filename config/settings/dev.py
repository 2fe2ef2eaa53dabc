"""Development: DEBUG on, a secret key generated once and kept in the data folder."""

import os
import secrets

from .base import *  # noqa: F403
from .base import DATA_DIR, env_bool


def _development_secret_key() -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _development_secret_key()
DEBUG = env_bool("DEBUG", True)
# Development mail goes to the console unless an SMTP server is configured.
if not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
