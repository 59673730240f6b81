"""One import package, `sorot`: its layout, what each part may import, and the public API.

These run in subprocesses where what is imported matters, so that this test
session's own imports cannot hide a heavy or wrong import.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERIC = {"models", "training", "inference", "sorot_data", "data"}
FIXTURE_MODEL = Path(__file__).parent / "fixtures" / "model-0.1.0"


def python(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return "\n".join(line for block in code for line in block.splitlines()
                     if not line.lstrip().startswith(("%", "!")))


def test_no_module_imports_a_bare_generic_package():
    offenders = []
    for folder in ("models", "inference", "training", "sorot", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            bad = _imported_roots(path) & GENERIC
            offenders += [f"{path.relative_to(ROOT)}: import {b}" for b in sorted(bad)]
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        tree = ast.parse(_notebook_code(nb))
        roots = {n.module.split(".")[0] for n in ast.walk(tree)
                 if isinstance(n, ast.ImportFrom) and n.module}
        offenders += [f"{nb.name}: import {b}" for b in sorted(roots & GENERIC)]
    assert offenders == []


def test_layers_import_one_way():
    """training -> inference -> models: models imports neither, inference never training."""
    def roots_of(folder: str) -> set[str]:
        subs = set()
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            subs |= {n.module.split(".")[1] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                     and n.module and n.module.startswith("sorot.") and n.module.count(".") >= 1}
            subs |= {a.name.split(".")[1] for n in ast.walk(tree) if isinstance(n, ast.Import)
                     for a in n.names if a.name.startswith("sorot.")}
        return subs

    assert roots_of("models") <= {"models"}
    assert roots_of("inference") <= {"inference", "models"}


#: what the text layer may import besides the standard library: itself, the schema and the
#: errors, YAML for its data files, pyarrow for Parquet input and wordfreq for the real
#: words a typing slip must not eat (all torch-free)
TEXT_LAYER_MAY_IMPORT = {"sorot.inference.text", "sorot.models.schema", "sorot.models.errors", "yaml",
                         "pyarrow", "wordfreq"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0 and n.module}
    return names


def test_the_text_layer_imports_only_itself_the_schema_and_the_standard_library():
    allowed = TEXT_LAYER_MAY_IMPORT
    offenders = []
    for path in sorted((ROOT / "inference" / "text").glob("*.py")):
        for name in _imports(path):
            ok = name.split(".")[0] in sys.stdlib_module_names or name == "__future__" or any(
                name == a or name.startswith(a + ".") for a in allowed)
            if not ok:
                offenders.append(f"{path.name}: {name}")
    assert offenders == []
    assert len(list((ROOT / "inference" / "text").glob("*.py"))) >= 12  # __init__ and 11 modules


def test_text_layer_and_weak_labeler_load_no_torch_or_transformers():
    r = python("import sys, pkgutil, importlib\n"
               "import sorot.inference.text as text\n"
               "names = [m.name for m in pkgutil.iter_modules(text.__path__, 'sorot.inference.text.')]\n"
               "mods = [importlib.import_module(name) for name in names]\n"
               "import sorot.inference.sinks, sorot.training.weak.labeler, sorot.models.schema\n"
               "from sorot.training.weak.labeler import WeakLabeler\n"
               "WeakLabeler.load().label('Presiden Joko Widodo tiba di Kyiv.')\n"
               "print(len(mods), sorted(m for m in ('torch', 'transformers') if m in sys.modules))")
    assert r.returncode == 0, r.stderr
    n, heavy = r.stdout.strip().split(" ", 1)
    assert int(n) >= 11 and heavy == "[]"


def test_import_sorot_and_help_load_no_torch():
    r = python("import sys, sorot\nfrom sorot.cli import build_parser\nbuild_parser().format_help()\n"
               "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules), sorot.__version__)")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split()[0] == "[]"


def test_sorot_training_has_a_lazy_public_face():
    r = python("import sys, sorot.training as t\n"
               "heavy = sorted(m for m in ('torch', 'transformers', 'datasets') if m in sys.modules)\n"
               "print(heavy, t.run_training.__module__, t.DataArguments.__module__, t.WeakLabeler.__name__)")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["[]", "sorot.training.run", "sorot.training.arguments", "WeakLabeler"]


def test_the_documented_import_registers_the_auto_classes():
    """README: `from sorot import SorotModel` registers the model type; `from sorot import
    Predictor` imports no torch (the ONNX backend runs without it)."""
    code = ("import sys\nfrom sorot import Predictor\n"
            "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
            "from transformers import AutoConfig\n"
            "try:\n    AutoConfig.for_model('sorot')\nexcept ValueError:\n    print('unregistered')\n"
            "from sorot import SorotModel\n"
            "print(type(AutoConfig.for_model('sorot')).__module__)")
    r = python(code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["[]", "unregistered", "sorot.models.configuration"]


def test_public_api_names_resolve():
    import sorot

    assert sorot.Predictor.__module__ == "sorot.inference.predictor"
    assert sorot.SorotModel.config_class is sorot.SorotConfig
    assert sorot.ARTICLE_LABELS == ("russia_ukraine", "israel_iran", "gaza")
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        sorot.Nope  # noqa: B018


def test_a_model_saved_before_the_sorot_package_still_loads(tmp_path):
    """tests/fixtures/model-0.1.0 was saved by sorot 0.1.0, when the code was importable as
    `models`: a saved config names a model_type, never an import path."""
    config = json.loads((FIXTURE_MODEL / "config.json").read_text())
    assert config["sorot_version"] == "0.1.0" and "auto_map" not in config
    r = python(f"from sorot import Predictor\np = Predictor.from_pretrained({str(FIXTURE_MODEL)!r})\n"
               "out = p.predict('Presiden Rusia Vladimir Putin tiba di Kyiv.')\n"
               "print(sorted(out), type(p.model).__module__)", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("]")[1].strip() == "sorot.models.modeling"
    assert r.stdout.split(']')[0] + ']' == "['entities', 'labels', 'primary', 'scores', 'text']"


def test_saved_config_holds_no_import_path(tmp_path):
    from sorot.models import SorotModel

    model = SorotModel.from_pretrained(FIXTURE_MODEL)
    model.save_pretrained(tmp_path)
    text = (tmp_path / "config.json").read_text()
    assert "auto_map" not in text and "sorot.models" not in text and '"model_type": "sorot"' in text


def _floors_in_pyproject() -> dict[str, str]:
    import re

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    extras = meta["project"]["optional-dependencies"]
    specs = [*meta["project"]["dependencies"], *meta["build-system"]["requires"],
             *(spec for name in ("train", "onnx", "spacy") for spec in extras[name])]
    floors = {}
    for spec in specs:
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?>=([0-9][0-9.]*)", spec.replace(" ", ""))
        if m:
            floors[m.group(1).lower().replace("-", "_")] = m.group(2)
    return floors


def test_the_checked_floors_are_the_declared_floors():
    """.ci/check-floors installs .ci/floors.txt: it must be what pyproject.toml promises."""
    checked = {}
    for line in (ROOT / ".ci" / "floors.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            checked[name.lower().replace("-", "_")] = version
    declared = _floors_in_pyproject()
    assert "torch" in declared  # declared, but not checkable here (.ci/floors.txt says why)
    untested = set(declared) - set(checked) - {"torch", "wheel"}
    assert not untested, f"floors declared but never installed by .ci/check-floors: {untested}"
    for name, version in checked.items():
        assert declared[name].split(".") == version.split(".")[:len(declared[name].split("."))], name


def test_the_suite_runs_a_worker_per_core():
    """The README's test command spreads the suite over every core (pytest-xdist, declared in
    [dev]); worksteal rebalances the minute-long tests onto the worker that is free."""
    tomllib = pytest.importorskip("tomllib")
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    addopts = meta["tool"]["pytest"]["ini_options"]["addopts"].split()
    assert addopts[addopts.index("-n") + 1] == "auto" and addopts[addopts.index("--dist") + 1] == "worksteal"
    assert any(spec.startswith("pytest-xdist>=") for spec in meta["project"]["optional-dependencies"]["dev"])
