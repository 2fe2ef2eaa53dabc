"""`puentes deliver_mail`: deliver the outbox once; with --loop, the worker of a deployment."""

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from puentes.core.mail import mail_deliver_due

logger = logging.getLogger("puentes.mail")


class Command(BaseCommand):
    help = (
        "Deliver the e-mail that is due from the outbox. With --loop, keep delivering until "
        "SIGTERM or SIGINT; any number of workers may run at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Keep delivering, sleeping when nothing is due."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            help="Seconds to sleep when nothing is due (default: 5).",
        )
        parser.add_argument("--limit", type=int, default=50, help="Messages per run (default: 50).")

    def handle(self, *args, loop, interval, limit, **options):
        if not loop:
            self._report(mail_deliver_due(now=timezone.now(), limit=limit))
            return
        stop = threading.Event()
        previous = {
            signum: signal.signal(signum, lambda *_: stop.set())
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            self._loop(stop, interval, limit)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        self.stdout.write("Stopped.")

    def _loop(self, stop: threading.Event, interval: float, limit: int) -> None:
        self.stdout.write(f"Delivering e-mail every {interval:g} s; stop with SIGTERM or Ctrl-C.")
        while not stop.is_set():
            # A long-running process gets no request signals: drop broken or old connections.
            close_old_connections()
            try:
                report = mail_deliver_due(now=timezone.now(), limit=limit, should_stop=stop.is_set)
            except DatabaseError:
                logger.exception("The outbox could not be read; trying again shortly")
                stop.wait(interval)
                continue
            if report.attempted:
                self._report(report)
            # A full batch means more may be due: go on without sleeping.
            if report.attempted < limit:
                stop.wait(interval)

    def _report(self, report) -> None:
        self.stdout.write(
            f"{report.sent} sent, {report.deferred} to retry later, {report.failed} failed."
        )
