"""Print the current TOTP code of an account, for demos and manual testing."""

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand, CommandError

from puentes.people.models import User


def current_totp_code(user, now: float) -> str:
    """The 6-digit code the user's authenticator app shows at `now` (a Unix time)."""
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        raise CommandError(f"{user.email} has not set up two-factor authentication (TOTP).")
    secret = decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(now) // app_settings.TOTP_PERIOD))


class Command(BaseCommand):
    help = "Print the current two-factor (TOTP) code of the account with this e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the account's e-mail address")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account has the e-mail address {email}.")
        self.stdout.write(current_totp_code(user, now=time.time()))
