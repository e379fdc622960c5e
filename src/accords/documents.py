"""Reading news documents: files, folders, JSON Lines, metadata, and cleaning.

``iter_documents`` streams :class:`~accords.records.Document` records (or an
:class:`~accords.errors.InputError` for an input that cannot be used, so the
batch goes on). Cleaning turns HTML into text, drops boilerplate and repeated
lines and normalises Unicode to NFC; offsets everywhere point into this
cleaned text.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from accords.errors import InputError
from accords.records import Document, Precision

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MANIFEST_NAMES = ("metadata.json", "manifest.json")
SIDECAR_SUFFIX = ".meta.json"

_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|p|/div|div|/h\d|h\d|/li|li|tr|/tr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BOILERPLATE = re.compile(
    r"""^(?:
        reporter[’']?s?\s+code\b.* | news\s+code\b.* | your\s+comment | you\s+are\s+replying\s+to\b.*
        | captcha | \d+\s+min(?:ute)?s?\s+read | share(?:\s+this)?(?:\s+article)? | advertisement
        | read\s+more | click\s+here\b.* | sign\s+up\s+for\b.* | subscribe\b.{0,40}
        | follow\s+us\b.* | comments?(?:\s*\(\d+\))? | print | email
    )$""",
    re.I | re.X,
)


@dataclass(frozen=True)
class Metadata:
    """What a manifest, sidecar or JSON Lines record says about a document."""

    url: str | None = None
    title: str | None = None
    published: date | None = None
    precision: Precision | None = None
    estimated: bool = False
    basis: str | None = None
    key: str | None = None


def clean_text(raw: str) -> str:
    """HTML to text, boilerplate and repeated lines dropped, Unicode NFC."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _TAG.search(text):
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    for _ in range(3):  # double-escaped entities such as &amp;mdash;
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    lines: list[str] = []
    seen: set[str] = set()
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        if _BOILERPLATE.match(line):
            continue
        fingerprint = line.casefold()
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_published(value: str, source: str) -> tuple[date, Precision]:
    """``2018-09-07`` (day), ``2018-09`` (month) or ``2018`` (year)."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value), Precision.DAY
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:7]), 1), Precision.MONTH
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), Precision.YEAR
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
            return date.fromisoformat(value[:10]), Precision.DAY
    except ValueError as exc:
        raise InputError(source, f"published date {value!r} is not a valid date ({exc})") from exc
    raise InputError(source, f"published date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


def metadata_from(record: Mapping[str, Any], source: str) -> Metadata:
    """Metadata from a JSON object (manifest entry, sidecar, JSON Lines record)."""
    published = precision = None
    raw_date = record.get("published") or record.get("date")
    if raw_date:
        published, precision = parse_published(str(raw_date), source)
        if record.get("precision"):
            try:
                precision = Precision(str(record["precision"]))
            except ValueError as exc:
                raise InputError(source, f"unknown date precision {record['precision']!r}") from exc
    return Metadata(
        url=record.get("url") or None,
        title=record.get("title") or None,
        published=published,
        precision=precision,
        estimated=bool(record.get("estimated", False)),
        basis=record.get("basis") or None,
        key=str(record["id"]) if record.get("id") else None,
    )


def make_document(
    raw: bytes | str, meta: Metadata, *, key: str, source_path: str | None = None
) -> Document:
    """Clean the raw text and build the document record; InputError when nothing is left."""
    source = source_path or key
    if isinstance(raw, bytes):
        if b"\x00" in raw[:8192]:
            raise InputError(source, "binary file (contains NUL bytes), not text")
        try:
            decoded = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not UTF-8 text (byte {exc.start})") from exc
        raw_bytes = raw
    else:
        decoded, raw_bytes = raw, raw.encode("utf-8")
    text = clean_text(decoded)
    if not text.strip():
        raise InputError(source, "empty: no text left after cleaning")
    published, precision, inferred = meta.published, meta.precision, False
    basis = meta.basis
    if published is None:
        found = infer_date(text)
        if found is not None:
            published, precision, inferred = found[0], found[1], True
            basis = f"inferred from {found[2]!r} in the text"
    title = meta.title or _first_line_title(text)
    return Document(
        id=document_id(text),
        key=meta.key or meta.url or key,
        text=text,
        raw_sha256=hashlib.sha256(raw_bytes).hexdigest(),
        title=title,
        url=meta.url,
        source_path=source_path,
        published=published,
        published_precision=precision,
        date_estimated=meta.estimated,
        date_inferred=inferred,
        date_basis=basis,
    )


def _first_line_title(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= 160 else first[:157].rsplit(" ", 1)[0] + "…"


def infer_date(text: str) -> tuple[date, Precision, str] | None:
    """An explicit full date in the text (a dateline first, else the latest one)."""
    from accords.nlp.timex import tag  # local: the tagger is only needed for undated input

    dated = [t for t in tag(text, None) if t.span is not None and t.span.precision is Precision.DAY]
    if not dated:
        return None
    head = [t for t in dated if t.start < 600]
    chosen = head[0] if head else max(dated, key=lambda t: t.span.earliest if t.span else date.min)
    assert chosen.span is not None
    return chosen.span.earliest, Precision.DAY, chosen.text


# --- inputs ------------------------------------------------------------------------------

ReadResult = Document | InputError


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read metadata JSON: {exc}") from exc


def load_manifest(folder: Path) -> dict[str, Metadata]:
    """File name -> metadata from ``metadata.json``/``manifest.json`` in a folder."""
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            data = _load_json(path)
            entries = data.get("documents", []) if isinstance(data, dict) else data
            if not isinstance(entries, list):
                raise InputError(str(path), "expected a list of documents or {'documents': [...]}")
            out: dict[str, Metadata] = {}
            for i, entry in enumerate(entries):
                if not isinstance(entry, dict) or "file" not in entry:
                    raise InputError(str(path), f"entry {i} has no 'file' field")
                out[str(entry["file"])] = metadata_from(entry, f"{path} entry {i}")
            return out
    return {}


def _read_text_file(path: Path, meta: Metadata | None) -> Document:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if meta is None and sidecar.is_file():
        meta = metadata_from(_load_json(sidecar), str(sidecar))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return make_document(raw, meta or Metadata(), key=path.name, source_path=str(path))


def _read_jsonl(path: Path) -> Iterator[ReadResult]:
    try:
        handle = path.open("r", encoding="utf-8")
    except OSError as exc:
        yield InputError(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path} line {number}"
                try:
                    record = json.loads(line)
                    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                        raise InputError(where, "expected an object with a 'text' string")
                    meta = metadata_from(record, where)
                    key = meta.key or meta.url or f"{path.name}#{number}"
                    yield make_document(record["text"], meta, key=key, source_path=where)
                except json.JSONDecodeError as exc:
                    yield InputError(where, f"not valid JSON: {exc.msg}")
                except InputError as exc:
                    yield exc
        except UnicodeDecodeError as exc:
            yield InputError(str(path), f"not UTF-8 text (byte {exc.start})")


def _read_file(path: Path, meta: Metadata | None) -> Iterator[ReadResult]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    try:
        yield _read_text_file(path, meta)
    except InputError as exc:
        yield exc


def _is_input(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name in MANIFEST_NAMES or name.endswith(SIDECAR_SUFFIX):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES


def iter_documents(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Stream documents (or the error for each unusable input) from files and folders."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            try:
                manifest = load_manifest(path)
            except InputError as exc:
                yield exc
                manifest = {}
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _is_input(p)):
                yield from _read_file(child, manifest.get(child.name))
        elif path.is_file():
            manifest = {}
            try:
                manifest = load_manifest(path.parent)
            except InputError as exc:
                yield exc
            yield from _read_file(path, manifest.get(path.name))
        else:
            yield InputError(str(path), "no such file or folder")
