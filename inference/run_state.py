"""What makes ``sorot predict --resume`` safe: a lock, the run's provenance, and repair.

* :class:`OutputLock` — a kernel lock on ``OUT.lock``; a second run on the same output
  is refused while the first lives, and the lock dies with its holder (``kill -9`` too).
* :func:`check_provenance` — ``OUT.source.json`` records what the output was made from
  (each input's path, size and modification time; the model and its revision). Resuming
  against anything else is refused unless ``--force``.
* :func:`merge_parts` — folds the part files of ``accelerate launch`` ranks into the
  output atomically, each id once, so that a merge interrupted or repeated, or a resume
  with another process count, never writes a record twice.
* :func:`repair_and_read_ids` — cuts a partial last line (what ``kill -9`` leaves), moves
  damaged lines to ``OUT.damaged.jsonl`` naming each line, keeps every good line, and
  returns the ids already done.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
from pathlib import Path

from sorot.inference.sinks import write_atomic, write_text_atomic
from sorot.models.errors import SorotError

log = logging.getLogger(__name__)


class OutputLock:
    """An exclusive lock beside the output (``OUT.lock``), held for the run.

    The lock is the kernel's (``fcntl.flock``) on that file, not the file's existence:
    it is released when its holder ends however it ends (``kill -9`` too), so a lock
    left by a dead run is simply free, two runs that find it so cannot both take it,
    and an empty lock file (a full disk at start) refuses nobody. The file says who
    holds it, for the message."""

    def __init__(self, output: Path) -> None:
        self.path = output.with_name(output.name + ".lock")
        self.held = False
        self._fd: int | None = None

    def _holder(self) -> str:
        try:
            info = json.loads(self.path.read_text())
            return f" (process {info['pid']} on {info['host']})"
        except (OSError, ValueError, KeyError, TypeError):
            return ""

    def _try(self) -> bool:
        """Lock the file now at ``self.path``; ``False`` when another process holds it."""
        import fcntl

        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        try:  # the holder before us may have removed the file as we opened it: lock the new one
            same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            return self._try()
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode())
        self._fd = fd
        return True

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self._try():
            raise SorotError(f"{self.path} is held{self._holder()}: another sorot run is writing "
                             "this output. Wait for it to finish")
        self.held = True
        return self

    def __exit__(self, *exc) -> None:
        if self.held:
            # remove, then release: a run that opened the old file sees it gone and retries
            self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd, self.held = None, False


def fingerprint(path: str | Path) -> dict:
    """Path, size and modification time of an input (for a folder: its .txt files)."""
    p = Path(path)
    if p.is_dir():
        files = [f.stat() for f in p.iterdir() if f.suffix.lower() == ".txt" and f.is_file()]
        return {"path": str(p.resolve()), "files": len(files), "size": sum(s.st_size for s in files),
                "mtime_ns": max((s.st_mtime_ns for s in files), default=0)}
    st = p.stat()
    return {"path": str(p.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


#: The files of a model folder that decide its predictions.
MODEL_CONTENT = ("config.json", "tokenizer.json", "vocab.txt", "tokenizer_config.json",
                 "gazetteer.yaml", "topics.yaml")


def model_fingerprint(folder: Path) -> str:
    """A content hash of what decides a model's predictions: its weights, config,
    tokenizer and resources. A folder retrained in place gets another fingerprint, so a
    ``--resume`` cannot mix the old model's records with the new one's. A hub snapshot
    (``…/snapshots/<commit>``) is named by its commit, which already fixes its content."""
    if folder.parent.name == "snapshots" and len(folder.name) == 40:
        return f"commit:{folder.name}"
    digest = hashlib.blake2b(digest_size=16)
    names = sorted(f.name for f in folder.iterdir() if f.suffix == ".safetensors") + list(MODEL_CONTENT)
    for name in names:
        path = folder / name
        if not path.is_file():
            continue
        digest.update(name.encode() + b"\0")
        with path.open("rb") as f:
            while chunk := f.read(1 << 22):
                digest.update(chunk)
    return digest.hexdigest()


def _provenance_path(output: Path) -> Path:
    return output.with_name(output.name + ".source.json")


def check_provenance(output: Path, made_from: dict, resume: bool, force: bool) -> None:
    """On resume, refuse an output made from another source (``OUT.source.json``);
    writes nothing: :func:`record_provenance` does, once the run has really started, so
    that a refused or failed start changes nothing on disk (a rewritten record of the
    source would let the ``--resume`` that a refusal suggests mix two inputs)."""
    path = _provenance_path(output)
    if not (resume and path.exists()) or force:
        return
    try:
        before = json.loads(path.read_text())
    except ValueError:
        before = None
    if before != made_from:
        raise SorotError(f"{output} was made from {json.dumps(before)}, not from "
                         f"{json.dumps(made_from)}: resuming would mix two runs. Use another "
                         "output, or --force to resume anyway")


def record_provenance(output: Path, made_from: dict) -> None:
    """Write ``OUT.source.json`` (atomically) when it does not already say ``made_from``."""
    path = _provenance_path(output)
    try:
        if json.loads(path.read_text()) == made_from:
            return
    except (OSError, ValueError):
        pass
    write_text_atomic(path, json.dumps(made_from, indent=1) + "\n")


def _line_id(line: bytes) -> str | None:
    try:
        rid = json.loads(line)["id"]
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    return str(rid)


def repair_and_read_ids(path: Path) -> set[str]:
    """The ids in ``path`` after repair (see the module docstring); streams the file."""
    if not path.exists():
        return set()
    with path.open("rb") as f:
        size = f.seek(0, os.SEEK_END)
        keep = 0
        ids, damaged = set(), []
        f.seek(0)
        for n, line in enumerate(f, start=1):
            if not line.endswith(b"\n"):
                break  # a partial last line: cut below
            keep += len(line)
            rid = _line_id(line) if line.strip() else ""
            if rid is None:
                damaged.append((n, line))
            elif rid:
                ids.add(rid)
    if keep < size:
        log.warning("%s: cut a partial last line (%d bytes) left by an interrupted run",
                    path, size - keep)
        with path.open("r+b") as f:
            f.truncate(keep)
            os.fsync(f.fileno())
    if damaged:
        _move_damaged(path, damaged)
    return ids


def _move_damaged(path: Path, damaged: list[tuple[int, bytes]]) -> None:
    bad_numbers = {n for n, _ in damaged}
    aside = path.with_name(path.name.removesuffix(".jsonl") + ".damaged.jsonl")
    with aside.open("ab") as out:
        for n, line in damaged:
            log.warning("%s line %d: not a prediction record; moved to %s, its record will be "
                        "predicted again", path, n, aside)
            out.write(json.dumps({"file": str(path), "line": n,
                                  "content": line.decode("utf-8", "replace")}).encode() + b"\n")
    with path.open("rb") as src:
        write_atomic(path, (line for n, line in enumerate(src, start=1) if n not in bad_numbers))


def part_files(log: Path) -> list[Path]:
    """Every rank's part of ``log`` (``OUT.part-R-of-N.jsonl``), whatever process count
    wrote it: a run killed at 2 processes and resumed at 3 finds the 2 old parts."""
    return sorted(log.parent.glob(f"{glob_escape(log.stem)}.part-*-of-*.jsonl"))


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def merge_parts(log: Path, parts: list[Path]) -> int:
    """Fold ``parts`` into ``log``, each id once (the first copy), atomically.

    The merged file is written beside ``log`` and renamed over it, and only then are the
    parts removed: killed at any point, ``log`` is either the old or the new file and
    the parts still hold whatever the old one lacks, so merging again gives the same
    result (idempotent). Returns the number of records in ``log``.
    """
    if not parts:
        return -1
    seen: set[str] = set()

    def first_copies():
        for src in (log, *parts):
            if not src.exists():
                continue
            with src.open("rb") as f:
                for line in f:
                    rid = _line_id(line)
                    if rid is None or rid in seen:
                        continue  # a duplicate, or damage already reported by repair
                    seen.add(rid)
                    yield line if line.endswith(b"\n") else line + b"\n"

    write_atomic(log, first_copies())
    for part in parts:
        part.unlink(missing_ok=True)
    return len(seen)


def concat_parts(into: Path, parts: list[Path]) -> None:
    """``into`` becomes the concatenation of ``parts`` (this run's error records), atomically."""
    present = [p for p in parts if p.exists()]
    if not present:
        return
    write_atomic(into, (p.read_bytes() for p in present))
    for part in present:
        part.unlink(missing_ok=True)
