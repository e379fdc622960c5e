"""Score extracted records against hand-annotated gold (see ``eval/gold/README.md``).

Matching, per document and record kind:

* a predicted record and a gold record can pair only when their evidence
  sentences overlap (character offsets);
* actors are compared at state level: a person or agency counts as the state in
  its ``country_qid``, everything else by QID; a gold ``nil:<label>`` matches a
  predicted actor whose label shares a word with it;
* each *level* adds conditions (``actors``, ``type``, ``core`` = actors + type
  for relationships and meetings, claimant + content span for claims, ``full``
  = core + modality/status/claim type + time) and is scored with a one-to-one
  maximum matching, so one prediction never counts for two gold records;
* attributes (modality, time, direction, place, about, disputes…) are
  accuracies over the pairs matched at ``core`` level; ``time`` only counts
  gold records that state a time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from accords.documents import iter_documents
from accords.errors import InputError
from accords.gold import (
    GoldClaim,
    GoldDocument,
    GoldError,
    GoldMeeting,
    GoldRelationship,
    Span,
    check_gold,
)
from accords.records import (
    ActorKind,
    Claim,
    Document,
    Entity,
    Extraction,
    Meeting,
    Relationship,
    TimeSpan,
)

if TYPE_CHECKING:
    from accords.analyse import Analyzer

KINDS = ("relationship", "meeting", "claim")
LEVELS = ("sentence", "actors", "type", "core", "full")
_STOP = {"the", "and", "for", "from", "with", "anonymous", "number", "one", "two", "its"}

P = TypeVar("P")
G = TypeVar("G")
Actor = tuple[str, str]  # (reference, label): reference is a QID or "nil:<label>"


@dataclass
class Counts:
    """Matched pairs against the number of predicted and gold records."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total


@dataclass(frozen=True)
class Error:
    """One scoring error at ``core`` level, for reading what went wrong."""

    kind: str
    category: str
    document: str
    sentence: str
    detail: str


@dataclass
class KindScore:
    levels: dict[str, Counts] = field(default_factory=lambda: {lv: Counts() for lv in LEVELS})
    attributes: dict[str, Accuracy] = field(default_factory=dict)

    def add(self, other: KindScore) -> None:
        for lv, c in other.levels.items():
            self.levels[lv].add(c)
        for name, a in other.attributes.items():
            self.attributes.setdefault(name, Accuracy()).add(a)


@dataclass
class Report:
    documents: int = 0
    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    errors: list[Error] = field(default_factory=list)

    def add(self, other: Report) -> None:
        self.documents += other.documents
        for k, s in other.kinds.items():
            self.kinds[k].add(s)
        self.errors += other.errors

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (figures rounded to 4 places)."""
        out: dict[str, Any] = {"documents": self.documents}
        for kind, s in self.kinds.items():
            out[kind] = {
                "levels": {
                    lv: {
                        "precision": round(c.precision, 4),
                        "recall": round(c.recall, 4),
                        "f1": round(c.f1, 4),
                        "tp": c.tp,
                        "predicted": c.n_pred,
                        "gold": c.n_gold,
                    }
                    for lv, c in s.levels.items()
                },
                "attributes": {
                    n: {"accuracy": round(a.value, 4), "correct": a.correct, "total": a.total}
                    for n, a in sorted(s.attributes.items())
                },
            }
        return out


# --- actors -----------------------------------------------------------------

_AGENTS = (ActorKind.PERSON, ActorKind.INTELLIGENCE_SERVICE, ActorKind.GOVERNMENT_BODY)


def actor_of(entity: Entity) -> Actor:
    """The state-level actor an entity stands for: people and agencies count as their state."""
    if entity.kind in _AGENTS and entity.country_qid:
        return entity.country_qid, entity.label
    if entity.qid:
        return entity.qid, entity.label
    return f"nil:{entity.label}", entity.label


def _words(label: str) -> set[str]:
    tokens = re.findall(r"[^\W\d_]{3,}", label.lower())
    return {t[:5] for t in tokens if t not in _STOP}


def actor_matches(gold: str, pred: Actor) -> bool:
    """A QID must be equal; a gold ``nil:<label>`` needs a shared word with the label."""
    if gold.startswith("nil:"):
        return bool(_words(gold[4:]) & _words(pred[1]))
    return gold == pred[0]


def same_actors(gold: Iterable[str], pred: Iterable[Actor]) -> bool:
    """True when the two sets (predicted deduplicated by reference) pair off one to one."""
    golds = sorted(set(gold))
    preds = list({a[0]: a for a in pred}.values())
    if len(golds) != len(preds):
        return False
    pairs = _matching(preds, golds, lambda p, g: actor_matches(g, p))
    return len(pairs) == len(golds)


# --- one-to-one matching ----------------------------------------------------


def _matching(
    preds: Sequence[P], golds: Sequence[G], ok: Callable[[P, G], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths), deterministic in input order."""
    edges = [[g for g, gold in enumerate(golds) if ok(pred, gold)] for pred in preds]
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return sorted((p, g) for g, p in owner.items())


