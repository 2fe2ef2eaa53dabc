"""Production settings pass Django's deployment checks, and refuse to start without a key."""

import os
import subprocess
import sys

PROD_ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "ALLOWED_HOSTS": "puentes.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_puentes(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "puentes", *args], env=env, capture_output=True, text=True
    )


def test_production_settings_pass_the_deployment_checks_at_warning_level():
    env = {**PROD_ENV, "SECRET_KEY": "k" * 20 + "-production-secret-key-for-this-test-0123456789"}

    result = run_puentes("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {key: value for key, value in PROD_ENV.items() if key != "SECRET_KEY"}

    result = run_puentes("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr
