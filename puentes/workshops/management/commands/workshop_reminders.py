"""`puentes workshop_reminders`: queue the reminders to the people registered for a workshop
that starts soon.

Safe to run as often as you like (every hour from cron or a systemd timer): each reminder
is recorded when it is queued and never queued twice. See docs/workshops.md.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.utils import timezone

from puentes.workshops.reminders import workshop_reminders_send


class Command(BaseCommand):
    help = (
        "Queue, through the outbox, the reminders to the people registered for a workshop "
        "(PUENTES_WORKSHOP_REMINDER_DAYS before its start), each once. Run it every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help="The address of the site, for the links in the mail, e.g. "
            "https://puentes.example.org (default: the PUENTES_SITE_URL setting)",
        )

    def handle(self, *args, base_url, **options):
        base_url = base_url or settings.PUENTES_SITE_URL
        try:
            URLValidator(schemes=["http", "https"])(base_url)
        except ValidationError as exc:
            raise CommandError(
                f"the site's address is not an http(s) address: {base_url!r}"
            ) from exc
        sent = workshop_reminders_send(now=timezone.now(), base_url=base_url)
        self.stdout.write(f"{sent} workshop reminder(s) queued.")
