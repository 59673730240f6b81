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
import sys
from pathlib import Path

log = logging.getLogger(__name__)

#: The output name that means standard output, as in most Unix tools.
STDOUT = "-"


class JsonlSink:
    """Appends one JSON object a line; ``fsync`` on close. ``stream`` writes to an open
    text stream instead of ``path`` (``sys.stdout`` for ``-o -``), which it never closes."""

    def __init__(self, path: str | Path, mode: str = "w", stream=None) -> None:
        self.path = Path(path)
        self.mode = mode
        self.count = 0
        self.stream = stream
        self._f = stream

    def _open(self):
        if self._f is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._f = self.path.open(self.mode, encoding="utf-8")
        return self._f

    def write(self, obj: dict) -> None:
        f = self._open()
        f.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.count += 1

    def sync(self) -> None:
        """Flush and ``fsync``: what was written survives a crash or ``kill -9``."""
        if self._f is not None:
            self._f.flush()
            if self.stream is None:  # a pipe or terminal cannot be fsync-ed
                os.fsync(self._f.fileno())

    def close(self) -> None:
        if self._f is not None:
            self.sync()
            if self.stream is None:
                self._f.close()
            self._f = None

    def __enter__(self) -> JsonlSink:
        if self.mode == "w":
            self._open()
        return self

    @property
    def name(self) -> str:
        return "<stdout>" if self.stream is sys.stdout else (
            "<stderr>" if self.stream is sys.stderr else str(self.path))

    def __exit__(self, *exc) -> None:
        self.close()


class ErrorSink(JsonlSink):
    """A :class:`JsonlSink` that creates its file only when the first error comes."""

    def __enter__(self) -> ErrorSink:
        if self.stream is None and self.path.exists() and self.mode == "w":
            self.path.unlink()  # a stale errors file from an earlier run would mislead
        return self


def errors_path_for(out: str | Path) -> Path:
    """``OUT.errors.jsonl`` beside an output file ``OUT.jsonl``."""
    out = Path(out)
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return out.with_name(f"{stem}.errors.jsonl")


def output_sink(out: str | Path, mode: str = "w") -> JsonlSink:
    """The sink for ``-o OUT``: a file, or standard output for ``-``."""
    return JsonlSink(out, mode, stream=sys.stdout if str(out) == STDOUT else None)


def error_sink(out: str | Path, errors: str | Path | None = None, mode: str = "w") -> ErrorSink:
    """Where bad records of a run writing ``out`` go: ``errors`` if given, else
    ``OUT.errors.jsonl``; standard error (as JSON lines) when ``out`` is standard output."""
    if errors is not None:
        return ErrorSink(errors, mode, stream=sys.stderr if str(errors) == STDOUT else None)
    if str(out) == STDOUT:
        return ErrorSink("<stderr>", mode, stream=sys.stderr)
    return ErrorSink(errors_path_for(out), mode)


def process_corpus(records, fn, out: str | Path, *, desc: str = "articles",
                   progress: bool | None = None) -> tuple[int, int, str]:
    """Apply ``fn(article) -> dict`` to each record and write the results to ``out``.

    ``records`` yields :class:`~inference.readers.Article` or
    :class:`~inference.readers.RecordError`; errors, and records that ``fn`` rejects
    with ``ValueError``, go to ``OUT.errors.jsonl`` and the run goes on.
    Returns ``(written, errors, where the errors went)``.
    """
    from tqdm.auto import tqdm

    from sorot.inference.readers import RecordError

    with output_sink(out) as sink, error_sink(out) as errors:
        # disable=None: a bar on a terminal, none in logs and CI.
        for rec in tqdm(records, desc=desc, unit=" docs",
                        disable=None if progress is None else not progress):
            if isinstance(rec, RecordError):
                errors.write(rec.to_dict())
                continue
            try:
                sink.write(fn(rec))
            except ValueError as e:
                errors.write(RecordError(rec.source, str(e), id=rec.id).to_dict())
        return sink.count, errors.count, errors.name
