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
import os
from pathlib import Path


class JsonlSink:
    """Appends one JSON object a line; ``fsync`` on close."""

    def __init__(self, path: str | Path, mode: str = "w") -> None:
        self.path = Path(path)
        self.mode = mode
        self.count = 0
        self._f = None

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
            os.fsync(self._f.fileno())

    def close(self) -> None:
        if self._f is not None:
            self.sync()
            self._f.close()
            self._f = None

    def __enter__(self) -> JsonlSink:
        if self.mode == "w":
            self._open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ErrorSink(JsonlSink):
    """A :class:`JsonlSink` that creates its file only when the first error comes."""

    def __enter__(self) -> ErrorSink:
        if self.path.exists() and self.mode == "w":
            self.path.unlink()  # a stale errors file from an earlier run would mislead
        return self


def errors_path_for(out: str | Path) -> Path:
    """``OUT.errors.jsonl`` beside an output file ``OUT.jsonl``."""
    out = Path(out)
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return out.with_name(f"{stem}.errors.jsonl")


def process_corpus(records, fn, out: str | Path, *, desc: str = "articles",
                   progress: bool | None = None) -> tuple[int, int, Path]:
    """Apply ``fn(article) -> dict`` to each record and write the results to ``out``.

    ``records`` yields :class:`~inference.readers.Article` or
    :class:`~inference.readers.RecordError`; errors, and records that ``fn`` rejects
    with ``ValueError``, go to ``OUT.errors.jsonl`` and the run goes on.
    Returns ``(written, errors, errors_path)``.
    """
    from tqdm.auto import tqdm

    from inference.readers import RecordError

    errors_path = errors_path_for(out)
    with JsonlSink(out) as sink, ErrorSink(errors_path) as errors:
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
        return sink.count, errors.count, errors_path
