"""`puentes erase_visa_data`: erase the passport data given for visa invitation letters once
it is no longer needed (PUENTES_VISA_DATA_RETENTION_DAYS after the workshop ends, or when the
registration or the workshop is cancelled). Run it daily; `--dry-run` only lists."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from puentes.workshops.visa import visa_data_erase


class Command(BaseCommand):
    help = (
        "Erase the passport data of visa invitation letters that is no longer needed "
        "(PUENTES_VISA_DATA_RETENTION_DAYS after the workshop, or after a cancellation). "
        "Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be erased, erase nothing"
        )

    def handle(self, *args, dry_run, **options):
        letters = visa_data_erase(now=timezone.now(), dry_run=dry_run)
        verb = "would be erased" if dry_run else "erased"
        self.stdout.write(f"{len(letters)} visa letter(s) with passport data {verb}.")
        for letter in letters:
            registration = letter.registration
            self.stdout.write(
                f"  letter {letter.pk}: registration {registration.pk}, "
                f"workshop {registration.workshop_id}, ends {registration.workshop.end_at:%Y-%m-%d}"
            )
