"""Resolve relative expressions against a reference date that may be imprecise or missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from accords.nlp.timex_calendar import (
    add_months,
    covering_span,
    month_end,
    span_for_date,
    span_for_value,
    week_value,
)
from accords.nlp.timex_context import Tense
from accords.records import Precision, TimeSpan

PLACEHOLDER = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "year": "XXXX",
    "quarter": "XXXX-QX",
    "decade": "XXX",
    "century": "XX",
}


@dataclass(frozen=True)
class Resolution:
    """A value, its interval (None if unresolved) and why it is less than exact."""

    value: str
    span: TimeSpan | None
    resolved: bool = True
    note: str = ""


@dataclass(frozen=True)
class Reference:
    """The document date as the interval of days it may be."""

    earliest: date
    latest: date
    precision: Precision

    @classmethod
    def of(cls, day: date | None, precision: Precision | None) -> Reference | None:
        if day is None:
            return None
        p = precision or Precision.DAY
        span = span_for_date(day, p)
        return cls(span.earliest, span.latest, p)

    def resolve(self, fn: Callable[[date], TimeSpan], grain: str) -> Resolution:
        """Apply fn to every possible reference day; keep what all of them agree on."""
        if self.earliest == self.latest:
            s = fn(self.earliest)
            return Resolution(s.value, s)
        first, last = fn(self.earliest), fn(self.latest)
        if first.value == last.value:
            return Resolution(
                first.value, first, note=f"document date only {self.precision.value}-precise"
            )
        cover = covering_span(min(first.earliest, last.earliest), max(first.latest, last.latest))
        note = (
            f"document date only {self.precision.value}-precise: "
            f"{grain} known to {cover.precision.value}"
        )
        if cover.precision is Precision.CENTURY:
            return Resolution(PLACEHOLDER.get(grain, "XXXX"), None, False, note)
        return Resolution(cover.value, cover, True, note)


def unresolved(grain: str) -> Resolution:
    """A relative expression with no document date to resolve it against."""
    return Resolution(
        PLACEHOLDER.get(grain, "XXXX"),
        None,
        False,
        "no document date: relative expression left unresolved",
    )


def shift(ref: date, unit: str, n: int) -> TimeSpan:
    """The calendar unit (day, week, month, ...) n units from the one containing ref."""
    if unit == "day":
        return span_for_date(ref + timedelta(days=n), Precision.DAY)
    if unit in ("week", "weekend"):
        d = ref + timedelta(weeks=n)
        if unit == "week":
            s = span_for_value(week_value(d))
            assert s is not None
            return s
        saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
        return TimeSpan(week_value(d) + "-WE", Precision.DAY, saturday, saturday + timedelta(1))
    if unit == "month":
        return span_for_date(add_months(ref.replace(day=1), n), Precision.MONTH)
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + n
        year, q = divmod(index, 4)
        s = span_for_value(f"{year:04d}-Q{q + 1}")
        assert s is not None
        return s
    if unit == "decade":
        return span_for_date(date(ref.year + 10 * n, 1, 1), Precision.DECADE)
    if unit == "century":
        return span_for_date(date(ref.year + 100 * n, 1, 1), Precision.CENTURY)
    return span_for_date(date(ref.year + n, 1, 1), Precision.YEAR)


def weekday(ref: date, wd: int, tense: Tense | None, modifier: str = "") -> TimeSpan:
    """The weekday wd nearest ref in the direction the sentence looks."""
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if modifier == "last":
        d = ref - timedelta(days=back or 7)
    elif modifier == "next":
        d = ref + timedelta(days=ahead or 7)
    elif tense is Tense.FUTURE or modifier in ("this", "coming"):
        d = ref + timedelta(days=ahead)
    else:
        d = ref - timedelta(days=back)
    return span_for_date(d, Precision.DAY)


def month_of(ref: date, month: int, tense: Tense | None) -> TimeSpan:
    """A month named without a year, placed in the year the sentence's tense suggests."""
    options = [date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    here = ref.replace(day=1)
    return span_for_date(_placed(here, options, tense), Precision.MONTH)


def day_of(ref: date, month: int, day: int, tense: Tense | None) -> TimeSpan:
    """A day named without a year ("Dec. 2"), placed by tense, else the nearest one."""
    options = []
    for year in range(ref.year - 4, ref.year + 5):  # 29 February needs a leap year
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    options = sorted(options, key=lambda d: abs((d - ref).days))[:3]
    if not options:
        raise ValueError(f"no such day: {month}-{day}")
    return span_for_date(_placed(ref, options, tense), Precision.DAY)


def _placed(ref: date, options: list[date], tense: Tense | None) -> date:
    """The option the tense points to if it lies within nine months, else the nearest."""
    window = 275
    near = [d for d in options if abs((d - ref).days) <= window] or options
    if tense is Tense.PAST and any(d <= ref for d in near):
        return max(d for d in near if d <= ref)
    if tense is Tense.FUTURE and any(d >= ref for d in near):
        return min(d for d in near if d >= ref)
    return min(options, key=lambda d: (abs((d - ref).days), d > ref))


def period(ref: date, unit: str, n: int, value: str) -> TimeSpan:
    """The n units up to ref ("the last week"; n < 0: from ref on), as a day interval."""
    if n >= 0:
        return TimeSpan(value, Precision.DAY, _minus(ref, unit, n) + timedelta(days=1), ref)
    end = _minus(ref, unit, n) - timedelta(days=1)
    return TimeSpan(value, Precision.DAY, ref, max(end, ref))


def _minus(ref: date, unit: str, n: int) -> date:
    if unit in ("day", "week", "weekend", "fortnight"):
        days = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}[unit]
        return ref - timedelta(days=days * n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 0)
    if not months:
        return ref
    d = add_months(ref, -months * n)
    return min(d, month_end(d.year, d.month))
