"""`puentes reapply_erasures`: erase again everyone in the erasure ledger whom the database
does not show as erased. `puentes restore` does this by itself; run it by hand only after
restoring a backup from a release older than the ledger, once `puentes migrate` has run."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from puentes.privacy.erasure import MigrateFirst, erasures_reapply


class Command(BaseCommand):
    help = "Erase again the people the erasure ledger lists and the database does not."

    def handle(self, *args, **options):
        try:
            erased = erasures_reapply(now=timezone.now())
        except MigrateFirst as exc:
            raise CommandError("Run `puentes migrate` first.") from exc
        # Ids only: the output may go to logs.
        self.stdout.write(f"{len(erased)} person(s) erased again: {erased or '-'}")
