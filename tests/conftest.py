"""Shared fixtures. Fixture texts are sentences written for this project."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from training.demo import shared_corpus  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared real corpus; tests that need it skip when it is absent."""
    path = shared_corpus()
    if path is None:
        pytest.skip("../shared/corpus is not present")
    return path


@pytest.fixture(scope="session")
def labeler():
    from training.weak.labeler import WeakLabeler

    return WeakLabeler.load()


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in rows),
                    encoding="utf-8")
    return path
