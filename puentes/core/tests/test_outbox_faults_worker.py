"""The mail worker killed with SIGKILL in the middle of a delivery, for real (issue #7).

`puentes deliver_mail --loop` runs as a separate process, configured from its environment as
in production, against this test's database, and sends to a real SMTP server on loopback whose
handler holds one chosen message. The test kills the worker

(a) while the server is still receiving that message, before it accepts it: once the lease runs
    out a new worker delivers it, exactly once;
(b) after the server accepted it but before the worker could record that: the new worker
    delivers it a second time, with the same Message-ID, so mail programs drop the copy.

No other message is lost or duplicated. On PostgreSQL the worker uses the test database itself
(committed rows, `transactional_db`); on SQLite, whose test database lives in this process's
memory, the database is copied to a file for the worker and copied back afterwards.
"""

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from puentes.core.mail import mail_store
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import SMTPServer

LEASE_SECONDS = 2
TARGET = "held@example.org"
OTHERS = [f"person{n}@example.org" for n in range(4)]
# `python -m puentes` from the project folder: the `puentes` command, wherever the venv is.
PUENTES = [sys.executable, "-m", "puentes"]


class Holding:
    """aiosmtpd handler behaviour for the first arrival of the message to TARGET."""

    def __init__(self, store_first: bool):
        # (b) stores the message (the server has accepted it) before the worker is killed;
        # (a) does not, and refuses it once the worker is gone.
        self.store_first = store_first
        self.holding = threading.Event()
        self.release = threading.Event()
        self.on_accepted = lambda: None
        self.seen = False


class HoldingSMTPServer(SMTPServer):
    """The loopback SMTP server, with DATA for the first message to TARGET held."""

    def __init__(self, holding: Holding):
        super().__init__()
        collector = self._collector
        plain_handle = collector.handle_DATA

        async def handle_DATA(server, session, envelope):
            if TARGET not in envelope.rcpt_tos or holding.seen:
                return await plain_handle(server, session, envelope)
            holding.seen = True
            if holding.store_first:
                await plain_handle(server, session, envelope)
                holding.on_accepted()  # the worker dies before it hears the 250
                return "250 Message accepted for delivery"
            holding.holding.set()
            await asyncio.to_thread(holding.release.wait, 15)
            return "451 4.3.0 Not accepted, try again later"

        collector.handle_DATA = handle_DATA


class WorkerDatabase:
    """A DATABASE_URL the worker process can open, holding this test's committed rows."""

    def __init__(self, url: str, sqlite_path: Path | None = None):
        self.url = url
        self.sqlite_path = sqlite_path

    def status_of(self, address: str) -> tuple[str, int]:
        """(status, attempts) of the message to `address`, as the worker left it."""
        if self.sqlite_path is None:
            message = OutboxMessage.objects.get(to_address=address)
            return message.status, message.attempts
        with closing(sqlite3.connect(self.sqlite_path)) as copy:
            table = OutboxMessage._meta.db_table
            return copy.execute(
                f"SELECT status, attempts FROM {table} WHERE to_address = ?",  # noqa: S608
                [address],
            ).fetchone()


@contextmanager
def database_for_worker():
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(database["USER"] or "postgres")
        if database["PASSWORD"]:
            user += ":" + quote(database["PASSWORD"], safe="")
        host = database["HOST"] or "127.0.0.1"
        port = database["PORT"] or 5432
        yield WorkerDatabase(f"postgres://{user}@{host}:{port}/{database['NAME']}")
        return
    assert connection.vendor == "sqlite", connection.vendor
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"puentes-worker-{os.getpid()}.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    try:
        yield WorkerDatabase(f"sqlite:///{path}", sqlite_path=path)
        with closing(sqlite3.connect(path)) as copy:
            copy.backup(connection.connection)
    finally:
        path.unlink(missing_ok=True)


