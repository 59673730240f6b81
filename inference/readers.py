"""Streaming article readers for the corpus formats users have on disk.

One call, :func:`read_articles`, takes a directory of ``.txt`` files, a ``.txt`` file,
``.jsonl``, ``.csv`` or ``.parquet`` and yields, lazily and in input order, either an
:class:`Article` or a :class:`RecordError`. A bad record never stops the stream and
never hides another record: the error names the file, the line or row and the
reason, and the caller writes it to an errors file. Memory stays flat with corpus
size (files are read line by line, Parquet batch by batch); the only state kept is
a set of id digests for the duplicate check.

>>> import json, pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> _ = p.write_text(json.dumps({"id": "x1", "text": "Putin tiba.", "url": "u"}) + "\\n{bad\\n")
>>> [type(r).__name__ for r in read_articles(p)]
['Article', 'RecordError']
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sorot.models.errors import SorotError

#: Articles longer than this are refused (a user raises it with ``--max-chars``).
DEFAULT_MAX_CHARS = 1_000_000
SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet")
#: The input name that means standard input (JSON Lines), as in most Unix tools.
STDIN = "-"


@dataclass(frozen=True)
class Article:
    """One input article: ``text`` exactly as read, ``extra`` holds every other field."""

    id: str
    text: str
    extra: dict = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True)
class RecordError:
    """A record that could not be read: where it is and why."""

    source: str
    reason: str
    location: str = ""
    id: str | None = None

    def to_dict(self) -> dict:
        return {"source": self.source, "location": self.location, "id": self.id,
                "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        rid = f" (id {self.id!r})" if self.id is not None else ""
        return f"{where}{rid}: {self.reason}"


class InputError(SorotError, ValueError):
    """The input as a whole cannot be read: it does not exist, or its format is unknown."""


class InputNotFoundError(InputError, FileNotFoundError):
    """The input path does not exist."""


class ReadError(SorotError, ValueError):
    """Raised by :func:`read_articles_strict` on the first bad record."""


@dataclass
class _Checker:
    """Checks ids and text of each record; remembers id digests to catch duplicates."""

    max_chars: int
    seen: set = field(default_factory=set)

    def check(self, source: str, location: str, rid, text) -> Article | RecordError:
        def err(reason: str) -> RecordError:
            return RecordError(source, reason, location, None if rid is None else str(rid))

        if rid is None or (isinstance(rid, str) and not rid.strip()):
            return err("missing id")
        if not isinstance(rid, (str, int)) or isinstance(rid, bool):
            return err(f"id must be a string or integer, got {type(rid).__name__}")
        if text is None:
            return err("missing text")
        if not isinstance(text, str):
            return err(f"text must be a string, got {type(text).__name__}")
        if not text.strip():
            return err("empty text")
        if len(text) > self.max_chars:
            return err(f"text has {len(text):,} characters, over the limit of "
                       f"{self.max_chars:,} (raise it with --max-chars)")
        if "\x00" in text:
            return err("text holds NUL bytes: binary data, not text")
        digest = hashlib.blake2b(str(rid).encode(), digest_size=8).digest()
        if digest in self.seen:
            return err(f"duplicate id {str(rid)!r}")
        self.seen.add(digest)
        return Article(str(rid), text, {}, source)


def _decode(raw: bytes, source: str, location: str) -> str | RecordError:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return RecordError(source, f"invalid UTF-8 at byte {e.start}: {raw[e.start:e.start + 4]!r}",
                           location)


def _read_txt_file(path: Path, checker: _Checker) -> Article | RecordError:
    source = str(path)
    size = path.stat().st_size
    if size == 0:
        return RecordError(source, "empty file", id=path.stem)
    if size > 4 * checker.max_chars:  # UTF-8 takes at most 4 bytes a character
        return RecordError(source, f"file is {size:,} bytes, over the limit of "
                           f"{checker.max_chars:,} characters (raise it with --max-chars)",
                           id=path.stem)
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        return RecordError(source, "binary file (NUL bytes), not text", id=path.stem)
    text = _decode(raw, source, "")
    if isinstance(text, RecordError):
        return RecordError(source, text.reason, id=path.stem)
    return checker.check(source, "", path.stem, text)


def _read_txt_dir(path: Path, checker: _Checker) -> Iterator[Article | RecordError]:
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
    if not files:
        yield RecordError(str(path), "directory holds no .txt files")
    for f in files:
        yield _read_txt_file(f, checker)


def _with_extra(result: Article | RecordError, row: dict, id_col: str, text_col: str):
    if isinstance(result, RecordError):
        return result
    extra = {k: v for k, v in row.items() if k not in (id_col, text_col)}
    return Article(result.id, result.text, extra, result.source)


def _read_jsonl(path: Path, checker: _Checker, id_col: str, text_col: str):
    with path.open("rb") as f:
        yield from _read_jsonl_stream(f, str(path), checker, id_col, text_col)


def _read_jsonl_stream(f, source: str, checker: _Checker, id_col: str, text_col: str):
    empty = True
    for n, raw in enumerate(f, start=1):
        if not raw.strip():
            continue
        empty, loc = False, f"line {n}"
        line = _decode(raw, source, loc)
        if isinstance(line, RecordError):
            yield line
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield RecordError(source, f"malformed JSON: {e.msg} at column {e.colno}", loc)
            continue
        if not isinstance(row, dict):
            yield RecordError(source, f"a JSON {type(row).__name__}, not an object", loc)
            continue
        yield _with_extra(checker.check(source, loc, row.get(id_col), row.get(text_col)),
                          row, id_col, text_col)
    if empty:
        yield RecordError(source, "empty file: no records")


def _read_csv(path: Path, checker: _Checker, id_col: str, text_col: str):
    source = str(path)
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames or []
        if not columns:
            yield RecordError(source, "empty file: no header row")
            return
        missing = [c for c in (text_col, id_col) if c not in columns]
        if missing:
            yield RecordError(source, f"no column {missing[0]!r} (columns: {', '.join(columns)}); "
                              "choose one with --text-column / --id-column")
            return
        for n, row in enumerate(reader, start=1):
            loc = f"row {n} (line {reader.line_num})"
            if any("\udc80" <= c <= "\udcff" for v in row.values() if isinstance(v, str)
                   for c in v):
                yield RecordError(source, "invalid UTF-8 in this row", loc, row.get(id_col))
                continue
            yield _with_extra(checker.check(source, loc, row.get(id_col), row.get(text_col)),
                              row, id_col, text_col)


def _read_parquet(path: Path, checker: _Checker, id_col: str, text_col: str):
    import pyarrow.parquet as pq

    source = str(path)
    pf = pq.ParquetFile(path)
    missing = [c for c in (text_col, id_col) if c not in pf.schema_arrow.names]
    if missing:
        yield RecordError(source, f"no column {missing[0]!r} (columns: "
                          f"{', '.join(pf.schema_arrow.names)}); choose one with --text-column")
        return
    n = 0
    for batch in pf.iter_batches(batch_size=512):
        for row in batch.to_pylist():
            n += 1
            yield _with_extra(checker.check(source, f"row {n}", row.get(id_col),
                                            row.get(text_col)), row, id_col, text_col)


def read_articles(path: str | Path, *, text_column: str = "text", id_column: str = "id",
                  max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | RecordError]:
    """Yield every record of ``path`` in order, as an :class:`Article` or a :class:`RecordError`.

    ``"-"`` reads JSON Lines from standard input. Raises :class:`InputError` only for
    the input as a whole (it does not exist, or its format is unknown).
    """
    if str(path) == STDIN:
        return _read_jsonl_stream(sys.stdin.buffer, "<stdin>", _Checker(max_chars), id_column,
                                  text_column)
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"input not found: {path}")
    checker = _Checker(max_chars)
    if path.is_dir():
        return _read_txt_dir(path, checker)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return iter([_read_txt_file(path, checker)])
    readers = {".jsonl": _read_jsonl, ".csv": _read_csv, ".parquet": _read_parquet}
    if suffix not in readers:
        raise InputError(f"unknown input format {suffix!r} for {path}: use a directory of .txt "
                         f"files or one of {', '.join(SUFFIXES)}")
    return readers[suffix](path, checker, id_column, text_column)


@dataclass(frozen=True)
class ReaderOptions:
    """How to read an input: which fields hold the text and the id, and the longest
    article accepted (the ``--text-column``, ``--id-column`` and ``--max-chars`` flags)."""

    text_column: str = "text"
    id_column: str = "id"
    max_chars: int = DEFAULT_MAX_CHARS

    def read(self, path: str | Path) -> Iterator[Article | RecordError]:
        return read_articles(path, text_column=self.text_column, id_column=self.id_column,
                             max_chars=self.max_chars)


def read_articles_strict(path: str | Path, **kwargs) -> Iterator[Article]:
    """Like :func:`read_articles`, but raise :class:`ReadError` at the first bad record."""
    for record in read_articles(path, **kwargs):
        if isinstance(record, RecordError):
            raise ReadError(str(record))
        yield record
