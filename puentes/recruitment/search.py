"""Accent-blind, case-blind search that behaves the same on SQLite and PostgreSQL."""

import unicodedata


def fold(text: str) -> str:
    """'Totonicapán' → 'totonicapan': no accents, lower case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def search_text_for(profile) -> str:
    """What a seeking profile is found by: its municipality (every name and the official
    code), department, country in every language, and its texts in every language."""
    organisation = profile.organisation
    parts = [
        organisation.name,
        organisation.other_names,
        organisation.code,
        organisation.area.name,
        *organisation.country.names.values(),
        *profile.challenges.values(),
        *profile.local_contexts.values(),
    ]
    return fold(" ".join(part for part in parts if part))