# --- per-kind views ---------------------------------------------------------


def _overlap(a: tuple[int, int], b: Span) -> bool:
    return a[0] < b.end and b.start < a[1]


def _value(span: TimeSpan | None) -> str | None:
    return span.value if span else None


def _time_ok(pairs: Iterable[tuple[str | None, str | None]]) -> bool | None:
    """None when gold states no time; else whether every stated value is predicted."""
    stated = [(g, p) for g, p in pairs if g is not None]
    return all(g == p for g, p in stated) if stated else None


@dataclass
class _Kind(Generic[P, G]):
    """How to compare one record kind: the conditions each level adds."""

    name: str
    sentence: Callable[[P], tuple[int, int]]
    gold_sentence: Callable[[G], Span]
    actors: Callable[[P, G], bool]
    type: Callable[[P, G], bool]
    core: Callable[[P, G], bool]
    extra: Callable[[P, G], bool]  # modality / status / claim type
    time: Callable[[P, G], bool | None]
    attributes: Callable[[P, G, Any], dict[str, bool | None]]
    describe: Callable[[P], str]
    describe_gold: Callable[[G], str]

    def level(self, lv: str) -> Callable[[P, G], bool]:
        def same_sentence(p: P, g: G) -> bool:
            return _overlap(self.sentence(p), self.gold_sentence(g))

        conditions: dict[str, list[Callable[[P, G], bool]]] = {
            "sentence": [],
            "actors": [self.actors],
            "type": [self.type],
            "core": [self.core],
            "full": [self.core, self.extra, lambda p, g: self.time(p, g) is not False],
        }
        checks = [same_sentence, *conditions[lv]]
        return lambda p, g: all(c(p, g) for c in checks)


def _rel_actors(p: Relationship) -> list[Actor]:
    ends = [e for e in (p.source, p.target) if e is not None]
    return [actor_of(e) for e in (*p.members, *ends)]


def _rel_type(p: Relationship, g: GoldRelationship) -> bool:
    return p.type == g.type or p.type in g.alt_types


def _rel_direction(p: Relationship, g: GoldRelationship) -> bool | None:
    if g.source is None or g.target is None:
        return None
    if p.source is None or p.target is None:
        return False
    return actor_matches(g.source, actor_of(p.source)) and actor_matches(
        g.target, actor_of(p.target)
    )


def _rel_time(p: Relationship, g: GoldRelationship) -> bool | None:
    ev = p.evidence
    return _time_ok(
        [
            (g.valid_from, _value(ev.valid_from)),
            (g.valid_until, _value(ev.valid_until)),
            (g.observed, _value(ev.observed)),
        ]
    )


def _rel_modality(p: Relationship, g: GoldRelationship) -> bool:
    return p.evidence.modality == g.modality or p.evidence.modality in g.alt_modalities


RELATIONSHIPS: _Kind[Relationship, GoldRelationship] = _Kind(
    name="relationship",
    sentence=lambda p: (p.evidence.sentence.start, p.evidence.sentence.end),
    gold_sentence=lambda g: g.sentence,
    actors=lambda p, g: same_actors(g.members, _rel_actors(p)),
    type=_rel_type,
    core=lambda p, g: _rel_type(p, g) and same_actors(g.members, _rel_actors(p)),
    extra=_rel_modality,
    time=_rel_time,
    attributes=lambda p, g, _ctx: {
        "modality": _rel_modality(p, g),
        "time": _rel_time(p, g),
        "direction": _rel_direction(p, g),
    },
    describe=lambda p: (
        f"{p.type.value}({', '.join(a[1] for a in _rel_actors(p))}) {p.evidence.modality.value}"
    ),
    describe_gold=lambda g: f"{g.type.value}({', '.join(sorted(g.members))}) {g.modality.value}",
)


def _meet_actors(p: Meeting) -> list[Actor]:
    return [actor_of(e) for e in p.participants]


def _meet_type(p: Meeting, g: GoldMeeting) -> bool:
    return p.type == g.type or p.type in g.alt_types


def _meet_place(p: Meeting, g: GoldMeeting) -> bool | None:
    if g.place_name is None:
        return None
    if g.place_qid and p.place is not None and p.place.qid == g.place_qid:
        return True
    names = {n.lower() for n in (p.place_name, p.place.label if p.place else None) if n}
    return g.place_name.lower() in names


