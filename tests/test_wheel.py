"""The built wheel, installed (not editable) in a fresh virtual environment, used from a
project folder that has its own `models/`, `training/`, `inference/` packages and an
`inference.py`, as most ML projects do.

The venv sees the packages of the interpreter running the tests (torch, transformers…)
through a ``.pth`` file naming that interpreter's site-packages, so that nothing is
downloaded. ``--system-site-packages`` would not do: from inside a virtual environment
it reaches the *base* interpreter's packages, not the running venv's. A path line in a
``.pth`` file does not run the ``.pth`` files of the folder it names, so the checkout's
editable install stays out. The wheel goes into the venv itself, which comes first on
its path, and each test checks that sorot is imported from there and not from this checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina. Kyiv membantah."
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy of the tracked files: a stale build/ in the checkout could
    otherwise slip modules that no longer exist into the wheel."""
    src, out = tmp_path_factory.mktemp("src") / "sorot", tmp_path_factory.mktemp("dist")
    tracked = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.splitlines()
    for name in tracked:
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "-q", "-w", str(out), str(src)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    (whl,) = out.glob("sorot-*.whl")
    return whl


@pytest.fixture(scope="module")
def env(wheel, tmp_path_factory) -> dict:
    """A venv with the wheel, and a user project full of same-named packages."""
    home = tmp_path_factory.mktemp("wheel-env")
    venv.create(home / "venv", system_site_packages=False, with_pip=False)
    bin_dir = home / "venv" / "bin"
    _see_running_packages(bin_dir / "python")
    r = subprocess.run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install",
                        "-q", "--no-deps", str(wheel)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    project = home / "project"
    for pkg in ("models", "training", "inference"):
        (project / pkg).mkdir(parents=True)
        (project / pkg / "__init__.py").write_text(f"WHO = 'the user project {pkg}'\n")
    (project / "inference.py").write_text("def model_fn(model_dir):\n    return None\n")
    (project / "models" / "schema.py").write_text("LABELS = ['cat', 'dog']\n")
    return {"python": str(bin_dir / "python"), "sorot": str(bin_dir / "sorot"), "project": project,
            "site": str(home / "venv")}


def _see_running_packages(python: Path) -> None:
    """Put the running interpreter's site-packages after the new venv's own."""
    own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    running = [p for p in (*site.getsitepackages(), site.getusersitepackages()) if Path(p).is_dir()]
    Path(own, "_running_interpreter.pth").write_text("".join(f"{p}\n" for p in running))


def run(env: dict, *cmd, stdin: str | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in cmd], cwd=env["project"], capture_output=True, text=True,
                          input=stdin, timeout=600, env={**clean, "PYTHONUNBUFFERED": "1"})


def test_the_wheel_holds_one_top_level_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"sorot"}
    for expected in ("sorot/cli.py", "sorot/models/modeling.py", "sorot/inference/predictor.py",
                     "sorot/training/weak/labeler.py", "sorot/data/gazetteer.yaml",
                     "sorot/data/samples/gold.jsonl", "sorot/training/configs/indobert-base.yaml"):
        assert expected in names


def test_sorot_is_imported_from_the_venv_not_the_checkout(env):
    r = run(env, env["python"], "-c", "import sorot, models, inference; "
            "print(sorot.__file__); print(models.WHO); print(inference.__file__)")
    assert r.returncode == 0, r.stderr
    where, who, user_inference = r.stdout.splitlines()
    assert where.startswith(env["site"]) and not where.startswith(str(ROOT))
    assert who == "the user project models"
    assert user_inference.startswith(str(env["project"]))


def test_help_and_weak_label_in_a_project_with_clashing_names(env):
    r = run(env, env["sorot"], "--help")
    assert r.returncode == 0 and "weak-label" in r.stdout, r.stderr
    r = run(env, env["sorot"], "weak-label", "-", "-o", "-",
            stdin=json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    assert r.returncode == 0, r.stderr
    pred = json.loads(r.stdout)
    assert [(e["text"], e["label"]) for e in pred["entities"]] == [
        ("Vladimir Putin", "LEADER"), ("gencatan senjata", "TOPIC")]


def test_predict_and_the_python_api_with_a_tiny_model(env, trained, tmp_path):
    model = trained[1]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    r = run(env, env["sorot"], "predict", "--model", model, src, "-o", tmp_path / "out.jsonl")
    assert r.returncode == 0, r.stderr
    (row,) = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert row["id"] == "a" and set(row["scores"]) == {"russia_ukraine", "israel_iran", "gaza"}
    code = ("from sorot import Predictor\nimport sorot\n"
            f"p = Predictor.from_pretrained({str(model)!r}, device='cpu')\n"
            f"out = p.predict({ARTICLE!r})\n"
            "print(sorot.__file__)\nprint(sorted(out))")
    r = run(env, env["python"], "-c", code)
    assert r.returncode == 0, r.stderr
    where, keys = r.stdout.splitlines()
    assert where.startswith(env["site"])
    assert keys == "['entities', 'labels', 'primary', 'scores', 'text']"


def test_demo_runs_on_the_embedded_data_alone(env):
    """The main job, from the wheel, in a folder with no ../shared corpus beside it."""
    r = run(env, env["sorot"], "demo", "--epochs", "1", "-o", "runs/demo")
    assert r.returncode == 0, r.stderr
    assert "samples/articles.jsonl; score on" in r.stdout and "shared" not in r.stdout.split("\n")[0]
    assert (env["project"] / "runs" / "demo" / "tiny" / "model" / "model.safetensors").exists()


@pytest.fixture(scope="module")
def core_onnx(wheel, tmp_path_factory) -> dict:
    """A real venv with the wheel installed the way a CPU server installs it: the pinned CPU
    torch first, then ``sorot[onnx]`` with its dependencies resolved by pip. No [train]."""
    home = tmp_path_factory.mktemp("core-onnx")
    venv.create(home / "venv", with_pip=True)
    py = str(home / "venv" / "bin" / "python")
    for args in (["torch==2.13.0"], [f"sorot[onnx] @ {wheel.as_uri()}"]):
        r = subprocess.run([py, "-m", "pip", "install", "-q", *args], capture_output=True, text=True, timeout=900)
        assert r.returncode == 0, r.stderr[-3000:]
    project = home / "project"
    project.mkdir()
    return {"python": py, "sorot": str(home / "venv" / "bin" / "sorot"), "project": project,
            "site": str(home / "venv")}


def test_core_plus_onnx_predicts_on_onnx_and_names_the_missing_train_extra(core_onnx, exported, tmp_path):
    r = run(core_onnx, core_onnx["python"], "-c", "import importlib.util as u; print(sorted(m for m in "
            "('datasets', 'seqeval', 'evaluate', 'matplotlib', 'wordfreq', 'scipy') if u.find_spec(m)))")
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stderr + r.stdout  # no [train] in the core
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    for flags in (["--backend", "onnx"], ["--quantize", "int8"]):
        r = run(core_onnx, core_onnx["sorot"], "predict", "--model", exported, src, "-o",
                tmp_path / f"{flags[-1]}.jsonl", *flags)
        assert r.returncode == 0, r.stderr
        (row,) = [json.loads(x) for x in (tmp_path / f"{flags[-1]}.jsonl").read_text().splitlines()]
        assert row["id"] == "a" and row["labels"]
    for cmd in (["train", "--output-dir", "x"], ["weak-label", "-", "-o", "-"]):
        r = run(core_onnx, core_onnx["sorot"], *cmd, stdin="")
        assert r.returncode != 0
        assert r.stderr.strip().endswith('pip install "sorot[train]"'), r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
