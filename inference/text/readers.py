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

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sorot.inference.text.article import (
    DEFAULT_MAX_CHARS,
    Article,
    InputError,
    InputNotFoundError,
    ReadError,
    RecordChecker,
    RecordError,
    with_extra,
)
from sorot.inference.text.tabular import read_csv, read_parquet

SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet")
#: The input name that means standard input (JSON Lines), as in most Unix tools.
STDIN = "-"


def _decode(raw: bytes, source: str, location: str) -> str | RecordError:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return RecordError(source, f"invalid UTF-8 at byte {e.start}: {raw[e.start:e.start + 4]!r}",
                           location)


def _read_txt_file(path: Path, checker: RecordChecker) -> Article | RecordError:
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


def _read_txt_dir(path: Path, checker: RecordChecker) -> Iterator[Article | RecordError]:
    root = path.resolve()
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    if not files:
        yield RecordError(str(path), "directory holds no .txt files")
    for f in files:
        if f.is_symlink() and not f.resolve().is_relative_to(root):
            # a link out of the folder could copy any file the user can read into the output
            yield RecordError(str(f), f"symbolic link to {f.resolve()}, outside the input "
                              "folder: skipped", id=f.stem)
        else:
            yield _read_txt_file(f, checker)


def _read_jsonl(path: Path, checker: RecordChecker, id_col: str, text_col: str):
    with path.open("rb") as f:
        yield from _read_jsonl_stream(f, str(path), checker, id_col, text_col)


def _lines(f) -> Iterator[tuple[str, bytes]]:
    """``(location, line)`` of a binary stream; ``\r\n`` ends a line like ``\n``, and a bare
    ``\r`` (old Mac line ends) splits one too, each part named in its location."""
    for n, raw in enumerate(f, start=1):
        body = raw.rstrip(b"\n").removesuffix(b"\r")
        if n == 1:
            body = body.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark, as Excel writes
        if b"\r" not in body:
            yield f"line {n}", body
            continue
        for k, part in enumerate(body.split(b"\r"), start=1):
            yield f"line {n}, part {k} (after a bare \\r line end)", part


def _parse_json(line: str, source: str, loc: str) -> dict | RecordError:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        return RecordError(source, f"malformed JSON: {e.msg} at column {e.colno}", loc)
    except RecursionError:
        return RecordError(source, "malformed JSON: nested too deeply", loc)
    except ValueError as e:  # an integer of more than 4,300 digits
        return RecordError(source, f"malformed JSON: {e}", loc)
    if not isinstance(row, dict):
        return RecordError(source, f"a JSON {type(row).__name__}, not an object", loc)
    return row


def _read_jsonl_stream(f, source: str, checker: RecordChecker, id_col: str, text_col: str):
    empty = True
    for loc, raw in _lines(f):
        if not raw.strip():
            continue
        empty = False
        line = _decode(raw, source, loc)
        row = line if isinstance(line, RecordError) else _parse_json(line, source, loc)
        if isinstance(row, RecordError):
            yield row
            continue
        yield with_extra(checker.check(source, loc, row.get(id_col), row.get(text_col)),
                          row, id_col, text_col)
    if empty:
        yield RecordError(source, "empty file: no records")


def read_articles(path: str | Path, *, text_column: str = "text", id_column: str = "id",
                  max_chars: int = DEFAULT_MAX_CHARS, csv_delimiter: str | None = None
                  ) -> Iterator[Article | RecordError]:
    """Yield every record of ``path`` in order, as an :class:`Article` or a :class:`RecordError`.

    ``"-"`` reads JSON Lines from standard input. ``csv_delimiter=None`` detects a CSV
    file's delimiter from its header. Raises :class:`InputError` only for the input as a
    whole (it does not exist, or its format is unknown).
    """
    if str(path) == STDIN:
        return _read_jsonl_stream(sys.stdin.buffer, "<stdin>", RecordChecker(max_chars), id_column,
                                  text_column)
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"input not found: {path}")
    checker = RecordChecker(max_chars)
    if path.is_dir():
        return _read_txt_dir(path, checker)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return iter([_read_txt_file(path, checker)])
    if suffix == ".csv":
        return read_csv(path, checker, id_column, text_column, csv_delimiter)
    readers = {".jsonl": _read_jsonl, ".parquet": read_parquet}
    if suffix not in readers:
        raise InputError(f"unknown input format {suffix!r} for {path}: use a directory of .txt "
                         f"files or one of {', '.join(SUFFIXES)}")
    return readers[suffix](path, checker, id_column, text_column)


@dataclass(frozen=True)
class ReaderOptions:
    """How to read an input: which fields hold the text and the id, the longest article
    accepted and a CSV file's delimiter (the ``--text-column``, ``--id-column``,
    ``--max-chars`` and ``--csv-delimiter`` flags; ``None`` detects the delimiter)."""

    text_column: str = "text"
    id_column: str = "id"
    max_chars: int = DEFAULT_MAX_CHARS
    csv_delimiter: str | None = None

    def __post_init__(self):
        if self.csv_delimiter is not None and len(self.csv_delimiter) != 1:
            raise InputError(f"--csv-delimiter must be one character, got {self.csv_delimiter!r}")

    def read(self, path: str | Path) -> Iterator[Article | RecordError]:
        return read_articles(path, text_column=self.text_column, id_column=self.id_column,
                             max_chars=self.max_chars, csv_delimiter=self.csv_delimiter)


def read_articles_strict(path: str | Path, **kwargs) -> Iterator[Article]:
    """Like :func:`read_articles`, but raise :class:`ReadError` at the first bad record."""
    for record in read_articles(path, **kwargs):
        if isinstance(record, RecordError):
            raise ReadError(str(record))
        yield record


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` consecutive items (the last may be shorter), read lazily."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
