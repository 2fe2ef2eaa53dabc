"""A file's name as the person chose it, made safe to show and to offer back on download.

A name with folder parts or with control or invisible characters is refused rather than
repaired: browsers never send such names, so whoever did was not using one, and a right-to-left
override (U+202E) makes "report", U+202E, "fdp.exe" read as "reportexe.pdf". Characters that some
systems do not allow in names are replaced, and a long name is shortened, keeping its ending.
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

from .refusals import BadName

NAME_MAX = 200
# Cc control, Cf format (bidi overrides, zero-width), Cs surrogates, Co private use, and the
# line and paragraph separators.
REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
REPLACED = re.compile(r'[<>:"|?*]')


def safe_name(name: str) -> str:
    """The name to keep and to show, or BadName."""
    name = unicodedata.normalize("NFC", name or "").strip()
    if not name:
        raise BadName(_("The file has no name. Rename it and choose it again."))
    if "/" in name or "\\" in name or name in {".", ".."}:
        raise BadName(
            _("The file's name contains a folder path (“/” or “\\”). Choose the file itself.")
        )
    if any(unicodedata.category(char) in REFUSED_CATEGORIES for char in name):
        raise BadName(
            _(
                "The file's name contains control or invisible characters. Rename the file "
                "and choose it again."
            )
        )
    if name.startswith("."):
        raise BadName(_("The file's name cannot start with a dot. Rename it and try again."))
    return _shortened(REPLACED.sub("_", name))


def ending(name: str) -> str:
    """The name's ending in lower case with its dot (".pdf"), or "" without one."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or not suffix or " " in suffix:
        return ""
    return f".{suffix.lower()}"


def _shortened(name: str) -> str:
    if len(name) <= NAME_MAX:
        return name
    suffix = ending(name)
    if len(suffix) >= NAME_MAX // 2:
        suffix = ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    return stem[: NAME_MAX - len(suffix)].rstrip() + suffix
