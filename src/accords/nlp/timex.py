"""Temporal tagger: find TIMEX3 expressions in news text and normalise them.

Pure functions over plain text and the document date. ``tag`` finds DATE, TIME,
DURATION and SET expressions with rules, resolves relative ones against the
reference date (weekdays and bare months by the tense of their sentence), and
says how each bounds a fact (``anchor``). ``governing_timex`` picks the
expression that dates a fact stated in a span of text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from accords.nlp.timex_calendar import part_of, span_for_date, span_for_value
from accords.nlp.timex_context import Tense, sentence_bounds, tense_near
from accords.nlp.timex_lexicon import (
    DAY_PARTS,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    ORDINAL_RE,
    ORDINALS,
    SEASONS,
    UNIT_RE,
    UNITS,
    VAGUE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    parse_number,
    unit_name,
)
from accords.nlp.timex_resolve import (
    Reference,
    Resolution,
    day_of,
    month_of,
    period,
    shift,
    unresolved,
    weekday,
)
from accords.records import Precision, TimeSpan, Timex

__all__ = ["governing_timex", "span_for_date", "span_for_value", "tag"]

YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    type: str
    res: Resolution


Handler = Callable[["_Tagger", re.Match[str]], _Cand | None]
_RULES: list[tuple[re.Pattern[str], re.Pattern[str] | None, Handler]] = []
_UNIT_WORDS = (
    r"(?i:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|half"
    r"|annual|daily|hourly)"
)


def _rule(pattern: str, near: str | None = None) -> Callable[[Handler], Handler]:
    """Register a rule; with ``near``, it is only tried in windows around hits of that word."""

    def register(fn: Handler) -> Handler:
        _RULES.append((re.compile(pattern), re.compile(near) if near else None, fn))
        return fn

    return register


def _matches(
    text: str, pattern: re.Pattern[str], near: re.Pattern[str] | None
) -> list[re.Match[str]]:
    """The pattern's matches, looked for only around ``near`` hits when given (for speed)."""
    if near is None:
        return list(pattern.finditer(text))
    seen: dict[tuple[int, int], re.Match[str]] = {}
    windows: list[list[int]] = []
    for hit in near.finditer(text):
        lo, hi = max(0, hit.start() - 90), min(len(text), hit.end() + 30)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        for m in pattern.finditer(text, lo, hi):
            seen.setdefault(m.span(), m)
    return list(seen.values())


def tag(
    text: str, reference: date | None, reference_precision: Precision | None = Precision.DAY
) -> list[Timex]:
    """Every temporal expression in ``text``, normalised against the document date.

    ``reference`` is the document date; with a coarser ``reference_precision``
    (MONTH, YEAR) relative expressions resolve only as far as that allows, and
    with no reference they stay unresolved (``resolved`` False, ``note`` says why).
    """
    return _Tagger(text, Reference.of(reference, reference_precision)).run()


def governing_timex(
    timexes: Sequence[Timex], start: int, end: int, trigger: int | None = None
) -> Timex | None:
    """The resolved expression in text[start:end] nearest the trigger offset, if any.

    DATE and TIME expressions are preferred over anchored durations ("over the
    last week"); the first end of a range stands for the whole range.
    """
    point = start if trigger is None else trigger
    inside = [t for t in timexes if t.start >= start and t.end <= end and t.span is not None]
    if not inside:
        return None

    def key(t: Timex) -> tuple[int, int]:
        distance = 0 if t.start <= point < t.end else min(abs(t.start - point), abs(t.end - point))
        return (t.type not in ("DATE", "TIME"), distance)

    best = min(inside, key=key)
    if best.anchor == "until":
        for t in inside:
            if t.anchor == "range" and t.end_span == best.span and t.end <= best.start:
                return t
    return best


# --------------------------------------------------------------------------- the tagger


