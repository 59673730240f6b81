"""The notebooks run top to bottom against the tiny model, and are stored without outputs."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("*.ipynb"))


def test_three_notebooks_stored_without_outputs():
    assert [p.name for p in NOTEBOOKS] == ["01_data.ipynb", "02_errors.ipynb", "03_quickstart.ipynb"]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") and c.get("execution_count") is None
                   for c in nb.cells if c.cell_type == "code"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, trained, monkeypatch):
    monkeypatch.setenv("SOROT_MODEL", str(trained[1]))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert os.environ["SOROT_MODEL"] in "".join(
        o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.parametrize("launched_from", ["repository root ($PWD)", "unknown"])
@pytest.mark.parametrize("name", ["02_errors.ipynb", "03_quickstart.ipynb"])
def test_notebooks_as_the_readme_launches_them(tmp_path, trained, monkeypatch, name, launched_from):
    """`SOROT_MODEL=runs/demo/tiny/model jupyter lab notebooks/`: Jupyter starts the kernel in
    notebooks/, where that relative path does not exist; it counts from the launch folder
    ($PWD, inherited by kernels) or, when that is unknown, from the repository."""
    import shutil

    project = tmp_path / "project"
    (project / "notebooks").mkdir(parents=True)
    shutil.copy(Path(__file__).parents[1] / "notebooks" / name, project / "notebooks" / name)
    (project / "runs" / "demo" / "tiny").mkdir(parents=True)
    shutil.copytree(trained[1], project / "runs" / "demo" / "tiny" / "model")
    monkeypatch.setenv("SOROT_MODEL", "runs/demo/tiny/model")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    if launched_from == "unknown":
        monkeypatch.delenv("PWD", raising=False)
    else:
        monkeypatch.setenv("PWD", str(project))
    nb = nbformat.read(project / "notebooks" / name, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(project / "notebooks")}}).execute()
    outputs = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"] == []
    assert f"model: {(project / 'runs/demo/tiny/model').resolve()}" in outputs