def _meet_time(p: Meeting, g: GoldMeeting) -> bool | None:
    return _time_ok([(g.date, _value(p.date))])


MEETINGS: _Kind[Meeting, GoldMeeting] = _Kind(
    name="meeting",
    sentence=lambda p: (p.evidence.sentence.start, p.evidence.sentence.end),
    gold_sentence=lambda g: g.sentence,
    actors=lambda p, g: same_actors(g.participants, _meet_actors(p)),
    type=_meet_type,
    core=lambda p, g: _meet_type(p, g) and same_actors(g.participants, _meet_actors(p)),
    extra=lambda p, g: p.status == g.status,
    time=_meet_time,
    attributes=lambda p, g, _ctx: {
        "status": p.status == g.status,
        "time": _meet_time(p, g),
        "place": _meet_place(p, g),
    },
    describe=lambda p: (
        f"{p.type.value}({', '.join(a[1] for a in _meet_actors(p))}) {p.status.value}"
    ),
    describe_gold=lambda g: f"{g.type.value}({', '.join(sorted(g.participants))}) {g.status.value}",
)


def claimant_matches(p: Claim, g: GoldClaim) -> bool:
    """Same speaker, or (speaker-level is enough) someone speaking for the same state."""
    if p.claimant is None:
        return False
    who = actor_of(p.claimant)
    own = (p.claimant.qid or f"nil:{p.claimant.label}", p.claimant.label)
    names = {g.claimant.actor}
    if g.claimant.actor.startswith("nil:"):
        names.add(f"nil:{g.claimant.label}")
    if any(actor_matches(n, a) for n in names for a in (own, who)):
        return True
    return g.claimant.state is not None and who[0] == g.claimant.state


def content_matches(p: Claim, g: GoldClaim) -> bool:
    """Dice overlap of the content spans is at least one half."""
    inter = min(p.content_end, g.content.end) - max(p.content_start, g.content.start)
    total = (p.content_end - p.content_start) + (g.content.end - g.content.start)
    return inter > 0 and 2 * inter / total >= 0.5


def _claim_type(p: Claim, g: GoldClaim) -> bool:
    return p.type == g.type or p.type in g.alt_types


def _claim_time(p: Claim, g: GoldClaim) -> bool | None:
    return _time_ok([(g.date, _value(p.stated))])


def _claim_about(p: Claim, g: GoldClaim) -> bool | None:
    if not g.about:
        return None
    return same_actors(g.about, [actor_of(e) for e in p.about])


def _claim_disputes(p: Claim, g: GoldClaim, pairs: dict[int, int]) -> bool | None:
    """``pairs`` maps predicted claim index to the gold claim index it matched."""
    if g.disputes is None:
        return None
    return p.disputes is not None and pairs.get(p.disputes) == g.disputes


CLAIMS: _Kind[Claim, GoldClaim] = _Kind(
    name="claim",
    sentence=lambda p: (p.evidence.sentence.start, p.evidence.sentence.end),
    gold_sentence=lambda g: g.sentence,
    actors=claimant_matches,
    type=_claim_type,
    core=lambda p, g: claimant_matches(p, g) and content_matches(p, g),
    extra=_claim_type,
    time=_claim_time,
    attributes=lambda p, g, pairs: {
        "type": _claim_type(p, g),
        "time": _claim_time(p, g),
        "about": _claim_about(p, g),
        "disputes": _claim_disputes(p, g, pairs),
    },
    describe=lambda p: (
        f"{p.type.value} by {p.claimant.label if p.claimant else '?'}: {p.content[:60]!r}"
    ),
    describe_gold=lambda g: f"{g.type.value} by {g.claimant.label}: {g.content.text[:60]!r}",
)


# --- scoring ----------------------------------------------------------------


def _score_kind(
    kind: _Kind[P, G], preds: Sequence[P], golds: Sequence[G], document: str, text: str
) -> tuple[KindScore, list[Error]]:
    score = KindScore()
    for lv in LEVELS:
        tp = len(_matching(preds, golds, kind.level(lv)))
        score.levels[lv] = Counts(tp, len(preds), len(golds))
    core = _matching(preds, golds, kind.level("core"))
    pairs = dict(core)
    for p, g in core:
        for name, ok in kind.attributes(preds[p], golds[g], pairs).items():
            if ok is not None:
                acc = score.attributes.setdefault(name, Accuracy())
                acc.total += 1
                acc.correct += int(ok)
    return score, _errors(kind, preds, golds, core, document, text)


