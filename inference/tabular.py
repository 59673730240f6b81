"""CSV and Parquet readers: one record a row, every bad row reported, none lost silently.

CSV is read strictly: a malformed row (a stray quote, an unclosed quote at the end of
the file, more fields than the header) becomes a :class:`RecordError` naming its row and
lines, and reading goes on. A quoted field that swallows following lines that look like
rows (an unclosed quote in the middle of a file) is reported, not passed on as one
giant text. A UTF-8 byte-order mark (as Excel writes it) is skipped, and a bad byte in
the header spoils only that column's name.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
>>> _ = p.write_text('\\ufeffid,text\\n1,"Putin tiba."\\n2,"tanpa akhir\\n', encoding="utf-8")
>>> [(type(r).__name__, getattr(r, "id", None)) for r in read_csv(p, RecordChecker(1000), "id", "text")]
[('Article', '1'), ('RecordError', None)]
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from sorot.inference.readers import Article, RecordChecker, RecordError, with_extra


def _header(reader, source: str) -> list[str] | RecordError:
    try:
        names = next(reader)
    except StopIteration:
        return RecordError(source, "empty file: no header row")
    except csv.Error as e:
        return RecordError(source, f"malformed CSV header: {e}", "line 1")
    # a bad byte spoils one column name, not every row
    return ["".join("\ufffd" if "\udc80" <= c <= "\udcff" else c for c in n) for n in names]


def _swallowed(fields: list[str], ncols: int) -> int:
    """Lines inside quoted fields that look like whole rows of their own."""
    return sum(line.count(",") >= ncols - 1 for f in fields for line in f.split("\n")[1:])


def _row(fields: list[str], columns: list[str], source: str, loc: str,
         first_line: int, last_line: int) -> dict | RecordError:
    if len(fields) > len(columns):
        return RecordError(source, f"{len(fields)} fields, the header has {len(columns)} "
                           "(an unquoted comma?)", loc)
    if last_line > first_line and (n := _swallowed(fields, len(columns))):
        return RecordError(source, f"a quoted field runs from line {first_line} to {last_line} "
                           f"and holds {n} lines that look like rows: an unclosed quote?", loc)
    if any("\udc80" <= c <= "\udcff" for v in fields for c in v):
        return RecordError(source, "invalid UTF-8 in this row", loc)
    return dict(zip(columns, [*fields, *[None] * (len(columns) - len(fields))]))


def read_csv(path: Path, checker: RecordChecker, id_col: str, text_col: str
             ) -> Iterator[Article | RecordError]:
    source = str(path)
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        reader = csv.reader(f, strict=True)
        columns = _header(reader, source)
        if isinstance(columns, RecordError):
            yield columns
            return
        missing = [c for c in (text_col, id_col) if c not in columns]
        if missing:
            yield RecordError(source, f"no column {missing[0]!r} (columns: {', '.join(columns)}); "
                              "choose one with --text-column / --id-column")
            return
        n, line = 0, reader.line_num
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                n, loc = n + 1, f"row {n + 1} (lines {line + 1}-{reader.line_num})"
                yield RecordError(source, f"malformed CSV: {e}", loc)
                line = reader.line_num
                continue
            n, loc = n + 1, f"row {n + 1} (line {line + 1})"
            row = _row(fields, columns, source, loc, line + 1, reader.line_num)
            line = reader.line_num
            if isinstance(row, RecordError):
                yield row
                continue
            yield with_extra(checker.check(source, loc, row.get(id_col), row.get(text_col)),
                             row, id_col, text_col)


def read_parquet(path: Path, checker: RecordChecker, id_col: str, text_col: str
                 ) -> Iterator[Article | RecordError]:
    import pyarrow.parquet as pq

    source = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:  # not Parquet, or truncated
        yield RecordError(source, f"not a readable Parquet file: {type(e).__name__}: {e}")
        return
    missing = [c for c in (text_col, id_col) if c not in pf.schema_arrow.names]
    if missing:
        yield RecordError(source, f"no column {missing[0]!r} (columns: "
                          f"{', '.join(pf.schema_arrow.names)}); choose one with --text-column")
        return
    n = 0
    for batch in pf.iter_batches(batch_size=512):
        for row in batch.to_pylist():
            n += 1
            yield with_extra(checker.check(source, f"row {n}", row.get(id_col),
                                           row.get(text_col)), row, id_col, text_col)