class _Tagger:
    def __init__(self, text: str, ref: Reference | None) -> None:
        self.text = text
        self.ref = ref

    def run(self) -> list[Timex]:
        found: list[_Cand] = []
        for pattern, near, handler in _RULES:
            for m in _matches(self.text, pattern, near):
                cand = handler(self, m)
                if cand is not None and cand.end > cand.start:
                    found.append(cand)
        chosen: list[_Cand] = []
        for cand in sorted(found, key=lambda c: (c.start - c.end, c.start)):
            if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
                chosen.append(cand)
        chosen.sort(key=lambda c: c.start)
        return _anchor(self.text, [self._modified(c) for c in chosen])

    # helpers used by the rules ---------------------------------------------------

    def tense(self, start: int, end: int) -> Tense | None:
        return tense_near(self.text, start, end)

    def relative(self, fn: Callable[[date], TimeSpan], grain: str) -> Resolution:
        return self.ref.resolve(fn, grain) if self.ref else unresolved(grain)

    def before(self, pos: int, n: int = 40) -> str:
        return self.text[max(0, pos - n) : pos]

    def after(self, pos: int, n: int = 40) -> str:
        return self.text[pos : pos + n]

    def _modified(self, c: _Cand) -> _Cand:
        """Take in a preceding "early", "the end of", "the first half of" ..."""
        if c.type != "DATE" or c.res.span is None:
            return c
        m = _MODIFIER.search(self.before(c.start, 60))
        if not m:
            return c
        words = m.group("mod").lower()
        span = c.res.span
        start = c.start - (len(m.group()))
        year = span.value if re.fullmatch(r"\d{4}", span.value) else None
        new: TimeSpan | None = None
        if m.group("half") and year:
            new = span_for_value(f"{year}-H{1 if m.group('half') == 'first' else 2}")
        elif m.group("quarter") and year:
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[m.group("quarter")]
            new = span_for_value(f"{year}-Q{q}")
        elif m.group("season") and year:
            new = span_for_value(f"{year}-{SEASONS[m.group('season')]}")
        elif not (m.group("half") or m.group("quarter") or m.group("season")):
            part = (
                "early"
                if any(w in words for w in ("early", "beginning", "start"))
                else "late"
                if any(w in words for w in ("late", "end"))
                else "mid"
            )
            if span.precision in (
                Precision.MONTH,
                Precision.YEAR,
                Precision.DECADE,
                Precision.CENTURY,
            ):
                new = part_of(span, part)
        if new is None:
            return c
        return _Cand(start, c.end, c.type, replace(c.res, value=new.value, span=new))


_MODIFIER = re.compile(
    r"(?i:\b(?P<mod>early|mid|late|(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle)\s+of"
    r"|(?:the\s+)?(?P<half>first|second)\s+half\s+of"
    r"|(?:the\s+)?(?P<quarter>first|second|third|fourth|last)\s+quarter\s+of"
    r"|(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of)(?:\s+|\s*-\s*))$"
)
_ANCHOR = re.compile(
    r"(?i:\b(?P<a>since|until|till|through|up\s+to|up\s+until|by|from|before|after|as\s+of"
    r"|between)\s+)(?:(?P<det>a|an|the|its|their)\s+)?$"
)
_ANCHORS = {
    "since": "since",
    "after": "since",
    "from": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "up to": "until",
    "up until": "until",
    "before": "until",
    "by": "by",
    "as of": "at",
    "between": "at",
}
_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|and|-|\u2013|\u2014)\s*")


def _anchor(text: str, cands: list[_Cand]) -> list[Timex]:
    """Turn candidates into Timex records with since/until/by/range anchors."""
    out: list[Timex] = []
    for c in cands:
        anchor = "at"
        m = _ANCHOR.search(text, max(0, c.start - 30), c.start)
        if (
            m
            and c.type in ("DATE", "TIME")
            and (
                m.group("det") is None
                or m.group("a").lower() in ("since", "until", "till", "before", "after")
            )
        ):
            anchor = _ANCHORS[re.sub(r"\s+", " ", m.group("a").lower())]
        res = c.res
        out.append(
            Timex(
                c.start,
                c.end,
                text[c.start : c.end],
                c.type,
                res.value,
                res.span,
                anchor,
                None,
                res.resolved,
                res.note,
            )
        )
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.type != "DATE" or b.type != "DATE" or not _RANGE_GAP.fullmatch(text[a.end : b.start]):
            continue
        opener = _ANCHOR.search(text, max(0, a.start - 30), a.start)
        gap = text[a.end : b.start].strip().lower()
        paired = opener is not None and (
            (opener.group("a").lower() == "from" and gap != "and")
            or (opener.group("a").lower() == "between" and gap == "and")
        )
        if paired or (
            gap in ("-", "\u2013", "\u2014")
            and a.span is not None
            and b.span is not None
            and a.span.precision == b.span.precision
        ):
            out[i] = replace(a, anchor="range", end_span=b.span)
            out[i + 1] = replace(b, anchor="until")
    return out


