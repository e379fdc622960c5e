"""The gazetteer's TSV tables: column lists, reading and writing.

One header row, tab-separated, ``|`` between values inside a cell, rows in a
stable order so rebuilding gives byte-identical files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path

from accords.errors import InputError

STATE_COLUMNS = (
    "qid",
    "label",
    "kind",
    "iso2",
    "iso3",
    "aliases",
    "demonyms",
    "other_qids",
    "wikipedia",
)
PLACE_COLUMNS = ("name", "state_qid", "seat")
ORG_COLUMNS = ("qid", "label", "abbreviations", "aliases", "family")
OFFICE_COLUMNS = (
    "person_qid",
    "person_label",
    "aliases",
    "position_qid",
    "position_label",
    "role",
    "state_qid",
    "start",
    "end",
    "known_until",
    "source",
)
AGENCY_COLUMNS = (
    "key",
    "qid",
    "label",
    "acronyms",
    "aliases",
    "country_qid",
    "wikipedia",
    "head_position_qid",
)
MEMBERSHIP_COLUMNS = ("member_qid", "organisation_qid", "start", "end", "source")

TABLES: dict[str, tuple[str, ...]] = {
    "states.tsv": STATE_COLUMNS,
    "places.tsv": PLACE_COLUMNS,
    "organisations.tsv": ORG_COLUMNS,
    "offices.tsv": OFFICE_COLUMNS,
    "agencies.tsv": AGENCY_COLUMNS,
    "memberships.tsv": MEMBERSHIP_COLUMNS,
}


def read_table(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of one table; a missing file is an empty table, a wrong header an error."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            return []
        if tuple(header) != columns:
            raise InputError(str(path), f"header {header} is not {list(columns)}; rebuild it")
        rows = []
        for number, values in enumerate(reader, start=2):
            if len(values) != len(columns):
                raise InputError(
                    str(path), f"line {number} has {len(values)} cells, not {len(columns)}"
                )
            rows.append(dict(zip(columns, values, strict=True)))
        return rows


def write_table(path: Path, columns: tuple[str, ...], rows: Iterable[Mapping[str, str]]) -> None:
    """Write rows (tabs and newlines inside cells become spaces)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            cells = [" ".join(str(row.get(c, "")).split()) for c in columns]
            handle.write("\t".join(cells) + "\n")
