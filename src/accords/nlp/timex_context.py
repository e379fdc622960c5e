"""Sentence context for the temporal tagger: where a sentence ends, which way it looks in time."""

from __future__ import annotations

import re
from enum import StrEnum

_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])|\n")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Prof|Jr|Sr|U\.S|U\.N"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Vol)|\b[A-Z])\.$"
)

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|\u2019ll|wo n't|won't|won\u2019t|would|going to|is to|are to|is due"
    r"|are due|due to|set to|expected to|scheduled|plans? to|planned|planning|intends? to|next"
    r"|upcoming|later|tomorrow|(?:is|are|am|'s|\u2019s|'re|\u2019re)\s+(?:\w+ly\s+)?\w+ing)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:said|told|was|were|had|did|met|held|made|took|gave|came|went|began|began|spoke"
    r"|saw|sent|left|won|lost|became|brought|fought|kept|put|led|wrote|ago|yesterday|last"
    r"|earlier|has been|have been|\w{3,}ed)\b",
    re.IGNORECASE,
)
_NOT_PAST = {
    "scheduled",
    "planned",
    "expected",
    "proposed",
    "intended",
    "red",
    "need",
    "speed",
    "indeed",
    "united",
    "based",
    "armed",
    "related",
    "limited",
    "unprecedented",
}


class Tense(StrEnum):
    PAST = "past"
    FUTURE = "future"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence around text[start:end]."""
    left = 0
    for m in _BOUNDARY.finditer(text, max(0, start - 400), start):
        if not _ABBREV.search(text, max(0, m.start() - 6), m.start() + 1):
            left = m.end()
    right = len(text)
    for m in _BOUNDARY.finditer(text, end, min(len(text), end + 400)):
        if not _ABBREV.search(text, max(0, m.start() - 6), m.start() + 1):
            right = m.start() + 1
            break
    return left, right


def tense_near(text: str, start: int, end: int) -> Tense | None:
    """Past or future by the tense marker nearest to text[start:end] in its sentence."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, Tense] | None = None
    for pattern, tense in ((_FUTURE, Tense.FUTURE), (_PAST, Tense.PAST)):
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            if tense is Tense.PAST and m.group().lower() in _NOT_PAST:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            # a marker before the expression governs it more often than one after
            distance = distance if m.end() <= start else distance * 2 + 10
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None
