"""Write the field tables of record-of-processing.md from fields.toml.

fields.toml is the one source of truth; the record's tables between the two markers below are
generated from it so the readable record and the register cannot drift apart
(tests/test_record_of_processing.py checks this). Run after editing fields.toml:

    .venv/bin/python docs/privacy/render.py          # rewrite the tables
    .venv/bin/python docs/privacy/render.py --check  # exit 1 if they are out of date

Standard library only, so it runs without Django.
"""

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REGISTER = HERE / "fields.toml"
RECORD = HERE / "record-of-processing.md"
START = "<!-- generated from fields.toml by render.py: start -->"
END = "<!-- generated from fields.toml by render.py: end -->"

VOCABULARIES = (
    ("categories", "Categories of data"),
    ("purposes", "Purposes"),
    ("legal_bases", "Legal bases"),
    ("retention", "Retention"),
    ("recipients", "Recipients"),
)


def load(path: Path = REGISTER) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


def personal_fields(register: dict) -> list[tuple[str, dict]]:
    """(app_label.Model.field, entry) of every personal field, in the register's order."""
    return [
        (f"{model}.{field}", entry)
        for model, fields in register["fields"].items()
        for field, entry in fields.items()
        if entry.get("personal")
    ]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(register: dict) -> str:
    """The generated part of the record: the key tables, then one row per personal field."""
    lines = [START, ""]
    for key, title in VOCABULARIES:
        lines += [f"### {title}", "", "| key | meaning |", "|---|---|"]
        lines += [f"| `{k}` | {_cell(v)} |" for k, v in register[key].items()]
        lines.append("")
    lines += [
        "### Personal-data fields",
        "",
        "| field | category | purpose | legal basis | retention | recipients | to GT/CO | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, entry in personal_fields(register):
        cells = [
            f"`{name}`",
            entry.get("category", ""),
            ", ".join(entry.get("purpose", [])),
            entry.get("legal_basis", ""),
            entry.get("retention", ""),
            ", ".join(entry.get("recipients", [])),
            "yes" if entry.get("transfer") else "no",
            entry.get("note", ""),
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", END]
    return "\n".join(lines)


def generated_part(text: str) -> str:
    """The part of the record between the markers (markers included)."""
    start, end = text.index(START), text.index(END) + len(END)
    return text[start:end]


def main(argv: list[str]) -> int:
    text = RECORD.read_text(encoding="utf-8")
    fresh = render(load())
    if "--check" in argv:
        if generated_part(text) != fresh:
            print(f"{RECORD.name} is out of date: run .venv/bin/python docs/privacy/render.py")
            return 1
        return 0
    RECORD.write_text(text.replace(generated_part(text), fresh), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
