"""The GPU check script, at its CPU smoke size: it must keep working for the day a GPU
is lent (train an IndoBERT-shaped hub folder, predict, benchmark, print the figures)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "gpu_check.py"


@pytest.mark.slow
def test_gpu_check_smoke_prints_every_figure():
    r = subprocess.run([sys.executable, str(SCRIPT), "--smoke"], capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    assert re.search(r"^train: 3 steps in [\d.]+ s, precision fp32, [\d.]+ samples/s, [\d,]+ tokens/s, "
                     r"peak GPU memory 0\.00 GiB$", r.stdout, re.M), r.stdout
    assert re.search(r"^predict: [\d.]+ docs/s over 16 documents", r.stdout, re.M)
    assert re.search(r"^\s+sorot:\s+[\d.]+ docs/s", r.stdout, re.M)
