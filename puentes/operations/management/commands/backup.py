"""`puentes backup DEST`: the database and the uploaded files in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puentes.operations.databases import ToolFailed
from puentes.operations.services import RestoreRefused, backup_create


class Command(BaseCommand):
    help = gettext_lazy(
        "Write the database and the uploaded files into one .tar.gz archive, with a manifest "
        "of every table's row count and checksum (see docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination", help=gettext_lazy("The archive's file name, or a folder to put it in.")
        )

    def handle(self, *args, destination, **options):
        target = Path(destination).expanduser().resolve()
        if not target.parent.is_dir():
            raise CommandError(
                _("The folder %(folder)s does not exist.") % {"folder": target.parent}
            )
        try:
            result = backup_create(destination=target, now=timezone.now())
        except (ToolFailed, RestoreRefused, OSError) as exc:
            raise CommandError(_("The backup failed: %(error)s") % {"error": exc}) from exc
        manifest = result.manifest
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written to %(path)s: %(vendor)s database, %(tables)d tables with "
                    "%(rows)d rows, %(files)d uploaded files."
                )
                % {
                    "path": result.path,
                    "vendor": manifest["database"]["vendor"],
                    "tables": len(manifest["tables"]),
                    "rows": rows,
                    "files": len(manifest["media"]),
                }
            )
        )
