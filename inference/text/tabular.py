"""CSV and Parquet readers: one record a row, every bad row reported, none lost silently.

CSV is read strictly, as Python's ``csv`` module, pandas and Excel write it: quoted fields
may span lines (articles are multi-line), hold the delimiter, doubled quotes and ``\\r\\n``.
The delimiter is ``--csv-delimiter`` or, when not given, the one of ``, ; TAB |`` that the
header line holds most (Excel in many locales writes ``;``). A malformed row (a stray
quote, an unclosed quote at the end of the file, more fields than the header) becomes a
:class:`RecordError` naming its row and lines, and reading goes on. An unclosed quote in
the middle of a file that the parser closes cleanly further on is told apart from a real
multi-line field by parsing the swallowed lines again on their own: only when each of
them is a whole row (as many fields as the header, an id of the same shape as the row's
own) is the row reported. A UTF-8 byte-order mark (as Excel writes it) is skipped, and a
bad byte in the header spoils only that column's name.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
>>> _ = p.write_text('\\ufeffid,text\\n1,"Putin tiba.\\nIa bicara, lalu pergi."\\n2,"tanpa akhir\\n', encoding="utf-8")
>>> [(type(r).__name__, getattr(r, "id", None)) for r in read_csv(p, RecordChecker(1000), "id", "text")]
[('Article', '1'), ('RecordError', None)]
"""

from __future__ import annotations

import csv
import itertools
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from sorot.inference.text.article import Article, RecordChecker, RecordError, with_extra

#: Delimiters tried when none is given, in order of preference on a tie.
DELIMITERS = (",", ";", "\t", "|")


def detect_delimiter(header_line: str) -> str:
    """The delimiter a header line uses: the candidate it holds most outside quotes.

    >>> detect_delimiter("id;judul;isi\\r\\n"), detect_delimiter('"a,b";c;d'), detect_delimiter("text")
    (';', ';', ',')
    """
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = [(unquoted.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


class _RowLines:
    """The file's lines as the csv reader takes them, keeping those of the current row.

    The reader pulls one physical line at a time, so after each row ``take()`` holds
    exactly the lines that row was parsed from (a multi-line quoted field included).
    """

    def __init__(self, lines: Iterator[str]):
        self._lines, self._row = lines, []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._row.append(line)
        return line

    def take(self) -> list[str]:
        row, self._row = self._row, []
        return row


def _header(reader, source: str) -> list[str] | RecordError:
    try:
        names = next(reader)
    except StopIteration:
        return RecordError(source, "empty file: no header row")
    except csv.Error as e:
        return RecordError(source, f"malformed CSV header: {e}", "line 1")
    # a bad byte spoils one column name, not every row
    return ["".join("\ufffd" if "\udc80" <= c <= "\udcff" else c for c in n) for n in names]


def _shape(value: str) -> str:
    """An id's shape: runs of letters become ``a``, runs of digits ``9`` (``K-012`` -> ``a-9``)."""
    return re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "a", value.strip('"')))


def _swallowed(raw_lines: list[str], ncols: int, id_index: int, delimiter: str) -> int:
    """How many lines after the first of a multi-line row are whole rows of their own.

    Each line is parsed again on its own, quotes taken literally. A line of an article
    that happens to hold commas is not a row: it must split into exactly ``ncols`` fields
    *and* carry, where the id goes, one word of the same shape as the row's own id.
    Every continuation line must pass, or the row is a genuine multi-line field (0).
    """
    parsed = list(csv.reader(raw_lines, delimiter=delimiter, quoting=csv.QUOTE_NONE))
    if len(parsed) < 2 or any(len(fields) != ncols for fields in parsed):
        return 0
    ids = [fields[id_index] for fields in parsed]
    own = _shape(ids[0])
    if not own or any(not v or v != v.strip() or " " in v or _shape(v) != own for v in ids[1:]):
        return 0
    return len(parsed) - 1


def _row(fields: list[str], columns: list[str], source: str, loc: str, raw_lines: list[str],
         first_line: int, id_index: int, delimiter: str) -> dict | RecordError:
    if len(fields) > len(columns):
        return RecordError(source, f"{len(fields)} fields, the header has {len(columns)} "
                           "(an unquoted delimiter?)", loc)
    if len(raw_lines) > 1 and (n := _swallowed(raw_lines, len(columns), id_index, delimiter)):
        last_line = first_line + len(raw_lines) - 1
        return RecordError(source, f"a quoted field runs from line {first_line} to {last_line} "
                           f"and holds {n} lines that look like rows: an unclosed quote?", loc)
    if any("\udc80" <= c <= "\udcff" for v in fields for c in v):
        return RecordError(source, "invalid UTF-8 in this row", loc)
    return dict(zip(columns, [*fields, *[None] * (len(columns) - len(fields))]))


def _open_rows(f, delimiter: str | None) -> tuple[_RowLines, object, str]:
    first = f.readline()
    delimiter = delimiter or detect_delimiter(first)
    lines = _RowLines(itertools.chain([first] if first else [], f))
    return lines, csv.reader(lines, delimiter=delimiter, strict=True), delimiter


def read_csv(path: Path, checker: RecordChecker, id_col: str, text_col: str,
             delimiter: str | None = None) -> Iterator[Article | RecordError]:
    """Every row of a CSV file, in order; ``delimiter=None`` detects it from the header."""
    source = str(path)
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        lines, reader, delimiter = _open_rows(f, delimiter)
        columns = _header(reader, source)
        lines.take()
        if isinstance(columns, RecordError):
            yield columns
            return
        missing = [c for c in (text_col, id_col) if c not in columns]
        if missing:
            # one column holding another candidate delimiter: the wrong delimiter, not names
            hint = (", or the delimiter with --csv-delimiter"
                    if len(columns) == 1 and any(d in columns[0] for d in DELIMITERS) else "")
            yield RecordError(source, f"no column {missing[0]!r} (columns: {', '.join(columns)}); "
                              f"choose one with --text-column / --id-column{hint}")
            return
        yield from _rows(reader, lines, columns, checker, source, (id_col, text_col), delimiter)


def _rows(reader, lines: _RowLines, columns: list[str], checker: RecordChecker, source: str,
          id_text: tuple[str, str], delimiter: str) -> Iterator[Article | RecordError]:
    id_col, text_col = id_text
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
            lines.take()
            continue
        n, loc = n + 1, f"row {n + 1} (line {line + 1})"
        row = _row(fields, columns, source, loc, lines.take(), line + 1, columns.index(id_col), delimiter)
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
    yield from _parquet_rows(pf, checker, source, id_col, text_col)


def _parquet_rows(pf, checker: RecordChecker, source: str, id_col: str, text_col: str
                  ) -> Iterator[Article | RecordError]:
    """Row group by row group: a corrupt one becomes one error naming it and its rows,
    and the groups after it are still read."""
    n = 0
    for group in range(pf.num_row_groups):
        rows = pf.metadata.row_group(group).num_rows
        first, end = n, n + rows
        try:
            for batch in pf.iter_batches(batch_size=512, row_groups=[group]):
                for row in batch.to_pylist():
                    n += 1
                    yield with_extra(checker.check(source, f"row {n}", row.get(id_col),
                                                   row.get(text_col)), row, id_col, text_col)
        except Exception as e:  # a damaged page or column chunk: pyarrow's own errors vary
            yield RecordError(source, f"row group {group} is unreadable ({type(e).__name__}: "
                              f"{str(e)[:200]}); rows {n + 1}-{end} skipped",
                              f"row group {group} (rows {first + 1}-{end})")
        n = end
