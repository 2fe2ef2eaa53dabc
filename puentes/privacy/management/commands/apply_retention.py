"""`puentes apply_retention [--dry-run] [--kind KIND]`: apply the retention policies (privacy
admin). Run it daily; `--dry-run` shows per policy what it would erase, by record id only."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from puentes.privacy.models import RetentionPolicy
from puentes.privacy.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Erase the personal data the active retention policies say is no longer needed. "
        "Run it daily; --dry-run only shows what would be erased."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would be erased, erase nothing"
        )
        parser.add_argument(
            "--kind",
            action="append",
            choices=RetentionPolicy.Kind.values,
            help="apply only this policy (may be given more than once)",
        )

    def handle(self, *args, dry_run, kind, **options):
        runs = retention_apply(now=timezone.now(), dry_run=dry_run, kinds=kind)
        verb = "would be erased" if dry_run else "erased"
        for run in runs:
            # Ids only: the output goes to cron mail and logs, which must not hold personal data.
            ids = ", ".join(str(pk) for pk in run.ids) or "-"
            self.stdout.write(
                f"{run.kind} (after {run.period_days} days): {len(run.ids)} {verb}; ids: {ids}"
            )
        if not runs:
            self.stdout.write("No active retention policy.")
