"""Calendar arithmetic for the temporal tagger: TIMEX3 values <-> day intervals."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from accords.records import Precision, TimeSpan

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # WI runs into Feb
_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """Shift a date by whole months, clamping the day to the month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_years(d: date, years: int) -> date:
    """Shift a date by whole years (29 February becomes 28 February)."""
    return add_months(d, 12 * years)


def week_value(d: date) -> str:
    """The ISO week of a day as a TIMEX3 value ("2018-W36")."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def span_for_date(d: date, precision: Precision) -> TimeSpan:
    """The interval of a date taken at a precision: 2018-09-07 at YEAR is all of 2018."""
    if precision is Precision.DAY:
        return TimeSpan(d.isoformat(), precision, d, d)
    if precision is Precision.MONTH:
        return TimeSpan(
            f"{d.year:04d}-{d.month:02d}", precision, d.replace(day=1), month_end(d.year, d.month)
        )
    if precision is Precision.YEAR:
        return TimeSpan(f"{d.year:04d}", precision, date(d.year, 1, 1), date(d.year, 12, 31))
    if precision is Precision.DECADE:
        first = d.year - d.year % 10
        return TimeSpan(f"{first // 10:03d}", precision, date(first, 1, 1), date(first + 9, 12, 31))
    first = d.year - d.year % 100
    return TimeSpan(f"{first // 100:02d}", precision, date(first, 1, 1), date(first + 99, 12, 31))


def span_for_value(value: str) -> TimeSpan | None:
    """The interval denoted by a TIMEX3 date value, or None if it has none (PXY, PAST_REF)."""
    if re.fullmatch(r"\d{3}", value):
        return span_for_date(date(int(value) * 10, 1, 1), Precision.DECADE)
    if re.fullmatch(r"\d\d", value):
        return span_for_date(date(max(int(value) * 100, 1), 1, 1), Precision.CENTURY)
    m = _VALUE.match(value)
    if not m:
        return None
    year = int(m["y"])
    if m["d"]:
        return TimeSpan(value, Precision.DAY, *[date(year, int(m["m"]), int(m["d"]))] * 2)
    if m["m"]:
        return TimeSpan(
            value, Precision.MONTH, date(year, int(m["m"]), 1), month_end(year, int(m["m"]))
        )
    if m["w"]:
        monday = date.fromisocalendar(year, int(m["w"]), 1)
        return TimeSpan(value, Precision.DAY, monday, monday + timedelta(days=6))
    if m["q"] or m["h"]:
        first, months = ((int(m["q"]) - 1) * 3 + 1, 3) if m["q"] else ((int(m["h"]) - 1) * 6 + 1, 6)
        end_month = first + months - 1
        return TimeSpan(value, Precision.MONTH, date(year, first, 1), month_end(year, end_month))
    if m["s"]:
        first, last = SEASON_MONTHS[m["s"]]
        end = month_end(year + (last - 1) // 12, (last - 1) % 12 + 1)
        return TimeSpan(value, Precision.MONTH, date(year, first, 1), end)
    return span_for_date(date(year, 1, 1), Precision.YEAR)


def part_of(span: TimeSpan, part: str) -> TimeSpan:
    """Narrow a span to its early/mid/late third (value and precision unchanged)."""
    days = (span.latest - span.earliest).days + 1
    third = days // 3
    if part == "early":
        return TimeSpan(
            span.value,
            span.precision,
            span.earliest,
            span.earliest + timedelta(days=max(third - 1, 0)),
        )
    if part == "late":
        return TimeSpan(
            span.value, span.precision, span.latest - timedelta(days=max(third - 1, 0)), span.latest
        )
    return TimeSpan(
        span.value,
        span.precision,
        span.earliest + timedelta(days=third),
        span.latest - timedelta(days=third),
    )


def covering_span(earliest: date, latest: date) -> TimeSpan:
    """The finest calendar unit containing [earliest, latest], with exactly those bounds."""
    if earliest == latest:
        precision = Precision.DAY
    elif (earliest.year, earliest.month) == (latest.year, latest.month):
        precision = Precision.MONTH
    elif earliest.year == latest.year:
        precision = Precision.YEAR
    elif earliest.year // 10 == latest.year // 10:
        precision = Precision.DECADE
    else:
        precision = Precision.CENTURY
    value = span_for_date(earliest, precision).value
    return TimeSpan(value, precision, earliest, latest)
