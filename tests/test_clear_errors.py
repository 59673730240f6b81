"""Inputs that used to end in "unexpected X" get one line naming the file and the reason.

Audit item 17: a training config that is a JSON list or nested past reason, a gold file
nested 10,000 deep, a model's topics.yaml that is not valid YAML or not a lexicon, and
Ray actor settings that cannot work.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE_MODEL = Path(__file__).parent / "fixtures" / "model-0.1.0"


def sorot(*args, cwd):
    return subprocess.run([sys.executable, "-m", "sorot", *map(str, args)], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def one_line_error(r) -> str:
    assert r.returncode in (1, 2), r.stderr
    lines = r.stderr.strip().splitlines()
    assert "Traceback" not in r.stderr and "unexpected" not in lines[-1]
    return lines[-1]


@pytest.mark.parametrize("body, line", [
    ("[1, 2]", "c.json: not a training config: expected one JSON/YAML object of settings, got a list"),
    ("[" * 100_000 + "]" * 100_000, "c.json: nested too deeply to be a data file")])
def test_a_training_config_that_is_not_an_object(tmp_path, body, line):
    (tmp_path / "c.json").write_text(body)
    assert one_line_error(sorot("train", "c.json", cwd=tmp_path)) == f"sorot: error: {line}"


def test_a_gold_file_nested_too_deeply(tmp_path):
    (tmp_path / "g.jsonl").write_text('{"id": "a", "text": "x", "entities": ' + "[" * 5000 + "]" * 5000 + "}\n")
    line = one_line_error(sorot("evaluate", "--gold", "g.jsonl", "--weak-labeler", cwd=tmp_path))
    assert line == "sorot: error: g.jsonl:1: malformed JSON: nested too deeply"


@pytest.mark.parametrize("topics, reason", [
    ("topics: [1, 2\n", "not valid YAML/JSON: while parsing a flow sequence"),
    ("topics: 5\n", "not a topic lexicon: expected `topics:` mapping"),
    ("topics:\n  gencatan_senjata: [1]\n", "not a topic lexicon"),
    ("topics:\n  ceasefire: [jeda]\nexceptions: 3\n", "`exceptions:` must be a list")])
def test_a_model_with_a_bad_topics_file(tmp_path, topics, reason):
    shutil.copytree(FIXTURE_MODEL, tmp_path / "m")
    (tmp_path / "m" / "topics.yaml").write_text(topics)
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Putin tiba."}\n')
    line = one_line_error(sorot("predict", "--model", "m", "a.jsonl", "-o", "p.jsonl", cwd=tmp_path))
    assert line.startswith("sorot: error: m/topics.yaml: ") and reason in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "m"]  # a failed start leaves nothing


_LOADED = "import sys; print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"


def test_a_bad_lexicon_folder_or_config_is_refused_before_torch_loads(tmp_path):
    """The model folder's files, its lexicons and the training config are read first: a
    bad one is refused in about a second (it took 8-9 s here, after the weights and
    transformers' modelling code had loaded)."""
    shutil.copytree(FIXTURE_MODEL, tmp_path / "m")
    (tmp_path / "m" / "topics.yaml").write_text("topics: 5\n")
    shutil.copytree(FIXTURE_MODEL, tmp_path / "remote")
    config = json.loads((tmp_path / "remote" / "config.json").read_text())
    (tmp_path / "remote" / "config.json").write_text(json.dumps({**config, "auto_map": {"AutoModel": "x.Y"}}))
    (tmp_path / "c.json").write_text("[1, 2]")
    code = ("from sorot.inference.predictor import Predictor\n"
            "from sorot.training.arguments import parse_train_args\n"
            "from sorot.models.errors import SorotError\n"
            "for load in (lambda: Predictor.from_pretrained('m'), lambda: Predictor.from_pretrained('remote'),\n"
            "             lambda: parse_train_args(['c.json'])):\n"
            "    try:\n        load()\n    except SorotError as e:\n        print(str(e).split(':')[0])\n"
            + _LOADED)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert r.stdout.splitlines() == ["m/topics.yaml", "remote/config.json declares auto_map", "c.json", "[]"], \
        r.stderr[-2000:]


@pytest.mark.parametrize("flag, value", [("--threads-per-actor", 0), ("--actors", 0), ("--batch-size", 0)])
def test_ray_settings_that_cannot_work(tmp_path, flag, value):
    pytest.importorskip("ray")
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Putin tiba."}\n')
    line = one_line_error(sorot("predict", "--engine", "ray", "--model", FIXTURE_MODEL, "a.jsonl", "-o", "out",
                                flag, value, cwd=tmp_path))
    assert line == f"sorot: error: {flag} must be at least 1, got {value}"
    assert not (tmp_path / "out").exists()
