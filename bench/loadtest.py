"""Load test: Puentes under gunicorn on PostgreSQL, driven by wrk on loopback, beside a
minimal Django view served the same way in the same run (docs/benchmarks.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/puentes_bench .venv/bin/python -m bench.loadtest
    .venv/bin/python -m bench.loadtest --duration 20 --connections 4 --page home --page dashboard

The database must hold data from bench.generate (any size). Both servers run with the
production settings' shape: gunicorn sync workers (2 by default), DEBUG off, database
connections kept open between requests (CONN_MAX_AGE), static files collected into a
temporary folder and served by WhiteNoise. Requests carry X-Forwarded-Proto: https, as
behind the TLS proxy of a real deployment. Signed-in pages (the interest form, the
coordinators' dashboard) get a session made here for the generated member and coordinator
(the coordinator has TOTP, so the MFA middleware lets them through). For each page: one
request in-process to count its queries and its HTML size, a short warm-up, then wrk for
`--duration` seconds; requests per second, p50/p95/p99 latency, and the minimal view's
requests per second divided by the page's (how many times slower it is).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
HEADERS = {"X-Forwarded-Proto": "https"}
# wrk's own summary lacks p95 and counts only 4xx/5xx as errors: this script prints the
# percentiles we report, and every answer other than 200 (a redirect to the sign-in page
# would look like a very fast page), as JSON.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0; last_status = 0 end
function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1; last_status = status end
end
function done(summary, latency, requests)
  local e, bad, status = summary.errors, 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
    if thread:get("last_status") ~= 0 then status = thread:get("last_status") end
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "not_200": %d, "status": %d, '
    .. '"p50": %d, "p95": %d, "p99": %d, "max": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, bad,
    status, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
"""


def puentes_environment(database_url: str, workdir: Path) -> dict[str, str]:
    """What config.settings.prod needs, for the servers and for this process."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DATABASE_URL": database_url,
        "CONN_MAX_AGE": "600",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(workdir / "static"),
        "PUENTES_DATA_DIR": str(workdir / "data"),
        "LOG_LEVEL": "WARNING",
    }


@dataclass
class Page:
    name: str
    path: str
    cookie: str = ""
    queries: int | None = None
    html_bytes: int | None = None


def _session_cookie(email: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from puentes.people.models import User

    user = User.objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def pages(language: str) -> list[Page]:
    """The pages to drive, with the first generated network and its calls."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone, translation

    from bench.gen_recruitment import COORDINATOR_EMAIL, MEMBER_EMAIL, SLUG_PREFIX
    from puentes.networks.models import Network

    network = Network.objects.filter(slug__startswith=SLUG_PREFIX).order_by("slug").first()
    if network is None:
        raise SystemExit("No generated data here: run bench.generate first.")
    today = timezone.localdate()
    calls = list(network.calls.order_by("open_date"))
    open_call = next(c for c in calls if c.close_date >= today)
    closed_call = next(c for c in calls if c.close_date < today)
    slugs = {"network_slug": network.slug, "call_slug": open_call.slug}
    member, coordinator = _session_cookie(MEMBER_EMAIL), _session_cookie(COORDINATOR_EMAIL)
    with translation.override(language):
        found = [
            Page("home", reverse("networks:home")),
            Page("network", reverse("networks:network_detail", kwargs={"slug": network.slug})),
            Page("catalogue", reverse("catalogue:list", kwargs=slugs)),
            Page("partnerships", reverse("partnerships:partnership_list")),
            Page("workshops", reverse("workshops:workshop_list")),
            Page("interest form", reverse("interests:interest_new", kwargs=slugs), member),
        ]
        try:
            dashboard = reverse("dashboards:coordinator_dashboard")
        except NoReverseMatch:
            dashboard = None
    if dashboard:
        query = f"?network={network.slug}&call={closed_call.slug}"
        found.append(Page("dashboard", dashboard + query, coordinator))
    return found


