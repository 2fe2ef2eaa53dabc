from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from puentes.places.services import DATA_DIR, ReferenceDataError, reference_data_load


class Command(BaseCommand):
    help = "Load or update countries, areas and local governments from the official CSV files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DATA_DIR,
            help=f"folder holding the six CSV files (default: {DATA_DIR})",
        )

    def handle(self, *args, data_dir: Path, **options):
        try:
            summary = reference_data_load(data_dir=data_dir)
        except ReferenceDataError as error:
            raise CommandError(f"Reference data not loaded, nothing changed: {error}") from error
        self.stdout.write(f"{'country':<8} {'kind':<20} {'count':>6}")
        for country, kind, count in summary.rows():
            self.stdout.write(f"{country:<8} {kind:<20} {count:>6,}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data loaded from {data_dir}: "
                f"{summary.created:,} rows created, {summary.updated:,} updated."
            )
        )
