"""TempEval-3 TimeML files: read the text and creation time, write TIMEX3 tags into <TEXT>.

Everything outside the added TIMEX3 tags is kept byte for byte; TIMEX3 tags
already inside <TEXT> (as in gold .tml files) are replaced by the tagger's own.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accords.errors import InputError
from accords.nlp.timex import tag
from accords.records import Precision, Timex

SUFFIXES = (".tml", ".TE3input")
_TEXT = re.compile(r"<TEXT(?:\s[^>]*)?>(?P<body>.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r"<DCT>.*?</DCT>", re.DOTALL)
_TIMEX_OPEN = re.compile(r"<TIMEX3\b[^>]*>")
_PIECE = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|&", re.DOTALL)
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_TID = re.compile(r'\btid="t(\d+)"')


@dataclass(frozen=True)
class TimeMLText:
    """The plain text of a <TEXT> body and where each character sits in the raw file."""

    text: str
    raw_start: tuple[int, ...]  # raw offset of each plain character
    raw_end: tuple[int, ...]  # raw offset just after it


def creation_time(raw: str, source: str = "<string>") -> tuple[date | None, Precision | None]:
    """The document creation time: the CREATION_TIME TIMEX3 inside <DCT>."""
    block = _DCT.search(raw)
    if block is None:
        return None, None
    for tag_text in _TIMEX_OPEN.findall(block.group()):
        attrs = dict(_ATTR.findall(tag_text))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            return parse_date_value(attrs.get("value", ""), source)
    return None, None


def parse_date_value(value: str, source: str = "<string>") -> tuple[date, Precision]:
    """A TIMEX3 date value (2018-09-07, 2018-09, 2018, or a time on a day) as date and precision."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not m:
        raise InputError(source, f"creation time {value!r} is not a TIMEX3 date value")
    precision = Precision.DAY if m[3] else Precision.MONTH if m[2] else Precision.YEAR
    return date(int(m[1]), int(m[2] or 1), int(m[3] or 1)), precision


def text_of(body: str, offset: int = 0) -> TimeMLText:
    """Unescape a <TEXT> body, dropping its tags, keeping the raw offset of every character."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _PIECE.finditer(body):
        piece = m.group()
        if piece.startswith("<"):
            continue
        if piece.startswith("&") and len(piece) > 1:
            chars.append(html.unescape(piece))
            starts.append(offset + m.start())
            ends.append(offset + m.end())
            continue
        for i, ch in enumerate(piece):
            chars.append(ch)
            starts.append(offset + m.start() + i)
            ends.append(offset + m.start() + i + 1)
    return TimeMLText("".join(chars), tuple(starts), tuple(ends))


def strip_timexes(raw: str) -> str:
    """The document with every TIMEX3 tag inside <TEXT> removed (their text kept)."""
    m = _TEXT.search(raw)
    if m is None:
        return raw
    body = re.sub(r"</?TIMEX3\b[^>]*>", "", m.group("body"))
    return raw[: m.start("body")] + body + raw[m.end("body") :]


def annotate(raw: str, source: str = "<string>") -> str:
    """The document with the tagger's TIMEX3 tags added inside <TEXT>."""
    raw = strip_timexes(raw)
    m = _TEXT.search(raw)
    if m is None:
        raise InputError(source, "no <TEXT> element: not a TempEval-3 TimeML file")
    reference, precision = creation_time(raw, source)
    plain = text_of(m.group("body"), m.start("body"))
    timexes = tag(plain.text, reference, precision)
    next_tid = max((int(t) for t in _TID.findall(raw)), default=0) + 1
    inserts: list[tuple[int, int, str]] = []  # (raw offset, order, tag text)
    for t in timexes:
        start, end = plain.raw_start[t.start], plain.raw_end[t.end - 1]
        if not _balanced(raw[start:end]):
            continue
        inserts.append((start, 1, _open_tag(f"t{next_tid}", t)))
        inserts.append((end, 0, "</TIMEX3>"))
        next_tid += 1
    out = []
    last = 0
    for pos, _, text in sorted(inserts):
        out.append(raw[last:pos])
        out.append(text)
        last = pos
    out.append(raw[last:])
    return "".join(out)


def _open_tag(tid: str, t: Timex) -> str:
    value = html.escape(t.value, quote=True)
    return f'<TIMEX3 tid="{tid}" type="{t.type}" value="{value}">'


def _balanced(raw: str) -> bool:
    """Whether a raw stretch opens and closes its tags in order (so a TIMEX3 may wrap it)."""
    stack: list[str] = []
    for m in re.finditer(r"<(/?)([\w:]+)[^>]*?(/?)>", raw):
        closing, name, empty = m.groups()
        if empty:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def annotate_file(source: Path, target: Path) -> int:
    """Tag one TimeML file into target; the number of TIMEX3 tags written."""
    try:
        raw = source.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(source), f"cannot read as UTF-8 text: {exc}") from exc
    result = annotate(raw, str(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(result.encode("utf-8"))
    m = _TEXT.search(result)
    return len(_TIMEX_OPEN.findall(m.group("body"))) if m else 0


def timeml_files(folder: Path) -> list[Path]:
    """The .tml and .TE3input files under a folder, sorted."""
    if not folder.is_dir():
        raise InputError(str(folder), "not a directory")
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))


def annotate_dir(source: Path, target: Path) -> dict[Path, int]:
    """Tag every TimeML file under source into the same relative path under target."""
    return {p: annotate_file(p, target / p.relative_to(source)) for p in timeml_files(source)}