def start_worker(database_url: str, smtp: SMTPServer, tmp_path: Path) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": "worker-under-test-" + "x" * 40,
        "PUENTES_DATA_DIR": str(tmp_path),
        "DATABASE_URL": database_url,
        "EMAIL_HOST": smtp.host,
        "EMAIL_PORT": str(smtp.port),
        "PUENTES_MAIL_LEASE_SECONDS": str(LEASE_SECONDS),
    }
    return subprocess.Popen(
        [*PUENTES, "deliver_mail", "--loop", "--interval", "0.2", "--limit", "10"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def stop(worker: subprocess.Popen) -> str:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    output, _ = worker.communicate(timeout=15)
    return output.decode()


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def queued(transactional_db):
    """Five committed messages, the held one in the middle."""
    now = timezone.now()
    addresses = [*OTHERS[:2], TARGET, *OTHERS[2:]]
    return {
        address: mail_store(
            to=address, subject=f"To {address}", text="Hello.", html="", language="sv", now=now
        ).message_id
        for address in addresses
    }


def run_drill(queued, tmp_path, *, store_first: bool):
    """Kill the first worker at the held message, then let a second one finish."""
    holding = Holding(store_first=store_first)
    smtp = HoldingSMTPServer(holding)
    smtp.start()
    try:
        with database_for_worker() as database:
            first = start_worker(database.url, smtp, tmp_path)
            holding.on_accepted = lambda: os.kill(first.pid, signal.SIGKILL)
            if not store_first:
                assert holding.holding.wait(15), stop(first)
                os.kill(first.pid, signal.SIGKILL)
            assert first.wait(timeout=15) == -signal.SIGKILL
            holding.release.set()
            # The dead worker's claim: sending, one attempt counted, nothing recorded.
            assert database.status_of(TARGET) == (OutboxMessage.Status.SENDING, 1)

            second = start_worker(database.url, smtp, tmp_path)
            try:
                wait_until(
                    lambda: (
                        Counter(str(m["To"]) for m in smtp.messages)[TARGET] >= 1
                        and len({m["Message-ID"] for m in smtp.messages}) == len(queued)
                    ),
                    timeout=15,
                    what="every message at the SMTP server",
                )
                # One more lease, to see that nothing else is sent again.
                time.sleep(LEASE_SECONDS + 0.5)
            finally:
                output = stop(second)
        assert "Stopped." in output, output
        return smtp.messages
    finally:
        holding.release.set()
        smtp.stop()


def test_a_worker_killed_before_the_server_accepted_is_replaced_and_sends_the_message_once(
    queued, tmp_path
):
    # given five messages and a mail server that holds the middle one in DATA
    # when the worker is killed while the server holds it, and a new worker runs
    received = run_drill(queued, tmp_path, store_first=False)

    # then each message arrived exactly once, with its own Message-ID
    assert Counter(m["Message-ID"] for m in received) == Counter(queued.values())
    held = OutboxMessage.objects.get(to_address=TARGET)
    assert (held.status, held.attempts) == (OutboxMessage.Status.SENT, 2)
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_a_worker_killed_after_the_server_accepted_leads_to_one_copy_with_the_same_message_id(
    queued, tmp_path
):
    # given five messages, and a mail server that accepts the middle one and then kills the
    # worker before it can record the delivery
    # when a new worker runs after the lease ran out
    received = run_drill(queued, tmp_path, store_first=True)

    # then the held message arrived twice, both times with the same Message-ID, and every
    # other message exactly once
    expected = Counter(queued.values())
    expected[queued[TARGET]] += 1
    assert Counter(m["Message-ID"] for m in received) == expected
    copies = [m for m in received if m["Message-ID"] == queued[TARGET]]
    assert [m["Subject"] for m in copies] == [f"To {TARGET}"] * 2
    held = OutboxMessage.objects.get(to_address=TARGET)
    assert (held.status, held.attempts) == (OutboxMessage.Status.SENT, 2)
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
