"""Where the data is: the shared real corpus, and paths typed into a notebook.

Used by the demo, the notebooks, the benchmarks and the tests, so that each finds
``../shared/corpus`` (or ``$SOROT_CORPUS``) the same way, and a relative path means
what the user meant wherever Jupyter started the kernel.
"""

from __future__ import annotations

import os
from pathlib import Path

from sorot.inference.text.resources import data_path


def shared_corpus() -> Path | None:
    """The shared real corpus folder, if there is one (``$SOROT_CORPUS`` or ``../shared/corpus``)."""
    candidates = [os.environ.get("SOROT_CORPUS"), "../shared/corpus",
                  Path(__file__).resolve().parents[2] / "shared" / "corpus"]
    for c in candidates:
        if c and (Path(c) / "dev.jsonl").exists():
            return Path(c)
    return None


def _roots() -> list[Path]:
    """Where a relative path typed by the user can start: the folder Jupyter was launched
    from (``$PWD``, which kernels inherit), the folder above ``notebooks/`` (Jupyter
    starts a kernel in the notebook's own folder), and the current folder."""
    cwd = Path.cwd()
    roots = [Path(os.environ["PWD"])] if os.environ.get("PWD") else []
    roots += [cwd.parent] if cwd.name == "notebooks" else []
    return [*roots, cwd]


def resolve_user_path(name: str | Path) -> Path | None:
    """``name`` as an existing path, absolute or from one of :func:`_roots`, else ``None``."""
    path = Path(name).expanduser()
    candidates = [path] if path.is_absolute() else [r / path for r in _roots()]
    return next((c.resolve() for c in candidates if c.exists()), None)


def notebook_inputs(default_model: str = "runs/demo/tiny/model") -> tuple[Path, str]:
    """``(GOLD, MODEL)`` for the notebooks: ``$SOROT_GOLD`` or the shared dev set or the
    shipped samples; ``$SOROT_MODEL`` (a folder, resolved as a user means it, or a hub id)."""
    corpus = shared_corpus() or next((c for r in _roots() if (c := r.parent / "shared" / "corpus").is_dir()), None)
    gold_env = os.environ.get("SOROT_GOLD")
    gold = (resolve_user_path(gold_env) or Path(gold_env)) if gold_env else (
        corpus / "dev.jsonl" if corpus else data_path("samples/gold.jsonl"))
    model = os.environ.get("SOROT_MODEL") or default_model
    local = resolve_user_path(model)
    return gold, str(local) if local else model
