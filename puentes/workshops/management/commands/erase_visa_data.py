"""`puentes erase_visa_data`: erase the passport data given for visa invitation letters once
it is no longer needed (the visa-data retention policy's days after the workshop ends, or when
the registration or the workshop is cancelled); `--dry-run` only lists.

Kept for cron lines already installed: `puentes apply_retention` does this and applies the
other retention policies too."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from puentes.workshops.visa import visa_data_erase


class Command(BaseCommand):
    help = (
        "Erase the passport data of visa invitation letters that is no longer needed "
        "(the visa-data retention policy's days after the workshop, or after a cancellation). "
        "puentes apply_retention does this and more."
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