def _errors(
    kind: _Kind[P, G],
    preds: Sequence[P],
    golds: Sequence[G],
    core: list[tuple[int, int]],
    document: str,
    text: str,
) -> list[Error]:
    errors: list[Error] = []
    matched_p = {p for p, _ in core}
    matched_g = {g for _, g in core}
    same = kind.level("sentence")

    def error(category: str, span: tuple[int, int], detail: str) -> None:
        sentence = text[span[0] : span[1]].strip()
        errors.append(Error(kind.name, category, document, sentence, detail))

    for g, gold in enumerate(golds):
        s = kind.gold_sentence(gold)
        if g in matched_g:
            p = next(p for p, gg in core if gg == g)
            if not kind.extra(preds[p], gold):
                error(
                    "wrong modality/status/type",
                    (s.start, s.end),
                    f"gold {kind.describe_gold(gold)}; predicted {kind.describe(preds[p])}",
                )
            if kind.time(preds[p], gold) is False:
                error(
                    "wrong time",
                    (s.start, s.end),
                    f"gold {kind.describe_gold(gold)}; predicted {kind.describe(preds[p])}",
                )
            continue
        near = [p for p in range(len(preds)) if p not in matched_p and same(preds[p], gold)]
        if any(kind.actors(preds[p], gold) for p in near):
            category = "wrong type" if kind.name != "claim" else "wrong content span"
        elif any(kind.type(preds[p], gold) for p in near):
            category = "wrong actors"
        elif near:
            category = "wrong actors and type"
        else:
            category = "missed"
        seen = "; predicted " + " | ".join(kind.describe(preds[p]) for p in near) if near else ""
        error(category, (s.start, s.end), f"gold {kind.describe_gold(gold)}{seen}")
    for p, pred in enumerate(preds):
        if p not in matched_p and not any(same(pred, gold) for gold in golds):
            error("spurious", kind.sentence(pred), f"predicted {kind.describe(pred)}")
    return errors


def score_document(gold: GoldDocument, extraction: Extraction) -> Report:
    """Score one document's extraction against its gold."""
    report = Report(documents=1)
    text, name = extraction.document.text, gold.stem
    parts: list[tuple[KindScore, list[Error]]] = [
        _score_kind(RELATIONSHIPS, extraction.relationships, gold.relationships, name, text),
        _score_kind(MEETINGS, extraction.meetings, gold.meetings, name, text),
        _score_kind(CLAIMS, extraction.claims, gold.claims, name, text),
    ]
    for kind, (score, errors) in zip(KINDS, parts, strict=True):
        report.kinds[kind] = score
        report.errors += errors
    return report


def score(pairs: Iterable[tuple[GoldDocument, Extraction]]) -> Report:
    """Micro-averaged report over several documents."""
    total = Report()
    for gold, extraction in pairs:
        total.add(score_document(gold, extraction))
    return total


def format_report(report: Report, errors: bool = False) -> str:
    """A plain-text table of the report (and its errors when asked)."""
    lines = [f"documents: {report.documents}"]
    for kind, s in report.kinds.items():
        lines.append(f"\n{kind}s")
        lines.append(f"  {'level':<9} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold")
        for lv, c in s.levels.items():
            lines.append(
                f"  {lv:<9} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}   "
                f"{c.tp}/{c.n_pred}/{c.n_gold}"
            )
        for name, a in sorted(s.attributes.items()):
            lines.append(f"  {name:<9} accuracy {a.value:.3f} ({a.correct}/{a.total} core pairs)")
    if errors:
        lines.append(f"\nerrors at core level ({len(report.errors)})")
        for e in report.errors:
            lines.append(f"- [{e.kind}] {e.category} ({e.document}): {e.detail}")
            lines.append(f"    {e.sentence[:160]}")
    return "\n".join(lines)


def evaluate(
    paths: Iterable[str | Path], golds: dict[str, GoldDocument], analyzer: Analyzer | None = None
) -> tuple[Report, list[str]]:
    """Analyse the documents under ``paths`` that have gold and score them.

    Returns the report and a note for each input left out (unreadable, or no gold).
    Raises :class:`~accords.gold.GoldError` when a gold file no longer fits its text.
    """
    from accords.analyse import Analyzer

    skipped: list[str] = []
    pairs: list[tuple[GoldDocument, Document]] = []
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            skipped.append(str(item))
            continue
        gold = golds.get(Path(item.source_path or item.key).stem)
        if gold is None:
            skipped.append(f"{item.source_path or item.key}: no gold file; not scored")
            continue
        check_gold(gold, item)
        pairs.append((gold, item))
    if not pairs:
        raise GoldError("none of the given documents has a gold file")
    analyzer = analyzer or Analyzer()
    extractions = analyzer.analyse_many(d for _, d in pairs)
    return score(zip((g for g, _ in pairs), extractions, strict=True)), skipped
