"""Build the shipped gazetteer (``data/gazetteer/*.tsv``) from ``shared/wikidata/*.csv``.

Reproducible: the same sources give byte-identical files. Every QID comes from a
source column; the only hand-written data here are English surface forms
(extra aliases, capital names used as metonyms, phrases for intelligence
bodies), each keyed by an ISO code or a Wikipedia title, never by a QID.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from accords.errors import InputError
from accords.linking.tables import (
    AGENCY_COLUMNS,
    MEMBERSHIP_COLUMNS,
    OFFICE_COLUMNS,
    ORG_COLUMNS,
    PLACE_COLUMNS,
    STATE_COLUMNS,
    write_table,
)

#: Extra English surface forms, keyed by ISO 3166-1 alpha-2.
EXTRA_STATE_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "U.S.A.", "America", "United States of America", "the United States"),
    "GB": ("U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
}
#: Extra demonyms (adjectives that denote the state), keyed by ISO alpha-2.
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    "GB": ("British",),
    "US": ("American", "U.S.", "US"),
    "KZ": ("Kazakh",),
    "SU": ("Soviet",),
}
#: Capitals and seats of government used as metonyms for their state's government.
#: Only the name is hand-written; the state QID comes from countries.csv via the ISO code.
CAPITALS: dict[str, str] = {
    "Moscow": "RU",
    "the Kremlin": "RU",
    "Kremlin": "RU",
    "Tehran": "IR",
    "Teheran": "IR",
    "Ankara": "TR",
    "Damascus": "SY",
    "Baghdad": "IQ",
    "Washington": "US",
    "the White House": "US",
    "White House": "US",
    "London": "GB",
    "Downing Street": "GB",
    "Whitehall": "GB",
    "the Pentagon": "US",
    "Pentagon": "US",
    "the State Department": "US",
    "State Department": "US",
    "the Elysee": "FR",
    "Elysee": "FR",
    "the Élysée": "FR",
    "Élysée": "FR",
    "Jerusalem": "IL",
    "Tel Aviv": "IL",
    "Beijing": "CN",
    "Paris": "FR",
    "Berlin": "DE",
    "Kyiv": "UA",
    "Kiev": "UA",
    "Riyadh": "SA",
    "Cairo": "EG",
    "Amman": "JO",
    "Beirut": "LB",
    "Doha": "QA",
    "Abu Dhabi": "AE",
    "Islamabad": "PK",
    "New Delhi": "IN",
    "Tokyo": "JP",
    "Pyongyang": "KP",
    "Seoul": "KR",
    "Baku": "AZ",
    "Yerevan": "AM",
    "Tbilisi": "GE",
    "Minsk": "BY",
    "Kabul": "AF",
    "Brussels": "BE",
    "Rome": "IT",
    "Madrid": "ES",
}
#: Seats of government that are never just a place.
ALWAYS_GOVERNMENT = {
    "the Kremlin",
    "Kremlin",
    "the White House",
    "White House",
    "Downing Street",
    "Whitehall",
    "the Pentagon",
    "Pentagon",
    "the State Department",
    "State Department",
    "the Elysee",
    "Elysee",
    "the Élysée",
    "Élysée",
}
#: Extra names of agencies, keyed by their English Wikipedia title.
EXTRA_AGENCY_NAMES: dict[str, tuple[str, ...]] = {
    "GRU (Russian Federation)": (
        "GRU",
        "Main Intelligence Directorate",
        "Main Directorate",
        "GU",
        "Russian military intelligence",
        "Russia's military intelligence",
        "Russian military intelligence agency",
        "Russia's military intelligence agency",
        "Russian military intelligence service",
    ),
    "Federal Security Service (Russia)": ("FSB", "Federal Security Service"),
    "Foreign Intelligence Service (Russia)": ("SVR", "Russian Foreign Intelligence Service"),
    "National Intelligence Organization (Turkey)": (
        "MIT",
        "MİT",
        "National Intelligence Organization",
        "National Intelligence Organisation",
        "Turkish National Intelligence Organization",
        "Turkish National Intelligence Organisation",
        "Turkey's National Intelligence Organization",
        "Turkish intelligence agency",
        "Turkey's intelligence agency",
        "Turkish intelligence service",
    ),
    "Secret Intelligence Service": ("MI6", "SIS", "British Secret Intelligence Service"),
    "MI5": ("Security Service", "British Security Service"),
    "Government Communications Headquarters": ("GCHQ",),
    "Central Intelligence Agency": ("CIA",),
    "National Security Agency": ("NSA",),
    "Defense Intelligence Agency": ("DIA",),
    "Director of National Intelligence": (
        "ODNI",
        "Office of the Director of National Intelligence",
    ),
    "Mossad": ("the Mossad",),
    "Shin Bet": ("Shabak", "Shin Beth", "Israel Security Agency"),
    "Military Intelligence Directorate (Israel)": ("Aman",),
    "Ministry of Intelligence (Iran)": (
        "MOIS",
        "VAJA",
        "Iranian Ministry of Intelligence",
        "Iran's Ministry of Intelligence",
        "Ministry of Intelligence of Iran",
    ),
    "Intelligence Organization of Army of the Guardians of the Islamic Revolution": (
        "IRGC Intelligence Organization",
        "IRGC Intelligence Organisation",
        "IRGC-IO",
    ),
    "Iraqi National Intelligence Service": ("INIS",),
    "General Intelligence Directorate (Syria)": ("Syrian General Intelligence Directorate",),
}
#: Role slugs for the office titles in the sources (heads and security offices).
ROLE_OF_POSITION: dict[str, str] = {
    "Director of the Foreign Intelligence Service": "svr_director",
    "Director of the Federal Security Service": "fsb_director",
    "Secretary of the Security Council": "security_council_secretary",
    "Deputy Chairman of the Security Council": "security_council_deputy_chairman",
    "Director of National Intelligence": "intelligence_chief",
    "Director of the CIA": "cia_director",
    "Director of the FBI": "fbi_director",
    "National Security Advisor": "national_security_advisor",
    "Secretary of Homeland Security": "homeland_security_secretary",
    "Chief of the Secret Intelligence Service": "intelligence_chief",
    "Minister of Intelligence": "intelligence_chief",
    "Director of the Mossad": "intelligence_chief",
    "Deputy Director of the Mossad": "deputy_intelligence_chief",
    "Secretary of the Supreme National Security Council": "security_council_secretary",
    "Head of General Intelligence": "general_intelligence_head",
    "Head of the National Security Bureau": "national_security_bureau_head",
    "Chief of the General Staff": "chief_of_general_staff",
    "Minister of Public Security": "public_security_minister",
    "Minister for Security and Immigration": "security_minister",
    "Minister of State for Security": "security_minister",
}
#: Minimum length of an acronym taken from an agency description.
_MIN_ACRONYM = 3
_ACRONYM = re.compile(r"\(([A-ZİÜ][A-ZİÜ&0-9-]{1,9})\)")


def _read(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(
            str(path), "source file missing; pass --source pointing at shared/wikidata"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _uniq(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return out


def ascii_fold(text: str) -> str:
    """Drop diacritics and fold dotless i (Erdoğan -> Erdogan)."""
    text = text.replace("\u0131", "i").replace("\u0130", "I").replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _clean_alias(alias: str) -> str | None:
    """Aliases usable as surface forms: no inverted 'X, Y' forms, no abbreviations with dots."""
    alias = re.sub(r"\s*\([^)]*\)$", "", alias).strip()
    if not alias or "," in alias or "." in alias:
        return None
    return alias


def build_states(source: Path) -> list[dict[str, str]]:
    rows = []
    for row in _read(source / "countries.csv"):
        iso2 = row["iso_alpha2"]
        label = re.sub(r"\s*\([^)]*\)$", "", row["name_en"]).strip()
        aliases = [a for a in map(_clean_alias, _split(row["aliases_en"])) if a]
        aliases += list(EXTRA_STATE_ALIASES.get(iso2, ()))
        iso2_key = "SU" if row["name_en"] == "Soviet Union" else iso2
        demonyms = _split(row["demonym_en"]) + list(EXTRA_DEMONYMS.get(iso2_key, ()))
        wiki = (
            row["wikipedia_url"].rsplit("/wiki/", 1)[-1] if "/wiki/" in row["wikipedia_url"] else ""
        )
        rows.append(
            {
                "qid": row["qid"],
                "label": label,
                "kind": row["kind"],
                "iso2": iso2,
                "iso3": row["iso_alpha3"],
                "aliases": "|".join(_uniq(a for a in aliases if a.casefold() != label.casefold())),
                "demonyms": "|".join(_uniq(demonyms)),
                "other_qids": row["other_qids"],
                "wikipedia": wiki.replace(" ", "_"),
            }
        )
    rows.sort(key=lambda r: r["qid"])
    return rows


def build_places(states: list[dict[str, str]]) -> list[dict[str, str]]:
    by_iso = {s["iso2"]: s["qid"] for s in states if s["iso2"]}
    rows = []
    for name, iso in sorted(CAPITALS.items()):
        if iso not in by_iso:
            raise InputError("countries.csv", f"no state with ISO code {iso} for capital {name!r}")
        rows.append(
            {
                "name": name,
                "state_qid": by_iso[iso],
                "seat": "government" if name in ALWAYS_GOVERNMENT else "capital",
            }
        )
    return rows


def build_organisations(source: Path) -> list[dict[str, str]]:
    rows = []
    for row in _read(source / "international_organisations.csv"):
        if not row["qid"]:
            continue  # never invent a QID: organisations without one are left out
        rows.append(
            {
                "qid": row["qid"],
                "label": row["name_en"],
                "abbreviations": row["abbreviations_en"],
                "aliases": row["other_names_en"],
                "family": row["org_family"],
            }
        )
    rows.sort(key=lambda r: r["qid"])
    return _dedupe(rows, "qid")


def _dedupe(rows: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    seen: set[str] = set()
    out = []
    for row in rows:
        if row[key] not in seen:
            seen.add(row[key])
            out.append(row)
    return out


def person_aliases(label: str) -> list[str]:
    """Name variants: folded spelling, without middle names/initials, 'al-' surnames."""
    base = re.split(r",", label)[0].strip()
    tokens = base.split()
    variants = [base, ascii_fold(base)]
    if len(tokens) >= 3 and not tokens[-1].lower().startswith(("ii", "iii")):
        variants.append(f"{tokens[0]} {tokens[-1]}")
        variants.append(f"{tokens[-2]} {tokens[-1]}")
    tokens = [t for t in tokens if not re.fullmatch(r"[A-Z]\.", t)]
    if len(tokens) >= 2:
        variants.append(" ".join(tokens))
        last = tokens[-1]
        if re.fullmatch(r"[IVX]+", last):
            return list(dict.fromkeys(variants + [ascii_fold(v) for v in variants]))
        match = re.fullmatch(r"(?i)(al|el)-(.+)", last)
        if match:
            core = match.group(2)
            variants += [
                f"al-{core}",
                f"Al-{core}",
                f"al {core}",
                core,
                f"{tokens[0]} {core}",
                f"{' '.join(tokens[:-1])} al-{core}",
            ]
        else:
            variants.append(last)
    return list(dict.fromkeys(variants + [ascii_fold(v) for v in variants]))


def build_offices(source: Path) -> list[dict[str, str]]:
    rows = []
    for row in _read(source / "heads_of_state_government.csv"):
        end = row["end"]
        later = row["end_year_in_later_snapshot"][:4]
        if not end and later.isdigit() and later >= row["start"][:4]:
            end = later
        rows.append(_office(row, row["role"], end))
    for row in _read(source / "security_intelligence_officeholders.csv"):
        role = ROLE_OF_POSITION.get(row["position_title"], "security_official")
        rows.append(_office(row, role, row["end"]))
    positions = {p["position_qid"]: p["label_en"] for p in _read(source / "positions.csv")}
    for row in rows:
        row["position_label"] = positions.get(row["position_qid"], row["position_label"])
    rows.sort(key=lambda r: (r["state_qid"], r["position_qid"], r["start"], r["person_qid"]))
    return rows


def _office(row: dict[str, str], role: str, end: str) -> dict[str, str]:
    if not row["person_qid"].startswith("Q") or not row["position_qid"].startswith("Q"):
        raise InputError("officeholders", f"row without person or position QID: {row}")
    return {
        "person_qid": row["person_qid"],
        "person_label": row["person_label"],
        "aliases": "|".join(person_aliases(row["person_label"])),
        "position_qid": row["position_qid"],
        "position_label": row["position_title"],
        "role": role,
        "state_qid": row["country_qid"],
        "start": row["start"],
        "end": end,
        "known_until": "" if end else _known_until(row),
        "source": _short_source(row["source"]),
    }


def _known_until(row: dict[str, str]) -> str:
    """Latest snapshot date at which a source still showed an open term as current."""
    text = row["source"] + " " + row.get("corroborated_by", "")
    return max(re.findall(r"\d{4}-\d{2}-\d{2}", text), default="")


def _short_source(source: str) -> str:
    if "world-leaders-current" in source:
        return "S10"
    if "world-leaders-2021" in source:
        return "S9"
    return "S8"


def agency_key(title: str) -> str:
    return "enwiki-" + title.replace(" ", "_")


def build_agencies(source: Path) -> list[dict[str, str]]:
    rows = []
    for row in _read(source / "intelligence_agencies.csv"):
        title = row["enwiki_title"]
        if not title or row["page_exists_per_source"] != "yes":
            continue  # no Wikipedia title to key it by
        label = row["name_en"]
        short = re.sub(r"\s*\([^)]*\)$", "", label).strip()
        acronyms = [a for a in _ACRONYM.findall(row["description"]) if len(a) >= _MIN_ACRONYM]
        names = [label, short, *_split(row["synonyms"]), *EXTRA_AGENCY_NAMES.get(title, ())]
        rows.append(
            {
                "key": agency_key(title),
                "qid": row["qid"],
                "label": label,
                "acronyms": "|".join(_uniq(acronyms)),
                "aliases": "|".join(_uniq(n for n in names if n != label)),
                "country_qid": row["country_qid"],
                "wikipedia": title.replace(" ", "_"),
                "head_position_qid": row["head_position_qid"],
            }
        )
    rows.sort(key=lambda r: r["key"])
    return rows


def build(source: Path, out: Path) -> Iterator[str]:
    """Write every gazetteer table into ``out``; yield one summary line per file."""
    out.mkdir(parents=True, exist_ok=True)
    states = build_states(source)
    tables = {
        "states.tsv": (STATE_COLUMNS, states),
        "places.tsv": (PLACE_COLUMNS, build_places(states)),
        "organisations.tsv": (ORG_COLUMNS, build_organisations(source)),
        "offices.tsv": (OFFICE_COLUMNS, build_offices(source)),
        "agencies.tsv": (AGENCY_COLUMNS, build_agencies(source)),
        "memberships.tsv": (MEMBERSHIP_COLUMNS, []),
    }
    for name, (columns, rows) in tables.items():
        write_table(out / name, columns, rows)
        yield f"{name}: {len(rows)} rows"
