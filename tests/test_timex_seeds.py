"""The temporal tagger on real sentences from the seed articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from accords.nlp.timex import tag
from accords.records import Precision, Timex

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def found(timexes: list[Timex], text: str, context: str, source: str) -> Timex:
    """The expression with this text inside the first occurrence of context."""
    at = source.index(context)
    for t in timexes:
        if t.text == text and at <= t.start < at + len(context):
            return t
    raise AssertionError(
        f"{text!r} not tagged in {context!r}: "
        f"{[(t.text, t.value) for t in timexes if at <= t.start < at + 400]}"
    )


@pytest.mark.parametrize(
    ("context", "text", "value"),
    [
        ("President Vladimir Putin said Friday", "Friday", "2018-09-07"),
        ("she told reporters Tuesday", "Tuesday", "2018-09-04"),
        ("she said Wednesday", "Wednesday", "2018-09-05"),
    ],
)
def test_seed_000_weekdays_in_past_tense(context: str, text: str, value: str) -> None:
    doc = seed("000")
    t = found(tag(doc, date(2018, 9, 7)), text, context, doc)
    assert (t.type, t.value, t.anchor) == ("DATE", value, "at")
    assert t.span is not None and t.span.precision is Precision.DAY


def test_seed_000_theresa_may_is_not_a_date() -> None:
    doc = seed("000")
    assert "Theresa May" in doc
    may = doc.index("Theresa May") + len("Theresa ")
    assert not [t for t in tag(doc, date(2018, 9, 7)) if t.start <= may < t.end]


def test_seed_000_over_the_last_week_is_an_anchored_duration() -> None:
    doc = seed("000")
    t = found(tag(doc, date(2018, 9, 7)), "the last week", "over the last week", doc)
    assert (t.type, t.value) == ("DURATION", "P1W")
    assert t.span is not None
    assert (t.span.earliest, t.span.latest) == (date(2018, 9, 1), date(2018, 9, 7))


def test_seed_001() -> None:
    doc = seed("001")
    timexes = tag(doc, date(2020, 1, 14))
    monday = found(timexes, "Monday", "met in Russia on Monday", doc)
    assert monday.value == "2020-01-13"
    early = found(timexes, "early 2017", "since early 2017", doc)
    assert (early.value, early.anchor) == ("2017", "since")
    assert early.span is not None and early.span.earliest == date(2017, 1, 1)
    assert early.span.latest < date(2017, 6, 1)
    assert found(timexes, "Last year", "Last year, the US", doc).value == "2019"
    decade = found(timexes, "over a decade", "in over a decade", doc)
    assert (decade.type, decade.value) == ("DURATION", "P10Y")


def test_seed_002() -> None:
    doc = seed("002")
    timexes = tag(doc, date(2018, 2, 8))
    assert found(timexes, "08 February, 2018", "08 February, 2018", doc).value == "2018-02-08"
    assert found(timexes, "Thursday", "in a statement on Thursday", doc).value == "2018-02-08"
    assert found(timexes, "Wednesday", "source said on Wednesday", doc).value == "2018-02-07"
    assert found(timexes, "November", "talks in November", doc).value == "2017-11"
    deal = found(timexes, "2016", "since a 2016 reconciliation deal", doc)
    assert (deal.value, deal.anchor) == ("2016", "since")
    assert found(timexes, "1963", "in power since 1963", doc).anchor == "since"
    year = found(timexes, "the last year", "over the last year", doc)
    assert (year.type, year.value) == ("DURATION", "P1Y")
    assert year.span is not None and year.span.latest == date(2018, 2, 8)
    seventh = found(timexes, "its seventh year", "its seventh year", doc)
    assert not seventh.resolved and seventh.span is None and seventh.note


def test_seed_003() -> None:
    doc = seed("003")
    timexes = tag(doc, date(2015, 9, 28))
    assert found(timexes, "Sunday", "made the comments Sunday", doc).value == "2015-09-27"
    assert found(timexes, "Monday", "Iran on Monday", doc).value == "2015-09-28"
    assert found(timexes, "2015", "arrested in 2015", doc).value == "2015"


@pytest.mark.parametrize(
    ("context", "text", "value", "anchor"),
    [
        ("Reuters reported on Dec. 2", "Dec. 2", "2022-12-02", "at"),
        ("said Nov. 29 that", "Nov. 29", "2022-11-29", "at"),
        ("operation plans in July", "July", "2022-07", "at"),
        ("in Istanbul last month", "last month", "2022-11", "at"),
        ("held in May", "May", "2022-05", "at"),
        ("said in June that", "June", "2022-06", "at"),
        ("Erdogan said Tuesday", "Tuesday", "2022-12-06", "at"),
        ("heading to Turkey on Thursday", "Thursday", "2022-12-08", "at"),
        ("Ronald Reagan in 1988", "1988", "1988", "at"),
        ("up to 2008 Russia", "2008", "2008", "until"),
    ],
)
def test_seed_004(context: str, text: str, value: str, anchor: str) -> None:
    doc = seed("004")
    t = found(tag(doc, date(2022, 12, 7)), text, context, doc)
    assert (t.value, t.anchor) == (value, anchor)
