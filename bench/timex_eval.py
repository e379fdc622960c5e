"""Score TimeML TIMEX3 output against gold with the TempEval-3 metrics; convert MEANTIME.

    python bench/timex_eval.py meantime MEANTIME_DIR GOLD_DIR    # CAT XML -> gold .tml
    python bench/timex_eval.py strip GOLD_DIR INPUT_DIR          # gold .tml -> .TE3input
    python bench/timex_eval.py score GOLD_DIR SYSTEM_DIR [-v]    # TempEval-3 figures

Metrics (TempEval-3 task A): strict (same span) and relaxed (overlapping span)
precision/recall/F1 over TIMEX3 in <TEXT>; value and type accuracy over relaxed
matches; value F1 = relaxed F1 x value accuracy. MEANTIME files are read from
the given path and never copied into the project.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from accords.nlp.timeml import _TEXT, strip_timexes, text_of, timeml_files

_TAG = re.compile(r"<(/?)TIMEX3\b([^>]*)>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


def timexes_of(raw: str) -> tuple[str, list[Gold]]:
    """The plain <TEXT> and its TIMEX3 annotations as character spans into it."""
    m = _TEXT.search(raw)
    if m is None:
        raise ValueError("no <TEXT> element")
    body, base = m.group("body"), m.start("body")
    plain = text_of(body, base)
    position = {raw_off: i for i, raw_off in enumerate(plain.raw_start)}
    out: list[Gold] = []
    open_at: list[tuple[int, dict[str, str]]] = []
    for t in _TAG.finditer(body):
        raw_off = base + t.end() if not t.group(1) else base + t.start()
        if not t.group(1):
            open_at.append((raw_off, dict(_ATTR.findall(t.group(2)))))
            continue
        start_raw, attrs = open_at.pop()
        start = _next_char(position, start_raw, plain.raw_start)
        end = _next_char(position, raw_off, plain.raw_start)
        out.append(Gold(start, end, attrs.get("type", ""), attrs.get("value", ""),
                        plain.text[start:end]))
    return plain.text, out


def _next_char(position: dict[int, int], raw_off: int, starts: tuple[int, ...]) -> int:
    while raw_off not in position and raw_off <= (starts[-1] if starts else 0):
        raw_off += 1
    return position.get(raw_off, len(starts))


def score(gold_dir: Path, system_dir: Path, verbose: bool = False) -> dict[str, float]:
    """TempEval-3 TIMEX3 figures over every gold file that has a system counterpart."""
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    for g in timeml_files(gold_dir):
        s = system_dir / g.relative_to(gold_dir)
        if not s.exists():
            s = s.with_name(s.name.replace(".tml", ".TE3input"))
        text, gold = timexes_of(g.read_text(encoding="utf-8"))
        _, system = timexes_of(s.read_text(encoding="utf-8")) if s.exists() else ("", [])
        n_gold += len(gold)
        n_sys += len(system)
        used: set[int] = set()
        for x in gold:
            match = next((i for i, y in enumerate(system) if i not in used
                          and y.start < x.end and x.start < y.end), None)
            if match is None:
                if verbose:
                    print(f"MISS {g.name}: {x.text!r} {x.type} {x.value}")
                continue
            y = system[match]
            used.add(match)
            relaxed += 1
            strict += (y.start, y.end) == (x.start, x.end)
            value_ok += y.value == x.value
            type_ok += y.type == x.type
            if verbose and (y.value != x.value or (y.start, y.end) != (x.start, x.end)):
                print(f"DIFF {g.name}: gold {x.text!r} {x.type} {x.value} | "
                      f"ours {y.text!r} {y.type} {y.value}")
        if verbose:
            for i, y in enumerate(system):
                if i not in used:
                    context = text[max(0, y.start - 30):y.end + 30].replace("\n", " ")
                    print(f"FALSE {g.name}: {y.text!r} {y.type} {y.value}  [{context}]")

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    sp, sr = strict / max(n_sys, 1), strict / max(n_gold, 1)
    rp, rr = relaxed / max(n_sys, 1), relaxed / max(n_gold, 1)
    value_acc, type_acc = value_ok / max(relaxed, 1), type_ok / max(relaxed, 1)
    return {"gold": n_gold, "system": n_sys, "strict_p": sp, "strict_r": sr,
            "strict_f1": f1(sp, sr), "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": f1(rp, rr),
            "value_accuracy": value_acc, "type_accuracy": type_acc,
            "value_f1": f1(rp, rr) * value_acc, "type_f1": f1(rp, rr) * type_acc}


# --------------------------------------------------------------------------- MEANTIME


# MEANTIME annotates the title, the dateline and the first sentences (0-5) only
ANNOTATED_SENTENCES = 5


def meantime_to_tml(source: Path, dateline: bool = True) -> str | None:
    """One MEANTIME CAT XML article as a TempEval-3 .tml string (TIMEX3 only).

    Only the annotated sentences are kept, so unannotated text is not scored.

    None when the article has no creation time (two of the 120 do not). The
    dateline (the creation time written in the text) is a gold TIMEX3; with
    ``dateline=False`` its tokens are left out of the text instead.
    """
    root = ET.parse(source).getroot()
    tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "")
              for t in root.iter("token") if int(t.get("sentence", "0")) <= ANNOTATED_SENTENCES]
    timexes = []
    dct = ""
    for t in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in t.iter("token_anchor")]
        value = _normalise_value(t.get("value", ""))
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = value
            if not dateline:
                skipped = set(ids)
                tokens = [tok for tok in tokens if tok[0] not in skipped]
                continue
        if ids:
            timexes.append((ids[0], ids[-1], t.get("type", "DATE"), value))
    if not dct:
        return None
    opens = {first: (kind, value) for first, _, kind, value in timexes}
    closes = {last for _, last, _, _ in timexes}
    pieces: list[str] = []
    tid = 1
    previous_sentence = None
    for t_id, sentence, word in tokens:
        if previous_sentence is not None:
            pieces.append("\n" if sentence != previous_sentence else " ")
        previous_sentence = sentence
        if t_id in opens:
            kind, value = opens[t_id]
            pieces.append(f'<TIMEX3 tid="t{tid}" type="{kind}" value="{html.escape(value)}">')
            tid += 1
        pieces.append(html.escape(word, quote=False))
        if t_id in closes:
            pieces.append("</TIMEX3>")
    doc_id = html.escape(root.get("doc_name", source.stem))
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{doc_id}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>\n{''.join(pieces)}\n</TEXT>\n</TimeML>\n"
    )


def _normalise_value(value: str) -> str:
    """MEANTIME writes at least one date day-first (03-02-2009): make it ISO."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    return f"{m[3]}-{m[2]}-{m[1]}" if m else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("meantime", "strip", "score"))
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--without-dateline", action="store_true",
                        help="meantime: leave the dateline out of the text and the gold")
    args = parser.parse_args(argv)
    if args.action == "meantime":
        written = 0
        for f in sorted(args.source.rglob("*.xml")):
            tml = meantime_to_tml(f, dateline=not args.without_dateline)
            if tml is None:
                print(f"skipped (no creation time): {f.name}", file=sys.stderr)
                continue
            out = args.target / f.with_suffix(".tml").name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(tml, encoding="utf-8")
            written += 1
        print(f"{written} MEANTIME articles -> {args.target}")
    elif args.action == "strip":
        for f in timeml_files(args.source):
            out = args.target / f.relative_to(args.source).with_suffix(".TE3input")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(strip_timexes(f.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        figures = score(args.source, args.target, args.verbose)
        for k, v in figures.items():
            print(f"{k:15} {v:.4f}" if isinstance(v, float) else f"{k:15} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
