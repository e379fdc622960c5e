"""SPARQL 1.1 query results as CSV, written row by row (RFC 4180)."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox


def solutions_csv(solutions: ox.QuerySolutions) -> bytes:
    """SPARQL 1.1 CSV results (plain values, RFC 4180 quoting, CRLF line ends).

    pyoxigraph 0.5's CSV writer leaves an IRI holding a comma unquoted (every sentence IRI,
    ``...#char=12,80``, would split its row), so the rows are written here.
    """
    names = [v.value for v in solutions.variables]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in solutions:
        writer.writerow([_csv_value(row[name]) for name in names])
    return out.getvalue().encode("utf-8")


def _csv_value(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)  # a triple term
