"""Helpers shared by the test modules (fixtures live in ``conftest.py``).

Importable as ``helpers`` because ``pyproject.toml`` puts ``tests/`` on pytest's
``pythonpath``; no test module imports another test module.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: the commit hash of the hub caches the tests lay out
COMMIT = hashlib.sha1(b"sorot test commit").hexdigest()


def write_jsonl(path: Path, rows: list) -> Path:
    """Rows as JSON Lines; a row that is already a string is written as it is."""
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def sorot(*args, cwd=None) -> subprocess.CompletedProcess:
    """``python -m sorot ARGS`` in a subprocess, as a user runs it."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "sorot", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=300)


def lay_out_hub_cache(folder: Path, cache: Path, repo_id: str) -> None:
    """models--org--name/{blobs,snapshots/<commit>,refs/main}, files linked to blobs."""
    repo = cache / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / COMMIT
    (repo / "blobs").mkdir(parents=True)
    snapshot.mkdir(parents=True)
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        blob = hashlib.sha256(f.read_bytes()).hexdigest()
        shutil.copy(f, repo / "blobs" / blob)
        link = snapshot / f.relative_to(folder)
        link.parent.mkdir(parents=True, exist_ok=True)
        up = Path(*[".."] * (len(f.relative_to(folder).parts) + 1))  # snapshots/<commit>/[onnx/]file
        link.symlink_to(up / "blobs" / blob)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(COMMIT)


def people(wl, text: str) -> list[tuple[str, str]]:
    """(text, label) of each LEADER and OFFICIAL entity the weak labeler ``wl`` finds."""
    return [(e["text"], e["label"]) for e in wl.label(text)["entities"] if e["label"] != "TOPIC"]
