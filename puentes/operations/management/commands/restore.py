"""`puentes restore ARCHIVE`: put a backup back, database and uploaded files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puentes.operations.archive import ArchiveInvalid
from puentes.operations.databases import ToolFailed
from puentes.operations.services import RestoreMismatch, RestoreRefused, backup_restore


class Command(BaseCommand):
    help = gettext_lazy(
        "Restore an archive made by `puentes backup` into the configured database and media "
        "folder, then check every table's row count and checksum. Stop the app servers and "
        "the mail worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help=gettext_lazy("The archive made by puentes backup."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=gettext_lazy("Replace a database and media folder that are not empty."),
        )

    def handle(self, *args, archive, force, **options):
        path = Path(archive).expanduser().resolve()
        try:
            manifest = backup_restore(archive=path, force=force)
        except (ArchiveInvalid, RestoreRefused) as exc:
            raise CommandError(_("Nothing was restored: %(error)s") % {"error": exc}) from exc
        except ToolFailed as exc:
            raise CommandError(
                _("The restore failed and was rolled back: %(error)s") % {"error": exc}
            ) from exc
        except RestoreMismatch as exc:
            raise CommandError(
                _("The restored data differs from the archive's manifest: %(error)s")
                % {"error": exc}
            ) from exc
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored %(path)s (made %(created_at)s by Puentes %(version)s): %(tables)d "
                    "tables with %(rows)d rows, each checked against the manifest, and "
                    "%(files)d uploaded files."
                )
                % {
                    "path": path,
                    "created_at": manifest["created_at"],
                    "version": manifest["puentes_version"],
                    "tables": len(manifest["tables"]),
                    "rows": rows,
                    "files": len(manifest["media"]),
                }
            )
        )
        if manifest["erasures_reapplied"] is None:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "This backup is from an older release: run `puentes migrate`, then "
                        "`puentes reapply_erasures` before the app servers start again."
                    )
                )
            )
        elif manifest["erasures_reapplied"]:
            self.stdout.write(
                _("Erased again, as the erasure ledger says: %(count)d person(s).")
                % {"count": len(manifest["erasures_reapplied"])}
            )
