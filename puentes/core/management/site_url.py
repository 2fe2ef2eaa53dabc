"""The `--base-url` option of commands that queue mail with links (no request to read the
site's address from): the PUENTES_SITE_URL setting unless given, and an http(s) address."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import URLValidator


def add_base_url_argument(parser) -> None:
    parser.add_argument(
        "--base-url",
        default=None,
        help="The address of the site, for the links in the mail, e.g. "
        "https://puentes.example.org (default: the PUENTES_SITE_URL setting)",
    )


def base_url_or_error(base_url: str | None) -> str:
    """The given address, or the setting's; CommandError if it is not an http(s) address."""
    base_url = base_url or settings.PUENTES_SITE_URL
    try:
        URLValidator(schemes=["http", "https"])(base_url)
    except ValidationError as exc:
        raise CommandError(f"the site's address is not an http(s) address: {base_url!r}") from exc
    return base_url