def measure_in_process(page: Page) -> None:
    """The page's number of queries and HTML size, through Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if page.cookie:
        name, value = page.cookie.split("=", 1)
        client.cookies[name] = value
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.path, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"{page.name}: {page.path} answered {response.status_code}")
    page.queries, page.html_bytes = len(queries), len(response.content)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app: str, port: int, workers: int, env: dict, log: Path) -> subprocess.Popen:
    command = [
        str(VENV_BIN / "gunicorn"),
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        f"--error-logfile={log}",
        f"--chdir={ROOT}",
    ]
    return subprocess.Popen(  # noqa: S603 (our own command line)
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            request = urllib.request.Request(url, headers=HEADERS)  # noqa: S310 (http://)
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} did not come up")
        time.sleep(0.3)


def wrk(url: str, cookie: str, args, script: Path) -> dict:
    headers = dict(HEADERS, Cookie=cookie) if cookie else HEADERS
    command = [
        shutil.which("wrk") or "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
    ]
    command += ["--timeout=10s", "-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603 (our own command line)
        command + [url], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    if result["not_200"]:
        print(
            f"{url}: {result['not_200']} answers not 200 (e.g. {result['status']})", file=sys.stderr
        )
    return result


def drive(base: str, page: Page, args, script: Path) -> dict:
    warm = argparse.Namespace(**{**vars(args), "duration": 2})
    wrk(base + page.path, page.cookie, warm, script)
    return wrk(base + page.path, page.cookie, args, script)


def machine() -> str:
    import django
    from django.db import connection

    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
        platform.processor(),
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    wrk_version = subprocess.run(  # noqa: S603
        [shutil.which("wrk") or "wrk", "-v"], capture_output=True, text=True
    ).stdout
    gunicorn = subprocess.run(  # noqa: S603
        [str(VENV_BIN / "gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"Django {django.get_version()}, {gunicorn}, PostgreSQL {pg}, "
        f"{wrk_version.split(' Copyright')[0].strip()}"
    )


def table(rows: list[tuple[Page, dict]], minimal_rps: float) -> str:
    lines = [
        "| page | requests/s | p50 | p95 | p99 | minimal ÷ page | queries | HTML | errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for page, r in rows:
        size = f"{page.html_bytes / 1024:.0f} KB" if page.html_bytes is not None else "–"
        if not r["requests"]:
            lines.append(
                f"| {page.name} | no answer within the run | | | | | {page.queries} "
                f"| {size} | {r['errors'] + r['not_200']} |"
            )
            continue
        ratio = minimal_rps / r["rps"]
        rps = f"{r['rps']:,.0f}" if r["rps"] >= 10 else f"{r['rps']:.1f}"
        lines.append(
            f"| {page.name} | {rps} | {r['p50'] / 1000:.1f} ms "
            f"| {r['p95'] / 1000:.1f} ms | {r['p99'] / 1000:.1f} ms | {ratio:.1f} "
            f"| {page.queries if page.queries is not None else '–'} | {size} "
            f"| {r['errors'] + r['not_200']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=4, help="concurrent users")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--language", default="sv")
    parser.add_argument("--page", action="append", help="only these pages (repeatable)")
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgres"):
        raise SystemExit("Give a PostgreSQL DATABASE_URL (or --database-url).")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    workdir = Path(tempfile.mkdtemp(prefix="puentes-loadtest-"))
    env = {**os.environ, **puentes_environment(args.database_url, workdir)}
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    chosen = [p for p in pages(args.language) if not args.page or p.name in args.page]
    for page in chosen:
        measure_in_process(page)
    script = workdir / "report.lua"
    script.write_text(WRK_SCRIPT)
    ports = free_port(), free_port()
    servers = [
        serve("config.wsgi:application", ports[0], args.workers, env, workdir / "puentes.log"),
        serve("bench.minimal_wsgi:application", ports[1], args.workers, env, workdir / "ok.log"),
    ]
    try:
        base, minimal = f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}"
        wait_until_up(base + "/healthz")
        wait_until_up(minimal + "/ok")
        print(machine(), file=sys.stderr)
        load = "load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
        rows = [(Page("minimal view", "/ok"), drive(minimal, Page("", "/ok"), args, script))]
        for page in chosen:
            print(f"driving {page.name} …", file=sys.stderr, flush=True)
            rows.append((page, drive(base, page, args, script)))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    print(
        f"{args.workers} gunicorn sync workers, wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s, language {args.language}; {load}; after: "
        "{:.2f} {:.2f} {:.2f}\n".format(*os.getloadavg())
    )
    print(table(rows, rows[0][1]["rps"]))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
