"""A real SMTP server on loopback for tests, and the pytest fixture that points Django at it.

Load it as a pytest plugin (root conftest.py: ``pytest_plugins = ["puentes.core.testing.smtp"]``)
and ask for ``smtp_server``. Mail then travels through Django's SMTP backend and a real SMTP
conversation, as in production; ``stop()`` and ``start()`` let a test take the server down and
bring it back on the same port, to show that no message is lost while it is down.
"""

import email
import email.policy
import re
import socket
import threading
import time
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def text_of(message: EmailMessage) -> str:
    """The plain-text body of a received message (the whole payload if it has no text part)."""
    part = message.get_body(preferencelist=("plain",)) or message
    return part.get_content()


def links_in(message: EmailMessage) -> list[str]:
    """Every http(s) link in the plain-text body, in order."""
    return re.findall(r"https?://[^\s<>\"]+", text_of(message))


class _Collector:
    """aiosmtpd handler: keeps every accepted message, parsed, in arrival order."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"


class SMTPServer:
    """An SMTP server listening on 127.0.0.1 at a port of its own, in a background thread."""

    def __init__(self, host: str = HOST, port: int | None = None):
        self.host = host
        self.port = port or _free_port()
        self._collector = _Collector()
        self._controller: Controller | None = None

    @property
    def is_running(self) -> bool:
        return self._controller is not None

    @property
    def messages(self) -> list[EmailMessage]:
        """Every message received so far (a copy: later arrivals do not change it)."""
        with self._collector.arrived:
            return list(self._collector.messages)

    def messages_to(self, address: str) -> list[EmailMessage]:
        address = address.lower()
        return [m for m in self.messages if address in str(m["To"]).lower()]

    def wait_for(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Wait until at least `count` messages have arrived and return them all."""
        deadline = time.monotonic() + timeout
        with self._collector.arrived:
            while len(self._collector.messages) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} message(s) at the SMTP server within {timeout}s, "
                        f"got {len(self._collector.messages)}"
                    )
                self._collector.arrived.wait(remaining)
            return list(self._collector.messages)

    def clear(self) -> None:
        with self._collector.arrived:
            self._collector.messages.clear()

    def start(self) -> None:
        """Listen (again) on the same port; a stopped aiosmtpd controller cannot be reused."""
        if self.is_running:
            return
        controller = Controller(self._collector, hostname=self.host, port=self.port)
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        """Stop listening: connections are refused until `start()`. Received mail is kept."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __repr__(self):
        state = "running" if self.is_running else "stopped"
        return f"<SMTPServer {self.host}:{self.port} {state}, {len(self.messages)} message(s)>"


@pytest.fixture
def smtp_server(settings):
    """A running SMTP server for this test, with Django's SMTP backend pointed at it."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield server
    finally:
        server.stop()
