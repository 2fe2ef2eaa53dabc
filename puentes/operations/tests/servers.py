"""A real app server (gunicorn, as in production) started with a database that refuses
connections: a PostgreSQL port where nothing listens, or SQLite in a missing folder."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

PASSWORD = "s3cret-do-not-log"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def refusing_url(kind, folder: Path) -> str:
    if kind == "postgresql":
        return f"postgres://puentes:{PASSWORD}@127.0.0.1:{closed_port()}/puentes"
    return f"sqlite:///{folder / 'gone' / 'db.sqlite3'}"


@contextlib.contextmanager
def refusing_server(kind, folder: Path):
    """Yields (base URL, log file) of gunicorn serving Puentes with a refusing database."""
    port = closed_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": refusing_url(kind, folder),
        "PUENTES_DATA_DIR": str(folder),
    }
    log_path = folder / "server.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603
            [str(GUNICORN), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_listening(base, process)
            yield base, log_path
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_until_listening(base, process):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped")
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in 30 seconds")
