"""A small SPARQL tokenizer: enough structure to inspect and edit queries safely.

It tells keywords from the same letters inside strings, IRIs, comments, prefixed
names and variables, tracks brace depth, and never evaluates anything. Used to
refuse federated SERVICE / remote FROM / LOAD before a query reaches the engine,
to cap result sizes, and to substitute typed parameter values into named queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PN_CHARS_BASE = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
_NAME = rf"[{_PN_CHARS_BASE}_0-9\-\u00B7\u0300-\u036F\u203F-\u2040]"
_LOCAL_ESC = r"(?:\\[_~.\-!$&'()*+,;=/?#@%]|%[0-9A-Fa-f]{2})"

_TOKEN = re.compile(
    "|".join(
        [
            r"(?P<ws>\s+)",
            r"(?P<comment>#[^\r\n]*)",
            r"(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''"
            r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
            r"|'(?:[^'\\\r\n]|\\.)*'"
            r'|"(?:[^"\\\r\n]|\\.)*")',
            r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)",
            rf"(?P<var>[?$]{_NAME}+)",
            # prefixed names (including a bare ``prefix:``), before plain words
            rf"(?P<pname>(?:[{_PN_CHARS_BASE}](?:(?:{_NAME}|\.)*{_NAME})?)?:"
            rf"(?:(?:{_NAME}|:|{_LOCAL_ESC})(?:(?:{_NAME}|[.:]|{_LOCAL_ESC})*(?:{_NAME}|:|{_LOCAL_ESC}))?)?)",
            r"(?P<blank>_:[\w\-.]+)",
            r"(?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))",
            r"(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)",
            rf"(?P<word>[{_PN_CHARS_BASE}_][{_PN_CHARS_BASE}_0-9\-]*)",
            r"(?P<punct>\^\^|\|\||&&|!=|<=|>=|[{}()\[\];,.*/+\-=<>!|^?$@])",
        ]
    ),
)

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class LexError(ValueError):
    """The text cannot be tokenized as SPARQL."""


@dataclass(frozen=True)
class Token:
    kind: str  # ws comment string iri var pname blank number lang word punct
    text: str
    start: int
    depth: int  # brace depth before this token

    @property
    def keyword(self) -> str:
        """The upper-cased word for keyword tokens, '' otherwise."""
        return self.text.upper() if self.kind == "word" else ""


def unescape_codepoints(text: str) -> str:
    """Apply SPARQL's ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes (spec section 19.2)."""

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _UNICODE_ESCAPE.sub(repl, text)


def tokenize(text: str) -> Iterator[Token]:
    """All tokens of ``text`` including whitespace and comments; raises :class:`LexError`."""
    pos = 0
    depth = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            line = text.count("\n", 0, pos) + 1
            raise LexError(f"unexpected character {text[pos]!r} at line {line}")
        kind = m.lastgroup or "punct"
        tok = Token(kind, m.group(0), pos, depth)
        if kind == "punct":
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth = max(0, depth - 1)
        yield tok
        pos = m.end()


def significant(text: str) -> list[Token]:
    """Tokens without whitespace and comments."""
    return [t for t in tokenize(text) if t.kind not in ("ws", "comment")]
