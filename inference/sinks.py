"""Output files of corpus runs: JSON Lines written as records arrive, and an errors file.

``sync()`` flushes and fsyncs (the batch script calls it after every batch), so an
interrupted run leaves at most one partial line behind; the errors file is created
only when the first bad record arrives.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with JsonlSink(d / "out.jsonl") as out, ErrorSink(d / "out.errors.jsonl") as errors:
...     out.write({"id": "a"}); errors.write({"id": "b", "reason": "empty text"})
>>> (d / "out.jsonl").read_text(), errors.count
('{"id": "a"}\\n', 1)
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

#: The output name that means standard output, as in most Unix tools.
STDOUT = "-"


class UnwritableRecord(ValueError):
    """A record that cannot be written as UTF-8 JSON (a lone surrogate in some field)."""


def json_line(obj: dict) -> str:
    """One JSON line, checked to be valid UTF-8 before anything is written."""
    line = json.dumps(obj, ensure_ascii=False) + "\n"
    try:
        line.encode("utf-8")
    except UnicodeEncodeError as e:
        raise UnwritableRecord(f"a field holds a lone surrogate ({line[e.start]!a}): not valid "
                               "Unicode") from None
    return line


class JsonlSink:
    """Appends one JSON object a line; ``fsync`` on close. ``stream`` writes to an open
    text stream instead of ``path`` (``sys.stdout`` for ``-o -``), which it never closes.

    ``atomic=True`` (mode ``w``) writes to a hidden partial file beside ``path`` and
    renames it over ``path`` only when the sink closes without an error, so an earlier
    output survives a failed run whole."""

    def __init__(self, path: str | Path, mode: str = "w", stream=None, atomic: bool = False) -> None:
        self.path = Path(path)
        self.mode = mode
        self.count = 0
        self.stream = stream
        self._f = stream
        # a device or a pipe (/dev/full, a FIFO) is written as it is: it cannot be renamed over
        self.atomic = (atomic and stream is None and mode == "w"
                       and (not self.path.exists() or self.path.is_file()))
        # one partial file per run: two runs never write into one file, whatever else happens
        self._target = (self.path.with_name(f".{self.path.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")
                        if self.atomic else self.path)

    def _open(self):
        if self._f is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._f = self._target.open(self.mode, encoding="utf-8")
        return self._f

    def write(self, obj: dict) -> None:
        self.write_line(json_line(obj))  # json_line raises before writing: never half a record

    def write_line(self, line: str) -> None:
        """One line already encoded by :func:`json_line` (in a decode process)."""
        self._open().write(line)
        self.count += 1

    def sync(self) -> None:
        """Flush and ``fsync``: what was written survives a crash or ``kill -9``."""
        if self._f is not None:
            self._f.flush()
            if self.stream is None:  # a pipe or terminal cannot be fsync-ed
                os.fsync(self._f.fileno())

    def abandon(self) -> None:
        """On close, discard what an atomic sink wrote (a run that produced nothing)."""
        self._abandoned = True

    def close(self, failed: bool = False) -> None:
        failed = failed or getattr(self, "_abandoned", False)
        if self._f is not None:
            self.sync()
            if self.stream is None:
                self._f.close()
            self._f = None
        if self.atomic and self._target.exists():
            if failed:
                self._target.unlink()
            else:
                os.replace(self._target, self.path)

    def __enter__(self) -> JsonlSink:
        if self.mode == "w":
            self._open()
        return self

    @property
    def name(self) -> str:
        return "<stdout>" if self.stream is sys.stdout else (
            "<stderr>" if self.stream is sys.stderr else str(self.path))

    def __exit__(self, exc_type, *exc) -> None:
        self.close(failed=exc_type is not None)


class ErrorSink(JsonlSink):
    """A :class:`JsonlSink` that creates its file only when the first error comes, and
    remembers that first error (``first``) for a run that fails on it."""

    first: str | None = None

    def write(self, obj: dict) -> None:
        if self.first is None:
            where = ":".join(str(obj[k]) for k in ("source", "location") if obj.get(k))
            rid = f" (id {obj['id']!r})" if obj.get("id") is not None else ""
            self.first = f"{where}{rid}: {obj.get('reason', '')}"
        try:
            super().write(obj)
        except UnwritableRecord:  # the bad record's own fields: escape them, keep the error
            from sorot.inference.text.article import printable

            super().write(_escaped(obj, printable))

    def __enter__(self) -> ErrorSink:
        if self.stream is None and self.path.exists() and self.mode == "w":
            self.path.unlink()  # a stale errors file from an earlier run would mislead
        return self


def _escaped(obj, printable):
    if isinstance(obj, str):
        return printable(obj)
    if isinstance(obj, dict):
        return {printable(str(k)): _escaped(v, printable) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_escaped(v, printable) for v in obj]
    return obj


def errors_path_for(out: str | Path) -> Path:
    """``OUT.errors.jsonl`` beside ``OUT.jsonl``; ``OUT.csv.errors.jsonl`` beside ``OUT.csv``
    (and so for Parquet), so that runs in different formats never share one errors file.

    >>> errors_path_for("runs/p.jsonl").name, errors_path_for("runs/p.csv").name
    ('p.errors.jsonl', 'p.csv.errors.jsonl')
    """
    out = Path(out)
    stem = out.name[: -len(out.suffix)] if out.suffix == ".jsonl" else out.name
    return out.with_name(f"{stem}.errors.jsonl")


def run_failure(done: int, failed: int, where: str, max_error_rate: float | None,
                first: str | None = None) -> str | None:
    """Why a corpus run counts as failed, or ``None``: nothing succeeded, or the share of
    failed records passed ``max_error_rate``. ``first`` is the first bad record's reason,
    shown when nothing succeeded (it is usually every record's).

    >>> run_failure(0, 3, "e.jsonl", None, "a.csv: no column 'text'"), run_failure(9, 1, "e.jsonl", 0.2)
    ("no record could be processed (the first: a.csv: no column 'text'); see e.jsonl", None)
    """
    attempted = done + failed
    if failed and not done:
        first = f" (the first: {first})" if first else ""
        return f"no record could be processed{first}; see {where}"
    if max_error_rate is not None and attempted and failed / attempted > max_error_rate:
        return (f"{failed} of {attempted} records failed ({failed / attempted:.1%}), over "
                f"--max-error-rate {max_error_rate}; see {where}")
    return None


def output_sink(out: str | Path, mode: str = "w", atomic: bool = False) -> JsonlSink:
    """The sink for ``-o OUT``: a file, or standard output for ``-``."""
    return JsonlSink(out, mode, stream=sys.stdout if str(out) == STDOUT else None, atomic=atomic)


def write_atomic(path: str | Path, chunks) -> None:
    """Write the byte ``chunks`` beside ``path``, ``fsync`` them and rename over ``path``:
    killed at any point, ``path`` is the old file or the new one, never half of either.
    The chunks may be read from ``path`` itself (a rewrite that drops some lines)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("wb") as f:
        for chunk in chunks:
            f.write(chunk)
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` under a temporary name and rename it over ``path``."""
    write_atomic(path, [text.encode("utf-8")])


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file: the same path, a hard link or a symbolic link."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist (yet): compare where they would resolve
        return Path(a).resolve() == Path(b).resolve()


def refuse_overwriting_inputs(inputs: list, outputs: list) -> None:
    """Raise before anything is opened for writing when an output would overwrite an input."""
    from sorot.models.errors import SorotError

    for i in inputs:
        if str(i) == STDOUT or not Path(i).exists():
            continue
        for o in outputs:
            if o is None or str(o) == STDOUT:
                continue
            if same_file(i, o):
                raise SorotError(f"the output {o} is the input {i}: writing it would destroy the "
                                 "input; choose another output path")
            if _read_back(Path(i), Path(o)):
                raise SorotError(f"the output {o} is inside the input folder {i}, whose files are "
                                 "read as input: this run or the next would read it back; write "
                                 "it outside that folder")


def _read_back(input: Path, output: Path) -> bool:
    """Whether ``output`` lies where reading the folder ``input`` would pick it up: a
    ``.txt`` file directly in it (a ``.txt`` folder), a file of a known format in it (a
    folder of files, as the Ray engine reads it), or the folder itself (a Ray output
    folder that is its input folder)."""
    from sorot.inference.text.readers import SUFFIXES

    if not input.is_dir():
        return False
    root, out = input.resolve(), output.resolve()
    return out == root or (out.parent == root and out.suffix.lower() in SUFFIXES)


def error_sink(out: str | Path, errors: str | Path | None = None, mode: str = "w") -> ErrorSink:
    """Where bad records of a run writing ``out`` go: ``errors`` if given, else
    ``OUT.errors.jsonl``; standard error (as JSON lines) when ``out`` is standard output."""
    if errors is not None:
        return ErrorSink(errors, mode, stream=sys.stderr if str(errors) == STDOUT else None)
    if str(out) == STDOUT:
        return ErrorSink("<stderr>", mode, stream=sys.stderr)
    return ErrorSink(errors_path_for(out), mode)


@contextmanager
def _lock_output(out: str | Path):
    """The lock ``sorot predict`` takes, for a file output: a second run on the same output
    is refused; partial files that killed runs left beside it are removed."""
    path = Path(out)
    if str(out) == STDOUT or (path.exists() and not path.is_file()):
        yield  # standard output, a device or a pipe: nothing to lock
        return
    from sorot.inference.run_state import OutputLock, glob_escape

    with OutputLock(path):
        for stale in path.parent.glob(f".{glob_escape(path.name)}.*.partial"):
            stale.unlink(missing_ok=True)
        yield


def process_corpus(records, fn, out: str | Path, *, desc: str = "articles",
                   progress: bool | None = None) -> tuple[int, int, str]:
    """Apply ``fn(article) -> dict`` to each record and write the results to ``out``.

    ``records`` yields :class:`~sorot.inference.text.article.Article` or
    :class:`~sorot.inference.text.article.RecordError`; errors, and records that ``fn`` rejects
    with ``ValueError``, go to ``OUT.errors.jsonl`` and the run goes on.
    Returns ``(written, errors, where the errors went, the first error)``.
    """
    from tqdm.auto import tqdm

    from sorot.inference.text.article import RecordError

    with _lock_output(out), output_sink(out, atomic=True) as sink, error_sink(out) as errors:
        # disable=None: a bar on a terminal, none in logs and CI.
        for rec in tqdm(records, desc=desc, unit=" docs",
                        disable=None if progress is None else not progress):
            if isinstance(rec, RecordError):
                errors.write(rec.to_dict())
                continue
            try:
                sink.write(fn(rec))
            except Exception as e:  # one record's failure never ends the run
                if isinstance(e, OSError):  # a full disk or a lost folder ends it for all
                    raise
                reason = str(e) if isinstance(e, ValueError) else f"{type(e).__name__}: {e}"
                errors.write(RecordError(rec.source, reason, id=rec.id).to_dict())
        if not sink.count and errors.count:
            sink.abandon()  # no empty output over an earlier one; the errors file says why
        return sink.count, errors.count, errors.name, errors.first
