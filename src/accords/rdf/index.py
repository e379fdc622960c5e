"""Index triples the graph builder adds so that temporal queries start from a year.

``acc:observedYear`` (``xsd:integer``) is written on an evidence for every calendar
year its observed period touches, so "what was stated about 2018" starts from
``?e acc:observedYear 2018`` instead of comparing the dates of every evidence.
``acc:memberYear`` ("<member IRI> <year>") on a relationship lets "Iran's relationships in
2018" start from that one key instead of reading all of Iran's relationships.
"""

from __future__ import annotations

from datetime import date

#: Observed periods spanning more years than this are not indexed (the widest TIMEX
#: precision, a century, spans 100).
MAX_INDEXED_YEARS = 1000


def observed_years(first: date, last: date) -> range:
    """The calendar years ``first``..``last`` touch (empty if reversed or too long)."""
    if last < first or last.year - first.year >= MAX_INDEXED_YEARS:
        return range(0)
    return range(first.year, last.year + 1)


def member_year(member_iri: str, year: int) -> str:
    """The ``acc:memberYear`` key of a relationship member in a year."""
    return f"{member_iri} {year}"
