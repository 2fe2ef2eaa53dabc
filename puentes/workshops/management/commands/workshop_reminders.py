"""`puentes workshop_reminders`: queue the reminders to the people registered for a workshop
that starts soon.

Safe to run as often as you like (every hour from cron or a systemd timer): each reminder
is recorded when it is queued and never queued twice. See docs/workshops.md.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from puentes.core.management.site_url import add_base_url_argument, base_url_or_error
from puentes.workshops.reminders import workshop_reminders_send


class Command(BaseCommand):
    help = (
        "Queue, through the outbox, the reminders to the people registered for a workshop "
        "(PUENTES_WORKSHOP_REMINDER_DAYS before its start), each once. Run it every hour."
    )

    def add_arguments(self, parser):
        add_base_url_argument(parser)

    def handle(self, *args, base_url, **options):
        base_url = base_url_or_error(base_url)
        sent = workshop_reminders_send(now=timezone.now(), base_url=base_url)
        self.stdout.write(f"{sent} workshop reminder(s) queued.")
