"""Every UI string is translated into sv, es and en, and what ships is compiled from it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert untranslated == [], f"{language}: untranslated: {untranslated}"
    assert fuzzy == [], f"{language}: fuzzy: {fuzzy}"
    assert len(catalogue.translated_entries()) > 50


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    source = polib.pofile(str(folder / "django.po"))
    compiled = polib.mofile(str(folder / "django.mo"))

    expected = {
        _entry_key(e): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in source.translated_entries()
    }
    actual = {
        _entry_key(e): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in compiled
        if e.msgid
    }

    assert actual == expected, f"{folder / 'django.mo'} is out of date: run `make messages`"


def test_catalogues_hold_every_string_marked_in_the_code(tmp_path):
    if not shutil.which("xgettext"):
        if os.environ.get("CI") == "true":
            pytest.fail("gettext is not installed: .ci/run must install it")
        pytest.skip("gettext (xgettext) is not installed on this machine")
    package = Path(settings.PACKAGE_DIR)
    copy = tmp_path / "puentes"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}

    subprocess.run(
        [sys.executable, "-m", "puentes", "makemessages", "--no-obsolete", "-l", "sv"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )

    fresh = {_entry_key(e) for e in polib.pofile(str(copy / "locale/sv/LC_MESSAGES/django.po"))}
    shipped = {_entry_key(e) for e in polib.pofile(str(LOCALE_DIR / "sv/LC_MESSAGES/django.po"))}
    assert fresh - shipped == set(), "strings marked in the code but missing: run `make messages`"
    assert shipped - fresh == set(), "strings no longer in the code: run `make messages`"
