"""The temporal tagger on news-style sentences, one category at a time, and its edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from accords.nlp.timex import governing_timex, span_for_date, tag
from accords.records import Precision, Timex


def only(text: str, ref: date | None, precision: Precision | None = Precision.DAY) -> Timex:
    timexes = tag(text, ref, precision)
    assert len(timexes) == 1, [(t.text, t.value) for t in timexes]
    return timexes[0]


@pytest.mark.parametrize(
    ("text", "ref", "expected", "kind", "value"),
    [
        # explicit dates
        (
            "The treaty was signed on September 7, 2018 in Tehran.",
            date(2019, 1, 1),
            "September 7, 2018",
            "DATE",
            "2018-09-07",
        ),
        (
            "The talks opened on 3 March 2016.",
            date(2019, 1, 1),
            "3 March 2016",
            "DATE",
            "2016-03-03",
        ),
        ("Sales fell in October 2007.", date(2008, 1, 1), "October 2007", "DATE", "2007-10"),
        ("Ministers met on Sept. 5.", date(2018, 9, 20), "Sept. 5", "DATE", "2018-09-05"),
        ("The deal was reached in 2016.", date(2019, 1, 1), "2016", "DATE", "2016"),
        (
            "Data as of 2019-03-04 show a rise.",
            date(2019, 5, 1),
            "2019-03-04",
            "DATE",
            "2019-03-04",
        ),
        # relative dates
        ("The minister resigned yesterday.", date(2018, 9, 7), "yesterday", "DATE", "2018-09-06"),
        ("The talks resume tomorrow.", date(2018, 12, 31), "tomorrow", "DATE", "2019-01-01"),
        ("Troops withdrew two years ago.", date(2018, 9, 7), "two years ago", "DATE", "2016"),
        ("He visited Ankara last week.", date(2018, 9, 7), "last week", "DATE", "2018-W35"),
        ("Elections are due next year.", date(2018, 9, 7), "next year", "DATE", "2019"),
        (
            "The envoy said earlier this month that talks stalled.",
            date(2018, 9, 7),
            "earlier this month",
            "DATE",
            "2018-09",
        ),
        ("The plant closes this year.", date(2018, 9, 7), "this year", "DATE", "2018"),
        # parts of periods, seasons, decades, centuries
        ("Fighting resumed in mid-2017.", date(2018, 9, 7), "mid-2017", "DATE", "2017"),
        (
            "Output will grow in the first half of 2019.",
            date(2018, 9, 7),
            "the first half of 2019",
            "DATE",
            "2019-H1",
        ),
        (
            "Profits rose in the third quarter of 2006.",
            date(2007, 1, 1),
            "the third quarter of 2006",
            "DATE",
            "2006-Q3",
        ),
        (
            "An offensive is expected in spring 2019.",
            date(2018, 9, 7),
            "spring 2019",
            "DATE",
            "2019-SP",
        ),
        ("The two sides were rivals in the 1990s.", date(2018, 9, 7), "the 1990s", "DATE", "199"),
        (
            "The border was drawn in the 19th century.",
            date(2018, 9, 7),
            "the 19th century",
            "DATE",
            "18",
        ),
        # durations
        ("The war has lasted for a decade.", date(2018, 9, 7), "a decade", "DURATION", "P10Y"),
        ("He spent 11 years in prison.", date(2018, 9, 7), "11 years", "DURATION", "P11Y"),
        (
            "The ceasefire held for nearly two years.",
            date(2018, 9, 7),
            "nearly two years",
            "DURATION",
            "P2Y",
        ),
        ("A five-year plan was agreed.", date(2018, 9, 7), "five-year", "DURATION", "P5Y"),
        ("Talks lasted three hours.", date(2018, 9, 7), "three hours", "DURATION", "PT3H"),
        (
            "Relations have soured over several months.",
            date(2018, 9, 7),
            "several months",
            "DURATION",
            "PXM",
        ),
        # times
        (
            "The summit opened at 10:30 a.m. on Friday.",
            date(2018, 9, 7),
            "10:30 a.m. on Friday",
            "TIME",
            "2018-09-07T10:30",
        ),
        ("Shelling began this morning.", date(2018, 9, 7), "this morning", "TIME", "2018-09-07TMO"),
        (
            "The strikes came Thursday night.",
            date(2018, 9, 7),
            "Thursday night",
            "TIME",
            "2018-09-06TNI",
        ),
        # sets
        ("The ministers meet every month.", date(2018, 9, 7), "every month", "SET", "P1M"),
        ("The council meets twice a year.", date(2018, 9, 7), "twice a year", "SET", "P1Y"),
        # vague references
        (
            "Relations may improve in the future.",
            date(2018, 9, 7),
            "the future",
            "DATE",
            "FUTURE_REF",
        ),
    ],
)
def test_categories(text: str, ref: date, expected: str, kind: str, value: str) -> None:
    t = only(text, ref)
    assert (t.text, t.type, t.value) == (expected, kind, value)
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Putin said Friday that Russia would respond.", "2018-09-07"),  # same weekday, past
        ("The leaders met on Monday.", "2018-09-03"),
        ("The leaders will meet on Thursday.", "2018-09-13"),
        ("The delegation is heading to Ankara on Tuesday.", "2018-09-11"),
        ("Erdogan will travel to Moscow next Friday.", "2018-09-14"),
        ("The envoy arrived last Friday.", "2018-08-31"),
    ],
)
def test_weekdays_follow_tense(text: str, value: str) -> None:
    assert only(text, date(2018, 9, 7)).value == value  # a Friday


@pytest.mark.parametrize(
    ("text", "ref", "value"),
    [
        ("Talks collapsed in December.", date(2019, 1, 15), "2018-12"),
        ("The summit was held in January.", date(2019, 1, 15), "2019-01"),
        ("The talks will resume in February.", date(2018, 12, 10), "2019-02"),
        ("Sanctions take effect next month.", date(2018, 12, 10), "2019-01"),
        ("Exports fell last month.", date(2019, 1, 10), "2018-12"),
        ("Ministers met on Dec. 30.", date(2019, 1, 3), "2018-12-30"),
        ("The minister quit last year.", date(2019, 1, 1), "2018"),
    ],
)
def test_year_boundaries(text: str, ref: date, value: str) -> None:
    assert only(text, ref).value == value


def test_non_temporal_uses_are_not_tagged() -> None:
    for text in (
        "Theresa May met Macron in Paris.",
        "Protesters may march on the capital.",
        "Now that the war is over, trade resumes.",
        "The present government fell.",
        "Shoppers crowded stores on Black Friday.",
        "The fall of Aleppo changed the war.",
        "About 2000 troops were deployed.",
    ):
        assert tag(text, date(2018, 9, 7)) == [], text


def test_anchors_since_until_by_and_ranges() -> None:
    text = (
        "Sanctions have applied since 2014 and run until 2020. Troops leave by 2021. "
        "Talks ran from 2015 to 2018, and again between March and May."
    )
    ts = tag(text, date(2018, 9, 7))
    assert [(t.text, t.anchor) for t in ts] == [
        ("2014", "since"),
        ("2020", "until"),
        ("2021", "by"),
        ("2015", "range"),
        ("2018", "until"),
        ("March", "range"),
        ("May", "until"),
    ]
    assert ts[3].end_span is not None and ts[3].end_span.value == "2018"
    assert ts[5].end_span is not None and ts[5].end_span.value == "2018-05"


def test_unknown_document_date_leaves_relative_expressions_unresolved() -> None:
    ts = tag("The envoy said Friday that talks held in 2016 failed last month.", None)
    friday, year, month = ts
    assert (friday.resolved, friday.span, friday.value) == (False, None, "XXXX-XX-XX")
    assert "no document date" in friday.note
    assert (year.resolved, year.value) == (True, "2016")
    assert year.span is not None and year.span.precision is Precision.YEAR
    assert (month.resolved, month.value) == (False, "XXXX-XX")


def test_month_precise_document_date_resolves_as_far_as_it_can() -> None:
    ref = date(2018, 9, 1)
    last_month = only("Exports fell last month.", ref, Precision.MONTH)
    assert (last_month.value, last_month.resolved) == ("2018-08", True)
    assert "month-precise" in last_month.note
    friday = only("The envoy said Friday that talks failed.", ref, Precision.MONTH)
    assert friday.value == "2018" and "month-precise" in friday.note  # 31 Aug .. 28 Sep
    assert friday.span is not None
    assert (friday.span.earliest, friday.span.latest) == (date(2018, 8, 31), date(2018, 9, 28))
    yesterday = only("The minister resigned yesterday.", ref, Precision.MONTH)
    assert yesterday.value == "2018"  # may be 31 August or any day up to 29 September
    assert yesterday.span is not None
    assert (yesterday.span.earliest, yesterday.span.latest) == (
        date(2018, 8, 31),
        date(2018, 9, 29),
    )


def test_span_for_date() -> None:
    s = span_for_date(date(2018, 9, 7), Precision.MONTH)
    assert (s.value, s.earliest, s.latest) == ("2018-09", date(2018, 9, 1), date(2018, 9, 30))
    s = span_for_date(date(2016, 5, 2), Precision.DECADE)
    assert (s.value, s.earliest, s.latest) == ("201", date(2010, 1, 1), date(2019, 12, 31))


def test_governing_timex_prefers_resolved_date_nearest_trigger() -> None:
    text = (
        "Over the last week, Putin met Erdogan in Sochi on Monday. They have cooperated since 2016."
    )
    ts = tag(text, date(2018, 9, 7))
    first = text.index(".") + 1
    met = text.index("met")
    g = governing_timex(ts, 0, first, met)
    assert g is not None and g.value == "2018-09-03"
    g = governing_timex(ts, first, len(text), text.index("cooperated"))
    assert g is not None and (g.value, g.anchor) == ("2016", "since")
    assert governing_timex(ts, 0, 5) is None  # "Over " holds no expression


def test_governing_timex_takes_a_range_by_its_start() -> None:
    text = "The embargo ran from 2015 to 2018."
    ts = tag(text, date(2019, 1, 1))
    g = governing_timex(ts, 0, len(text), text.index("2018"))
    assert g is not None and g.anchor == "range" and g.end_span is not None
    assert (g.value, g.end_span.value) == ("2015", "2018")


def test_leap_day_without_year_and_impossible_days() -> None:
    t = only("The deal was signed on Feb. 29.", date(2018, 9, 7))
    assert t.value == "2016-02-29"
    assert tag("The deal was signed on February 30.", date(2018, 9, 7))[0].text != "February 30"
