"""The 503 through a real app server (gunicorn) whose database refuses connections."""

import time
import urllib.error
import urllib.request

import pytest

from .servers import PASSWORD, refusing_server


@pytest.fixture(params=["postgresql", "sqlite"])
def server(request, tmp_path):
    with refusing_server(request.param, tmp_path) as running:
        yield running


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_a_real_server_answers_503_in_swedish_and_spanish_and_logs_each_once(server):
    base, log = server

    swedish = get(f"{base}/sv/networks/")
    spanish = get(f"{base}/", **{"Accept-Language": "es"})
    api = get(f"{base}/api/v1/workshops/", **{"Accept-Language": "sv"})
    health = get(f"{base}/healthz")

    for status, headers, _body in (swedish, spanish, api):
        assert status == 503
        assert headers["Retry-After"] == "30"
    assert '<html lang="sv">' in swedish[2]
    assert '<html lang="es">' in spanish[2]
    assert '"code": "unavailable"' in api[2]
    assert health[0] == 503
    time.sleep(0.2)
    logged = log.read_text()
    assert logged.count("Database unreachable") == 3
    assert PASSWORD not in logged
