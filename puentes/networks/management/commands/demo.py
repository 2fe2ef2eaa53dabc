from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puentes.networks.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, ReferenceDataMissing, demo_load


class Command(BaseCommand):
    help = gettext_lazy(
        "Create the demo network, its themes, its call and the demo accounts. Safe to run "
        "again: it only adds what is missing and never changes existing rows."
    )

    def handle(self, *args, **options):
        try:
            result = demo_load()
        except ReferenceDataMissing as exc:
            raise CommandError(
                _(
                    "The reference data is not loaded (missing municipalities: %(missing)s). "
                    "Run `puentes load_reference_data` first."
                )
                % {"missing": ", ".join(exc.missing)}
            ) from exc
        self._report_created(result.created)
        self._print_logins(result.logins)

    def _report_created(self, created):
        if not any(created.values()):
            self.stdout.write(_("The demo network was already there; nothing was changed."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo created (new rows): %(counts)s.")
                % {"counts": ", ".join(f"{key} {count}" for key, count in created.items() if count)}
            )
        )

    def _print_logins(self, logins):
        headers = (_("E-mail"), _("Role"), _("Organisation"), _("Password"))
        rows = [
            (login.email, login.role, login.organisation or "—", DEMO_PASSWORD) for login in logins
        ]
        widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
        self.stdout.write("")
        self.stdout.write(_("Demo logins:"))
        for row in [headers, *rows]:
            cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  " + "  ".join(cells).rstrip())
        if not all(login.created for login in logins):
            self.stdout.write(
                _("Accounts that existed before were left as they were, password included.")
            )
        for login in logins:
            if login.has_totp:
                self._print_totp(login.email)

    def _print_totp(self, email):
        self.stdout.write("")
        self.stdout.write(
            _("%(email)s signs in with two-factor authentication. TOTP secret: %(secret)s")
            % {"email": email, "secret": DEMO_TOTP_SECRET}
        )
        self.stdout.write(
            _("Current code: .venv/bin/puentes totp_code %(email)s") % {"email": email}
        )
