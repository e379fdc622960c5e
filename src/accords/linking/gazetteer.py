"""The shipped Wikidata gazetteer: loading, name index, dated offices.

Keys: a state, organisation or person is keyed by its QID; an agency with no
known QID by ``enwiki-{Wikipedia_title}``; the intelligence services of a
state taken together by ``intel-{stateQID}``; a capital used as a place by
``place-{Name}`` (kind None, ``country_qid`` its state).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from accords.linking.tables import TABLES, read_table
from accords.records import ActorKind, Entity
from accords.resources import resource_dir

#: Kinds of name a surface form can be for an entity.
FORMS = (
    "name",
    "alias",
    "abbr",
    "demonym",
    "capital",
    "seat",
    "surname",
    "collective",
    "contextual",
)
#: Words used for offices in role phrases, mapped to role slugs.
ROLE_WORDS: dict[str, str] = {
    "president": "president",
    "prime minister": "prime_minister",
    "premier": "prime_minister",
    "pm": "prime_minister",
    "leader": "leader",
    "supreme leader": "supreme_leader",
    "intelligence chief": "intelligence_chief",
    "spy chief": "intelligence_chief",
    "spymaster": "intelligence_chief",
    "monarch": "monarch",
}
_INTEL_NOUNS = (
    "spies",
    "spy agencies",
    "spy agency",
    "spy services",
    "intelligence",
    "intelligence services",
    "intelligence agencies",
    "intelligence service",
    "intelligence community",
    "special services",
    "secret services",
    "security services",
)
_ALL_HEADS = (
    "head_of_state",
    "head_of_government",
    "head_of_state_and_government",
    "supreme_leader",
    "acting_head_of_state",
)


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Lookup form of a name: folded, case-free, no dots, no leading article (cached)."""
    text = text.replace("\u0131", "i").replace("\u0130", "I")
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.casefold().replace(".", "")
    text = re.sub(r"[\s\-\u2010\u2013]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"\s*'s$", "", text)


@dataclass(frozen=True)
class DateRange:
    """A possibly partial date ("2011", "2016-01", "2016-01-05") as its first and last day."""

    earliest: date
    latest: date

    @staticmethod
    def parse(value: str) -> DateRange | None:
        parts = value.strip().split("-")
        if not parts or not parts[0].isdigit():
            return None
        year = int(parts[0])
        if len(parts) == 1:
            return DateRange(date(year, 1, 1), date(year, 12, 31))
        month = int(parts[1])
        if len(parts) == 2:
            nxt = date(year + month // 12, month % 12 + 1, 1)
            return DateRange(date(year, month, 1), date.fromordinal(nxt.toordinal() - 1))
        day = date(year, month, int(parts[2]))
        return DateRange(day, day)


@dataclass(frozen=True)
class Office:
    """One term of one person in one position (an acc:OfficeHolding)."""

    person_qid: str
    person_label: str
    position_qid: str
    position_label: str
    role: str
    state_qid: str
    start: DateRange | None
    end: DateRange | None
    start_text: str
    end_text: str
    source: str
    known_until: date | None = None

    def possible_at(self, at: date) -> bool:
        """Held at ``at`` as far as the sources know (an open term only up to its last snapshot)."""
        started = self.start is None or self.start.earliest <= at
        if self.end is not None:
            return started and at <= self.end.latest
        return started and (self.known_until is None or at <= self.known_until)


@dataclass(frozen=True)
class Membership:
    member_qid: str
    organisation_qid: str
    start: str
    end: str
    source: str


@dataclass(frozen=True)
class Name:
    """One surface form of one entity."""

    key: str
    form: str
    text: str


class Gazetteer:
    """Entities, their names, offices and memberships, with lookups by name and date."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.entities: dict[str, Entity] = {}
        self.redirects: dict[str, str] = {}
        self.names: dict[str, list[Name]] = defaultdict(list)
        self.offices: list[Office] = []
        self.memberships: list[Membership] = []
        self.demonym_of: dict[str, str] = {}
        self.state_kind: dict[str, str] = {}
        self.intel_of: dict[str, str] = {}
        self._offices_by_person: dict[str, list[Office]] = defaultdict(list)
        self._offices_by_state: dict[str, list[Office]] = defaultdict(list)
        self._load()

    # ---- loading -------------------------------------------------------------------------
    def _table(self, name: str) -> list[dict[str, str]]:
        return read_table(self.directory / name, TABLES[name])

    def _add(self, entity: Entity, names: list[tuple[str, str]]) -> None:
        self.entities[entity.key] = entity
        for form, text in names:
            if text:
                self.names[normalize(text)].append(Name(entity.key, form, text))

    def _load(self) -> None:
        for row in self._table("states.tsv"):
            self._add(
                Entity(
                    row["qid"],
                    row["label"],
                    ActorKind.STATE,
                    qid=row["qid"],
                    wikipedia=row["wikipedia"] or None,
                ),
                [
                    ("name", row["label"]),
                    *_forms("alias", row["aliases"]),
                    *_forms("demonym", row["demonyms"]),
                ],
            )
            self.state_kind[row["qid"]] = row["kind"]
            for demonym in _split(row["demonyms"]):
                self.demonym_of.setdefault(demonym, row["qid"])
        for row in self._table("places.tsv"):
            form = "seat" if row["seat"] == "government" else "capital"
            self.names[normalize(row["name"])].append(Name(row["state_qid"], form, row["name"]))
        for row in self._table("organisations.tsv"):
            names = [("name", row["label"]), *_forms("alias", row["aliases"])]
            names += [f for a in _split(row["abbreviations"]) for f in _abbr_forms(a)]
            if row["label"].startswith("United Nations "):
                names.append(("contextual", row["label"].removeprefix("United Nations ")))
            self._add(
                Entity(
                    row["qid"], row["label"], ActorKind.INTERNATIONAL_ORGANIZATION, qid=row["qid"]
                ),
                names,
            )
        self._load_agencies()
        self._load_offices()
        for row in self._table("memberships.tsv"):
            self.memberships.append(Membership(**row))

    def _load_agencies(self) -> None:
        countries: set[str] = set()
        for row in self._table("agencies.tsv"):
            key = row["qid"] or row["key"]
            if row["qid"]:
                self.redirects[row["key"]] = row["qid"]
            names = [("name", row["label"]), *_forms("alias", row["aliases"])]
            names += [f for a in _split(row["acronyms"]) for f in _abbr_forms(a)]
            self._add(
                Entity(
                    key,
                    row["label"],
                    ActorKind.INTELLIGENCE_SERVICE,
                    qid=row["qid"] or None,
                    country_qid=row["country_qid"] or None,
                    wikipedia=row["wikipedia"] or None,
                ),
                names,
            )
            countries.add(row["country_qid"])
        for state_qid in sorted(countries):
            state = self.entities.get(state_qid)
            if state is None:
                continue
            key = f"intel-{state_qid}"
            self.intel_of[state_qid] = key
            refs = [d for d, q in self.demonym_of.items() if q == state_qid]
            refs += [f"{state.label}'s"] + [
                f"{n.text}'s" for n in self._names_of(state_qid, "alias")
            ]
            names = [("collective", f"{ref} {noun}") for ref in refs for noun in _INTEL_NOUNS]
            self._add(
                Entity(
                    key,
                    f"intelligence services of {state.label}",
                    ActorKind.INTELLIGENCE_SERVICE,
                    country_qid=state_qid,
                ),
                names,
            )

    def _names_of(self, key: str, form: str) -> list[Name]:
        return [n for ns in self.names.values() for n in ns if n.key == key and n.form == form]

    def _load_offices(self) -> None:
        people: dict[str, tuple[str, set[str]]] = {}
        for row in self._table("offices.tsv"):
            office = Office(
                row["person_qid"],
                row["person_label"],
                row["position_qid"],
                row["position_label"],
                row["role"],
                row["state_qid"],
                DateRange.parse(row["start"]),
                DateRange.parse(row["end"]),
                row["start"],
                row["end"],
                row["source"],
                date.fromisoformat(row["known_until"]) if row["known_until"] else None,
            )
            self.offices.append(office)
            self._offices_by_person[office.person_qid].append(office)
            self._offices_by_state[office.state_qid].append(office)
            label, aliases = people.setdefault(office.person_qid, (office.person_label, set()))
            aliases.update(_split(row["aliases"]))
        for qid, (label, aliases) in sorted(people.items()):
            latest = max(self._offices_by_person[qid], key=_start_key)
            names = [("name", label)]
            for alias in sorted(aliases):
                names.append(("alias" if " " in alias else "surname", alias))
            self._add(
                Entity(qid, label, ActorKind.PERSON, qid=qid, country_qid=latest.state_qid), names
            )

    # ---- public lookups -----------------------------------------------------------------
    def entity(self, key: str) -> Entity | None:
        """The entity with this key (QID, ``enwiki-…``, ``intel-…`` or ``place-…``)."""
        key = self.redirects.get(key, key)
        if key.startswith("place-"):
            name = key.removeprefix("place-").replace("_", " ")
            for entry in self.names.get(normalize(name), []):
                if entry.form == "capital":
                    return self.place(entry.text, entry.key)
            return None
        return self.entities.get(key)

    def place(self, name: str, state_qid: str) -> Entity:
        """A capital city used as a place: no QID of its own, only its state."""
        return Entity(f"place-{name.replace(' ', '_')}", name, None, country_qid=state_qid)

    def lookup(self, text: str) -> list[Name]:
        """Every entity with this surface form (normalised)."""
        return list(self.names.get(normalize(text), []))

    def offices_of(self, person_qid: str) -> list[Office]:
        return list(self._offices_by_person.get(person_qid, []))

    def holdings_at(self, offices: list[Office], at: date | None) -> list[Office]:
        """The offices of ``offices`` held at ``at`` (an open term ends when a successor starts)."""
        if at is None:
            open_terms = [o for o in offices if o.end is None or o.end.latest >= date.today()]
            return _latest_per_position(open_terms)
        possible = [o for o in offices if o.possible_at(at)]
        kept = []
        for office in possible:
            superseded = office.end is None and any(
                other.position_qid == office.position_qid
                and other.start
                and office.start
                and other.start.earliest > office.start.latest
                and other.start.latest <= at
                for other in self._offices_by_state[office.state_qid]
            )
            if not superseded:
                kept.append(office)
        return kept

    def office_holder(self, state_qid: str, role: str, at: date | None) -> Entity | None:
        """Who held ``role`` for ``state_qid`` at ``at`` (None if unknown or ambiguous)."""
        offices = [o for o in self._offices_by_state.get(state_qid, []) if _has_role(o, role)]
        if role == "leader" and any(o.role == "supreme_leader" for o in offices):
            offices = [o for o in offices if o.role == "supreme_leader"]
        people = {o.person_qid for o in self.holdings_at(offices, at)}
        if len(people) != 1:
            return None
        return self.entities.get(people.pop())

    def represents(self, person_qid: str, at: date | None) -> Entity | None:
        """The state a person represented through an office held at ``at``."""
        held = self.holdings_at(self.offices_of(person_qid), at)
        states = {o.state_qid for o in held}
        if len(states) != 1:
            return None
        return self.entities.get(states.pop())

    def held_office_near(self, person_qid: str, at: date, years: int) -> bool:
        """Whether the person held any office within ``years`` of ``at``."""
        for office in self.offices_of(person_qid):
            start = office.start.earliest if office.start else date.min
            end = office.end.latest if office.end else date.max
            if start.year - years <= at.year <= end.year + years:
                return True
        return False


def _has_role(office: Office, role: str) -> bool:
    label = office.position_label.lower()
    if role == "president":
        return (
            office.role in ("head_of_state", "head_of_state_and_government", "acting_head_of_state")
            and "president" in label
        )
    if role == "prime_minister":
        return office.role == "head_of_government" and "prime minister" in label
    if role == "head_of_state":
        return office.role in (
            "head_of_state",
            "head_of_state_and_government",
            "acting_head_of_state",
        )
    if role == "head_of_government":
        return office.role in ("head_of_government", "head_of_state_and_government")
    if role == "monarch":
        return office.role == "head_of_state" and "monarch" in label
    if role == "leader":
        return office.role in _ALL_HEADS
    return office.role == role


def _start_key(office: Office) -> date:
    return office.start.earliest if office.start else date.min


def _latest_per_position(offices: list[Office]) -> list[Office]:
    best: dict[str, Office] = {}
    for office in offices:
        current = best.get(office.position_qid)
        if current is None or _start_key(office) > _start_key(current):
            best[office.position_qid] = office
    return list(best.values())


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _forms(form: str, cell: str) -> list[tuple[str, str]]:
    return [(form, value) for value in _split(cell)]


def _abbr_forms(abbr: str) -> list[tuple[str, str]]:
    """An abbreviation and, for short all-caps ones, its dotted spelling (UN -> U.N.)."""
    if not abbr:
        return []
    forms = [("abbr", abbr)]
    if abbr.isalpha() and abbr.isupper() and 2 <= len(abbr) <= 4:
        forms.append(("abbr", ".".join(abbr) + "."))
    return forms


@lru_cache(maxsize=4)
def _load(directory: Path) -> Gazetteer:
    return Gazetteer(directory)


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The gazetteer shipped with accords (or the one in ``directory``), loaded once."""
    return _load((directory or resource_dir("gazetteer")).resolve())