def _fixed(value: str, note: str = "") -> Resolution:
    span = span_for_value(value)
    return Resolution(value, span, span is not None, note)


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# --------------------------------------------------------------------------- explicit dates

_WD_OPT = rf"(?:(?P<wd>{WEEKDAY_RE}),?[ \t]+)?"


@_rule(
    rf"\b{_WD_OPT}(?P<mon>{MONTH_RE})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w:])"
    rf"(?:\s*,?\s+(?P<year>{YEAR_RE})(?!\w))?"
)
def _month_day(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    return _explicit_day(t, m)


@_rule(
    rf"\b{_WD_OPT}(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
    rf"(?!\w)(?:\s*,?\s+(?P<year>{YEAR_RE})(?!\w))?"
)
def _day_month(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    return _explicit_day(t, m)


def _explicit_day(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    month, day = _month_num(m.group("mon")), int(m.group("day"))
    if not 1 <= day <= 31 or (
        m.group("mon") == "May" and not m.group("year") and t.before(m.start(), 1).isalpha()
    ):
        return None
    end = m.end()
    if m.group("year"):
        try:
            return _Cand(
                m.start(), end, "DATE", _fixed(date(int(m.group("year")), month, day).isoformat())
            )
        except ValueError:
            return None
    tense = t.tense(m.start(), end)
    try:
        date(2000, month, day)  # a leap year: is there ever such a day?
    except ValueError:
        return None
    return _Cand(m.start(), end, "DATE", t.relative(lambda r: day_of(r, month, day, tense), "day"))


@_rule(rf"\b(?P<mon>{MONTH_RE})\s*,?\s+(?:of\s+)?(?P<year>{YEAR_RE})(?!\w)")
def _month_year(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    value = f"{m.group('year')}-{_month_num(m.group('mon')):02d}"
    return _Cand(m.start(), m.end(), "DATE", _fixed(value))


@_rule(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<t>\d\d:\d\d))?\b")
def _iso(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None
    if m["t"]:
        return _Cand(m.start(), m.end(), "TIME", Resolution(f"{day}T{m['t']}", span_for_value(day)))
    return _Cand(m.start(), m.end(), "DATE", _fixed(day))


@_rule(r"(?<![\w/.])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\w/])")
def _numeric(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"]) - 100 * (int(m["y"]) > 50)
    try:
        return _Cand(m.start(), m.end(), "DATE", _fixed(date(year, month, day).isoformat()))
    except ValueError:
        return None


_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|through|during|before|after|of|early|late|mid|last"
    r"|next|this|between|and|to|or|on|past|coming|until|around|throughout)\s*-?\s*)$"
)


@_rule(
    r"(?<![\w.])(?P<mon>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?![\w'\u2019])"
)
def _bare_month(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    cue = _MONTH_CUE.search(t.before(m.start(), 20))
    if not cue:
        if m.group("mon") in ("May", "March", "August"):
            return None
        if re.search(r"[A-Z][\w.]*\s+$", t.before(m.start(), 20)) or re.match(
            r"\s+[A-Z]", t.after(m.end(), 3)
        ):
            return None
    elif m.group("mon") == "May" and re.match(r"\s+[A-Z]", t.after(m.end(), 3)):
        return None
    month = _month_num(m.group("mon"))
    tense = t.tense(m.start(), m.end())
    return _Cand(
        m.start(), m.end(), "DATE", t.relative(lambda r: month_of(r, month, tense), "month")
    )


_COUNT_NOUN = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|children|km|miles|metres|meters|tons|tonnes"
    r"|units|cars|vehicles|jobs|workers|employees|dealers|dealerships|stores|shares|points"
    r"|barrels|feet|kilometres|kilometers|members|votes|delegates|fighters|homes|houses)\b",
    re.IGNORECASE,
)


@_rule(rf"(?P<year>{YEAR_RE})(?![\w%]|[.,]\d|\s*(?:percent|per cent))")
def _year(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    before = t.before(m.start(), 1)
    if (before and (before.isalnum() or before in "_$\u00a3\u20ac.,/#")) or _COUNT_NOUN.match(
        t.after(m.end())
    ):
        return None
    if (
        re.search(
            r"(?i:\b(?:about|some|nearly|than|around|approximately|almost|roughly|of|to"
            r"|over|under|from)\s+)$",
            t.before(m.start(), 20),
        )
        and re.match(r"\s+[a-z]+s\b", t.after(m.end()))
        and not re.match(r"\s+(?:elections|talks|games|olympics)\b", t.after(m.end()))
    ):
        return None
    return _Cand(m.start(), m.end(), "DATE", _fixed(m.group("year")))


@_rule(
    r"(?i:\b(?:the\s+)?(?:(?P<dec>1[0-9]\d0|20\d0)|['\u2019]?(?P<short>[1-9]0))['\u2019]?s)(?!\w)"
)
def _decade(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    dec = m.group("dec") or ("19" + m.group("short") if m.group("short") != "00" else "2000")
    return _Cand(m.start(), m.end(), "DATE", _fixed(dec[:3]))


@_rule(rf"(?i:\b(?:the\s+)?(?P<ord>{ORDINAL_RE})[-\s]century)\b", near=r"(?i:century)")
def _century(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    word = m.group("ord").lower()
    n = ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if n < 1:
        return None
    return _Cand(m.start(), m.end(), "DATE", _fixed(f"{n - 1:02d}"))


# --------------------------------------------------------------------------- relative dates


@_rule(
    r"(?i:\b(?:(?:earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?)\b"
)
def _deictic(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    word = m.group("w").lower()
    if word == "today" and re.match(
        r"['\u2019]s\s+(?:world|society|standards|economy)", t.after(m.end())
    ):
        return None
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    part = DAY_PARTS.get((m.group("part") or "").lower()) or ("NI" if word == "tonight" else "")
    res = t.relative(lambda r: shift(r, "day", offset), "day")
    if part:
        return _Cand(m.start(), m.end(), "TIME", replace(res, value=_with_time(res.value, part)))
    return _Cand(m.start(), m.end(), "DATE", res)


def _with_time(day_value: str, time: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d|XXXX-XX-XX", day_value):
        return f"{day_value}T{time}"
    return day_value


@_rule(r"(?i:\b(?P<mod>this|last)\s+(?P<part>morning|afternoon|evening|night))\b")
def _day_part(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    offset = -1 if m.group("mod").lower() == "last" else 0
    if offset and m.group("part").lower() != "night":
        return None
    res = t.relative(lambda r: shift(r, "day", offset), "day")
    part = DAY_PARTS[m.group("part").lower()]
    return _Cand(m.start(), m.end(), "TIME", replace(res, value=_with_time(res.value, part)))


_SHIFT = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "upcoming": 1,
    "this": 0,
    "current": 0,
}


@_rule(
    r"(?i:\b(?:(?P<the>the)\s+)?(?P<mod>last|next|this|past|coming|previous|following"
    r"|current|upcoming)\s+(?P<unit>week|weekend|month|year|quarter|decade|century))\b",
    near=_UNIT_WORDS,
)
def _relative_unit(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    mod, unit = m.group("mod").lower(), m.group("unit").lower()
    if m.group("the") and mod in ("past", "last", "coming", "next") and unit != "weekend":
        n = -1 if mod in ("coming", "next") else 1
        value = _duration_value(1, unit)
        res = t.relative(lambda r: period(r, unit, n, value), "duration")
        res = res if res.span else Resolution(value, None, True, res.note)
        return _Cand(m.start(), m.end(), "DURATION", replace(res, value=value))
    if mod == "past" and not m.group("the"):
        mod = "last"
    n = _SHIFT[mod]
    return _Cand(m.start(), m.end(), "DATE", t.relative(lambda r: shift(r, unit, n), unit))


@_rule(r"(?i:\b(?:earlier|later)\s+(?:this|that)\s+(?P<unit>week|month|year|decade))\b")
def _earlier_this(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    unit = m.group("unit").lower()
    if "that" in m.group().lower():
        return None
    return _Cand(m.start(), m.end(), "DATE", t.relative(lambda r: shift(r, unit, 0), unit))


_HOLIDAYS = (
    "Black",
    "Good",
    "Super",
    "Ash",
    "Holy",
    "Bloody",
    "Cyber",
    "Maundy",
    "Easter",
    "Palm",
    "Giving",
    "Fat",
)


@_rule(
    rf"(?:\b(?P<mod>(?i:last|next|this|coming|past))\s+)?\b(?P<wd>{WEEKDAY_RE})(?!\w)"
    r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
)
def _weekday(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    prev = re.search(r"(\w+)\s+$", t.before(m.start("wd"), 20))
    if prev and prev.group(1) in _HOLIDAYS:
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    mod = (m.group("mod") or "").lower()
    mod = "last" if mod == "past" else mod
    tense = t.tense(m.start(), m.end())
    res = t.relative(lambda r: weekday(r, wd, tense, mod), "day")
    part = DAY_PARTS.get((m.group("part") or "").lower())
    if part:
        return _Cand(m.start(), m.end(), "TIME", replace(res, value=_with_time(res.value, part)))
    return _Cand(m.start(), m.end(), "DATE", res)


@_rule(
    rf"(?i:\b(?P<num>{NUMBER_RE}|{VAGUE_RE})\s+(?P<unit>{UNIT_RE})\s+(?P<dir>ago|from now))\b",
    near=r"(?i:ago|from now)",
)
def _ago(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    unit = unit_name(m.group("unit"))
    n = parse_number(m.group("num"))
    if unit not in UNITS or UNITS[unit][1]:
        return None
    if n is None:
        ref_value = "PAST_REF" if m.group("dir").lower() == "ago" else "FUTURE_REF"
        return _Cand(m.start(), m.end(), "DATE", Resolution(ref_value, None, False, "vague"))
    n = -n if m.group("dir").lower() == "ago" else n
    grain = "day" if unit in ("day", "week") else unit
    if unit == "week":
        res = t.relative(lambda r: shift(r, "day", 7 * n), "day")
        return _Cand(m.start(), m.end(), "DATE", res)
    return _Cand(m.start(), m.end(), "DATE", t.relative(lambda r: shift(r, unit, n), grain))


@_rule(
    rf"(?i:\b(?:the\s+)?(?:(?P<mod>this|last|next|early|late|mid)\s+)?"
    rf"(?P<season>spring|summer|autumn|winter|fall)(?:\s*,?\s+(?:of\s+)?(?P<year>{YEAR_RE}))?)\b",
    near=r"(?i:spring|summer|autumn|winter|fall)",
)
def _season(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    season = SEASONS[m.group("season").lower()]
    mod = (m.group("mod") or "").lower()
    if m.group("year"):
        return _Cand(m.start(), m.end(), "DATE", _fixed(f"{m.group('year')}-{season}"))
    if re.match(r"\s+of\b", t.after(m.end())) or (
        m.group("season")[0].isupper()
        and not (m.start() == 0 or t.before(m.start(), 2).strip() in ("", "."))
    ):
        return None
    if m.group("season").lower() == "fall" and mod not in ("this", "last", "next"):
        return None
    if not mod and not re.search(
        r"(?i:\b(?:in|during|by|until|since|the|this)\s+)$", t.before(m.start(), 12)
    ):
        return None
    tense = t.tense(m.start(), m.end())

    def resolve(r: date) -> TimeSpan:
        years = [r.year - 1, r.year, r.year + 1]
        spans = [s for s in (span_for_value(f"{y}-{season}") for y in years) if s]
        if mod == "last":
            return [s for s in spans if s.latest < r][-1]
        if mod == "next":
            return next(s for s in spans if s.earliest > r)
        if tense is Tense.PAST:
            return [s for s in spans if s.earliest <= r][-1]
        if tense is Tense.FUTURE:
            return next(s for s in spans if s.latest >= r)
        return spans[1]

    return _Cand(m.start(), m.end(), "DATE", t.relative(resolve, "season"))


@_rule(
    rf"(?i:\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)[\s-]+"
    rf"(?P<unit>quarter|half)(?:\s+of\s+(?P<year>{YEAR_RE}))?)\b|\bQ(?P<q>[1-4])\s+(?P<y2>{YEAR_RE})\b",
    near=r"(?i:quarter|half|Q[1-4])",
)
def _quarter(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    if m.group("q"):
        return _Cand(m.start(), m.end(), "DATE", _fixed(f"{m.group('y2')}-Q{m.group('q')}"))
    if re.match(r"\s+of\b", t.after(m.end())) and not m.group("year"):
        return None
    word = m.group("ord").lower()
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}.get(word) or int(
        word[0]
    )
    letter = "Q" if m.group("unit").lower() == "quarter" else "H"
    if letter == "H" and n > 2:
        return None
    if m.group("year"):
        return _Cand(m.start(), m.end(), "DATE", _fixed(f"{m.group('year')}-{letter}{n}"))
    tense = t.tense(m.start(), m.end())

    def resolve(r: date) -> TimeSpan:
        span = span_for_value(f"{r.year}-{letter}{n}")
        assert span is not None
        if tense is Tense.PAST and span.earliest > r:
            span = span_for_value(f"{r.year - 1}-{letter}{n}")
        assert span is not None
        return span

    return _Cand(m.start(), m.end(), "DATE", t.relative(resolve, "quarter"))


@_rule(
    rf"(?i:\b(?:its|the|their)\s+(?P<ord>{ORDINAL_RE})\s+(?:straight\s+|consecutive\s+"
    r"|full\s+)?year)\b"
)
def _ordinal_year(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    if re.match(r"\s+(?:of|in|since|after)\b", t.after(m.end())):
        return None
    note = "ordinal year of a period whose start is not stated"
    return _Cand(m.start(), m.end(), "DATE", Resolution("XXXX", None, False, note))


@_rule(
    r"(?i:\b(?:(?:right|just|until|till|by|for|up\s+to)\s+)?(?P<w>now|nowadays|recently"
    r"|currently)|\b(?:the\s+)?(?:(?:near|distant|foreseeable|recent)\s+)?(?P<n>future|past))\b(?!-)",
    near=r"(?i:now|recently|future|past)",
)
def _vague(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    word = (m.group("w") or m.group("n")).lower()
    start = m.start("w") if m.group("w") else m.start()
    if word == "currently":
        return None
    if word == "now":
        after = t.after(m.end(), 20)
        left, _ = sentence_bounds(t.text, m.start(), m.end())
        if (
            re.match(r"\s*(?:that\b|and\s+(?:then|again)|on\b)", after)
            or re.search(r"(?i:\b(?:every|even)\s+)$", t.before(start, 10))
            or (start == left and after.startswith(","))
        ):
            return None
        start = m.start()
    if m.group("n"):
        if not re.search(
            r"(?i:\b(?:the|in|into|to)\s+)$", t.before(m.start(), 12) + " "
        ) and not m.group().lower().startswith("the"):
            return None
        if re.match(r"\s*(?:tense|participle|perfect)\b", t.after(m.end())) or re.match(
            r"\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten)", t.after(m.end())
        ):
            return None
        if not m.group().lower().startswith("the"):
            return None
    value = {"future": "FUTURE_REF", "past": "PAST_REF", "recently": "PAST_REF"}.get(
        word, "PRESENT_REF"
    )
    if value == "PRESENT_REF":
        res = t.relative(lambda r: span_for_date(r, Precision.DAY), "day")
        return _Cand(start, m.end(), "DATE", replace(res, value=value))
    return _Cand(start, m.end(), "DATE", Resolution(value, None, False, "vague reference"))


@_rule(r"(?i:\b(?:at|until|till|to|up\s+to)\s+(?P<w>the\s+present(?:\s+day)?))(?!\s+[a-z])")
def _present(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    res = t.relative(lambda r: span_for_date(r, Precision.DAY), "day")
    return _Cand(m.start("w"), m.end(), "DATE", replace(res, value="PRESENT_REF"))


# --------------------------------------------------------------------------- times


@_rule(
    r"(?i:\b(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?!\d)(?:\s*(?P<ampm2>a\.m\.|p\.m\.|am\b|pm\b))?"
    r"|(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?=\s+(?:UTC|GMT)\b)|(?P<word>noon|midnight)))"
    r"(?:\s+(?P<tz>UTC|GMT|[ECMP][SD]T|local\s+time)\b)?"
    rf"(?:\s+(?:on\s+)?(?P<day>(?i:today|yesterday|tomorrow)|{WEEKDAY_RE})\b)?"
)
def _clock(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    if m.group("word"):
        hh, mm = (12, 0) if m.group("word").lower() == "noon" else (24, 0)
    else:
        hh = int(m.group("h") or m.group("h2") or m.group("h3"))
        mm = int(m.group("m") or m.group("m2") or m.group("m3") or 0)
        ampm = (m.group("ampm") or m.group("ampm2") or "").lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
        if ampm and int(m.group("h") or m.group("h2") or 0) > 12:
            return None
    day_word = (m.group("day") or "").lower()
    if day_word in WEEKDAYS:
        tense = t.tense(m.start(), m.end())
        res = t.relative(lambda r: weekday(r, WEEKDAYS[day_word], tense), "day")
    else:
        offset = {"yesterday": -1, "tomorrow": 1}.get(day_word, 0)
        res = t.relative(lambda r: shift(r, "day", offset), "day")
    clock = "24:00" if hh == 24 else f"{hh:02d}:{mm:02d}"
    if (m.group("tz") or "").upper() in ("UTC", "GMT"):
        clock += "Z"
    return _Cand(m.start(), m.end(), "TIME", replace(res, value=_with_time(res.value, clock)))


# --------------------------------------------------------------------------- durations and sets


def _duration_value(n: int | None, unit: str) -> str:
    letter, is_time = UNITS[unit]
    amount = "X" if n is None else str(n)
    if unit == "decade" and n is not None:
        amount, letter = str(10 * n), "Y"
    elif unit == "century" and n is not None:
        amount, letter = str(100 * n), "Y"
    elif unit == "fortnight" and n is not None:
        amount = str(2 * n)
    elif unit == "weekend":
        letter = "WE"
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


_PRE = (
    r"(?:more\s+than|over|nearly|almost|about|around|some|at\s+least|less\s+than|up\s+to"
    r"|roughly|approximately|just\s+over|just\s+under|under|another|only|a\s+further)"
)


@_rule(
    rf"(?i:\b(?:(?P<pre>{_PRE})\s+)?(?:(?P<the>the|its|their|his|her)\s+)?"
    r"(?:(?P<dir>past|last|next|previous|coming|following|first|final)\s+)?"
    rf"(?P<num>{NUMBER_RE}|{VAGUE_RE})(?:\s+and\s+a\s+half)?\s+"
    r"(?:(?:more|consecutive|straight|full|long|successive|trading|business|working)\s+)?"
    rf"(?P<unit>{UNIT_RE}))\b",
    near=_UNIT_WORDS,
)
def _duration(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    unit = unit_name(m.group("unit"))
    if unit not in UNITS:
        return None
    num = m.group("num").lower()
    n = parse_number(num)
    plural = m.group("unit").lower().endswith("s")
    if num in ("a", "an") and (plural or unit in ("second", "quarter")):
        return None
    if (
        n is None
        and not num.replace(".", "").isdigit()
        and num not in ("a few", "several", "many", "a number of")
    ):
        return None
    value = _duration_value(n, unit)
    if "and a half" in m.group().lower() and n is not None:
        value = value.replace(str(n), f"{n}.5", 1)
    start = m.start()
    if m.group("the") and m.group("pre"):
        start = m.start("the")
    elif n is None and m.group("pre") and m.group("pre").lower() == "over":
        start = m.start("num")
    direction = (m.group("dir") or "").lower()
    if m.group("the") and direction in ("past", "last", "previous") and n is not None:
        res = t.relative(lambda r: period(r, unit, n, value), "duration")
        if res.span:
            return _Cand(start, m.end(), "DURATION", replace(res, value=value))
    if m.group("the") and direction in ("next", "coming") and n is not None:
        res = t.relative(lambda r: period(r, unit, -n, value), "duration")
        if res.span:
            return _Cand(start, m.end(), "DURATION", replace(res, value=value))
    return _Cand(start, m.end(), "DURATION", Resolution(value, None, True, ""))


@_rule(
    r"(?i:\b(?P<num>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    r"|sixty|hundred|decades|years|months|weeks|days)[-\u2010](?P<unit>second|"
    r"minute|hour|day|week|month|year|decade)(?:s)?)(?:[-\u2010](?:old|long))?\b",
    near=_UNIT_WORDS,
)
def _adjectival_duration(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    n = parse_number(m.group("num"))
    unit = m.group("unit").lower()
    if m.group("num").lower().endswith("s"):
        unit, n = unit_name(m.group("num")), None
        if unit not in UNITS:
            return None
    return _Cand(m.start(), m.end(), "DURATION", Resolution(_duration_value(n, unit), None))


@_rule(
    r"(?i:\b(?:(?P<lead>recent|the\s+past|the\s+last|the\s+coming|the\s+next|many|several)\s+)?"
    r"(?P<unit>years|months|weeks|decades|days|hours|minutes))\b"
)
def _bare_plural(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    if not m.group("lead") and not re.search(
        r"(?i:\b(?:for|over|in|within|after|took)\s+)$", t.before(m.start(), 10)
    ):
        return None
    if re.match(r"\s+(?:ago|of|old)\b", t.after(m.end())):
        return None
    unit = unit_name(m.group("unit"))
    return _Cand(m.start(), m.end(), "DURATION", Resolution(_duration_value(None, unit), None))


@_rule(r"(?i:\bover\s+the\s+years)\b")
def _over_the_years(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DURATION", Resolution("PXY", None))


@_rule(
    rf"(?i:\b(?:every|each)\s+(?:(?P<num>other|{NUMBER_RE})\s+)?(?P<unit>{UNIT_RE}"
    rf"|{WEEKDAY_RE}))\b"
)
def _every(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    word = m.group("unit").lower()
    if word in WEEKDAYS:
        return _Cand(m.start(), m.end(), "SET", Resolution(f"XXXX-WXX-{WEEKDAYS[word] + 1}", None))
    unit = unit_name(word)
    if unit not in UNITS:
        return None
    num = (m.group("num") or "one").lower()
    n = 2 if num == "other" else parse_number(num)
    return _Cand(m.start(), m.end(), "SET", Resolution(_duration_value(n or 1, unit), None))


@_rule(
    r"(?i:\b(?:(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|every)"
    r"|(?<=million\s)a|(?<=billion\s)a|(?<=percent\s)a|(?<=%\s)a|per)\s+"
    r"(?P<unit>year|month|week|day|hour|quarter))\b",
    near=_UNIT_WORDS,
)
def _frequency(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    unit = m.group("unit").lower()
    return _Cand(m.start(), m.end(), "SET", Resolution(_duration_value(1, unit), None))


@_rule(r"(?i:\b(?P<w>daily|weekly|monthly|annually|yearly|quarterly|hourly))\b")
def _adverb_set(t: _Tagger, m: re.Match[str]) -> _Cand | None:
    if re.match(r"\s+[a-z]", t.after(m.end())) and m.group("w").lower() not in ("annually",):
        return None
    unit = {
        "daily": "day",
        "weekly": "week",
        "monthly": "month",
        "annually": "year",
        "yearly": "year",
        "quarterly": "quarter",
        "hourly": "hour",
    }[m.group("w").lower()]
    return _Cand(m.start(), m.end(), "SET", Resolution(_duration_value(1, unit), None))
