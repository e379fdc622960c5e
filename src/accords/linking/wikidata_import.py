"""Extend the gazetteer from Wikidata's own formats (no network: files only).

Accepted inputs (see data/README.md for the SPARQL queries):

* SPARQL 1.1 JSON results with the variables ``person position state`` (offices;
  optional ``personLabel positionLabel start end role``), ``member organisation``
  (memberships; optional ``start end``) or ``agency article`` (agency QIDs by
  English Wikipedia article; optional ``agencyLabel country``);
* entity JSON as returned by ``wbgetentities`` (``{"entities": {...}}``), one
  entity object, or dump lines (one entity per line inside ``[ ... ]``):
  P39 position held and P463 member of (with P580/P582 qualifiers), and the
  enwiki sitelink, which gives an agency its QID.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from accords.errors import InputError
from accords.linking.build_gazetteer import agency_key, person_aliases
from accords.linking.tables import TABLES, read_table, write_table

_ENTITY = "http://www.wikidata.org/entity/"
_PRECISION_LEN = {9: 4, 10: 7, 11: 10}


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def count(self, table: str, added: bool) -> None:
        target = self.added if added else self.updated
        target[table] = target.get(table, 0) + 1


class _Tables:
    def __init__(self, directory: Path) -> None:
        self.rows = {name: read_table(directory / name, cols) for name, cols in TABLES.items()}

    def upsert(
        self, table: str, row: dict[str, str], key: tuple[str, ...], report: ImportReport
    ) -> None:
        rows = self.rows[table]
        for i, existing in enumerate(rows):
            if all(existing[k] == row[k] for k in key):
                rows[i] = {**existing, **{k: v for k, v in row.items() if v}}
                report.count(table, added=False)
                return
        rows.append({c: row.get(c, "") for c in TABLES[table]})
        report.count(table, added=True)

    def write(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for name, cols in TABLES.items():
            write_table(directory / name, cols, self.rows[name])


def _qid(value: str) -> str:
    return value.removeprefix(_ENTITY) if value.startswith(_ENTITY) else value


def _day(value: str, precision: int | None = None) -> str:
    """Wikidata time ("+2013-08-03T00:00:00Z") to our partial ISO date."""
    text = value.lstrip("+").split("T")[0]
    return text[: _PRECISION_LEN.get(precision or 11, 10)]


def _load(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        pass
    else:
        if isinstance(data, list):  # a whole (small) dump: one array of entities
            return {"entities": {e.get("id", str(i)): e for i, e in enumerate(data)}}
        return data
    entities = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip().rstrip(",")
        if line in ("", "[", "]"):
            continue
        try:
            entities.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {number} is not JSON ({exc.msg})") from exc
    return {"entities": {e.get("id", str(i)): e for i, e in enumerate(entities)}}


def import_files(paths: Iterable[Path], gazetteer: Path, out: Path) -> ImportReport:
    """Merge each file into the gazetteer tables read from ``gazetteer``; write them to ``out``."""
    tables = _Tables(gazetteer)
    report = ImportReport()
    for path in paths:
        data = _load(path)
        if isinstance(data, dict) and "head" in data and "results" in data:
            _sparql(path, data, tables, report)
        elif isinstance(data, dict) and isinstance(data.get("entities"), dict):
            for entity in data["entities"].values():
                _entity(entity, tables, report)
        elif isinstance(data, dict) and "claims" in data and "id" in data:
            _entity(data, tables, report)
        else:
            raise InputError(str(path), "neither SPARQL JSON results nor Wikidata entity JSON")
    tables.write(out)
    return report


def _bindings(data: dict[str, Any]) -> Iterator[dict[str, str]]:
    for binding in data["results"].get("bindings", []):
        yield {k: v.get("value", "") for k, v in binding.items()}


def _sparql(path: Path, data: dict[str, Any], tables: _Tables, report: ImportReport) -> None:
    variables = set(data["head"].get("vars", []))
    if {"person", "position", "state"} <= variables:
        for b in _bindings(data):
            _office(
                tables,
                report,
                _qid(b["person"]),
                b.get("personLabel", ""),
                _qid(b["position"]),
                b.get("positionLabel", ""),
                _qid(b["state"]),
                _day(b["start"], _int(b.get("startPrecision"))) if b.get("start") else "",
                _day(b["end"], _int(b.get("endPrecision"))) if b.get("end") else "",
                b.get("role", ""),
            )
    elif {"member", "organisation"} <= variables:
        for b in _bindings(data):
            tables.upsert(
                "memberships.tsv",
                {
                    "member_qid": _qid(b["member"]),
                    "organisation_qid": _qid(b["organisation"]),
                    "start": _day(b["start"]) if b.get("start") else "",
                    "end": _day(b["end"]) if b.get("end") else "",
                    "source": "wikidata-sparql",
                },
                ("member_qid", "organisation_qid", "start"),
                report,
            )
    elif {"agency", "article"} <= variables:
        for b in _bindings(data):
            title = unquote(b["article"].rsplit("/wiki/", 1)[-1]).replace(" ", "_")
            _agency(
                tables,
                report,
                _qid(b["agency"]),
                title,
                b.get("agencyLabel", ""),
                _qid(b.get("country", "")),
            )
    else:
        raise InputError(
            str(path),
            f"unknown SPARQL result variables {sorted(variables)}; "
            "see data/README.md for the supported queries",
        )


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _role_for(tables: _Tables, position: str, label: str) -> str:
    for row in tables.rows["offices.tsv"]:
        if row["position_qid"] == position:
            return row["role"]
    lowered = label.lower()
    if "prime minister" in lowered:
        return "head_of_government"
    if "president" in lowered or "monarch" in lowered:
        return "head_of_state"
    return "office"


def _office(
    tables: _Tables,
    report: ImportReport,
    person: str,
    person_label: str,
    position: str,
    position_label: str,
    state: str,
    start: str,
    end: str,
    role: str,
) -> None:
    known = [r for r in tables.rows["offices.tsv"] if r["person_qid"] == person]
    label = person_label or (known[0]["person_label"] if known else person)
    tables.upsert(
        "offices.tsv",
        {
            "person_qid": person,
            "person_label": label,
            "aliases": "|".join(person_aliases(label)),
            "position_qid": position,
            "position_label": position_label or position,
            "role": role or _role_for(tables, position, position_label),
            "state_qid": state,
            "start": start,
            "end": end,
            "known_until": "",
            "source": "wikidata-import",
        },
        ("person_qid", "position_qid", "start"),
        report,
    )


def _agency(
    tables: _Tables, report: ImportReport, qid: str, title: str, label: str, country: str
) -> None:
    key = agency_key(title.replace("_", " "))
    for row in tables.rows["agencies.tsv"]:
        if row["key"] == key:
            row["qid"] = qid
            report.count("agencies.tsv", added=False)
            return
    if label and country:
        tables.upsert(
            "agencies.tsv",
            {"key": key, "qid": qid, "label": label, "country_qid": country, "wikipedia": title},
            ("key",),
            report,
        )
    else:
        report.notes.append(f"{qid}: no agency with Wikipedia title {title!r} and no label/country")


def _value(snak: dict[str, Any]) -> Any:
    return snak.get("datavalue", {}).get("value")


def _qualifier_time(statement: dict[str, Any], prop: str) -> str:
    for snak in statement.get("qualifiers", {}).get(prop, []):
        value = _value(snak)
        if isinstance(value, dict) and "time" in value:
            return _day(value["time"], value.get("precision"))
    return ""


def _entity(entity: dict[str, Any], tables: _Tables, report: ImportReport) -> None:
    qid = entity.get("id", "")
    label = entity.get("labels", {}).get("en", {}).get("value", "")
    claims = entity.get("claims", {})
    title = entity.get("sitelinks", {}).get("enwiki", {}).get("title", "")
    if title and any(
        r["wikipedia"] == title.replace(" ", "_") for r in tables.rows["agencies.tsv"]
    ):
        _agency(tables, report, qid, title, label, "")
    states = {r["position_qid"]: r["state_qid"] for r in tables.rows["offices.tsv"]}
    for statement in claims.get("P39", []):
        position = (_value(statement["mainsnak"]) or {}).get("id", "")
        if position not in states:
            report.notes.append(f"{qid}: position {position} has no known state; skipped")
            continue
        _office(
            tables,
            report,
            qid,
            label,
            position,
            "",
            states[position],
            _qualifier_time(statement, "P580"),
            _qualifier_time(statement, "P582"),
            "",
        )
    for statement in claims.get("P463", []):
        organisation = (_value(statement["mainsnak"]) or {}).get("id", "")
        if not organisation:
            continue
        tables.upsert(
            "memberships.tsv",
            {
                "member_qid": qid,
                "organisation_qid": organisation,
                "start": _qualifier_time(statement, "P580"),
                "end": _qualifier_time(statement, "P582"),
                "source": "wikidata-entity",
            },
            ("member_qid", "organisation_qid", "start"),
            report,
        )
