"""One schema: labels, entity types, tags and topic ids are named in `models/schema.py` only.

The guard reads the library's code (not its docstrings, whose examples the doctests
check against the real schema) for any string that spells a schema value. The second
test adds a fourth article label and a fourth entity type by editing `schema.py` alone,
in a copy of the package, and runs train → predict → score → card → HTML report on it.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sorot.models import schema

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ("models", "inference", "training", "sorot")


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _strings(path: Path):
    """``(line, text)`` of every string constant in the code that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    docs = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def schema_literals(text: str) -> list[str]:
    """The schema values that ``text`` spells: a type, tag or label as a word anywhere in it
    (an XML template, an f-string part), ``other`` and topic ids only as the whole string.

    >>> schema_literals('<View whenLabelValue="TOPIC">'), schema_literals("other"), schema_literals("others")
    (['TOPIC'], ['other'], [])
    """
    words = (*schema.ENTITY_TYPES, *schema.ARTICLE_LABELS)
    found = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    found += [v for v in (schema.PRIMARY_OTHER, *schema.TOPIC_IDS) if text == v]
    return found


def test_the_guard_sees_what_it_guards_against():
    assert schema_literals('for t in ("LEADER", "OFFICIAL")') == ["LEADER", "OFFICIAL"]
    assert schema_literals("B-TOPIC") == ["TOPIC"] and schema_literals("gaza") == ["gaza"]
    assert schema_literals("ceasefire") == ["ceasefire"]
    assert schema_literals("Gaza City") == [] and schema_literals("LEADERSHIP") == []


def test_no_label_or_type_literal_outside_the_schema():
    offenders = []
    for folder in LIBRARY:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == ROOT / "models" / "schema.py":
                continue
            offenders += [f"{path.relative_to(ROOT)}:{line}: {found} in {text[:60]!r}"
                          for line, text in _strings(path) if (found := schema_literals(text))]
    assert offenders == [], "\n".join(offenders)


def test_unknown_entity_type_gets_plain_defaults():
    kind = schema.entity_kind("ARMED_GROUP")
    assert (kind.display, kind.person, kind.topic) == ("armed group", False, False)
    assert schema.PERSON_TYPES == ("LEADER", "OFFICIAL") and schema.TOPIC_TYPES == ("TOPIC",)


def test_conflict_cues_refuse_an_unknown_label_and_warn_about_a_label_without_cues(caplog):
    from sorot.inference.text.resources import DataFileError
    from sorot.training.weak.conflicts import ConflictEvidence

    with pytest.raises(DataFileError, match=r"x\.yaml: cues for unknown article label 'gazza'"):
        ConflictEvidence({"gazza": {"strong": ["Gaza"]}}, source="x.yaml")
    with caplog.at_level("WARNING"):
        ConflictEvidence({"gaza": {"strong": ["Gaza"]}}, source="x.yaml")
    assert "no strong cues for article label 'russia_ukraine'" in caplog.text
    assert "'gaza'" not in caplog.text


def test_conflict_cues_refuse_a_misspelled_key_by_name():
    # read loosely, "weka:" or "comparisons:" would switch their rule off without a word
    from sorot.inference.text.resources import DataFileError
    from sorot.training.weak.conflicts import ConflictEvidence

    with pytest.raises(DataFileError, match=r"x\.yaml: gaza has unknown keys \['weka'\]"):
        ConflictEvidence({"gaza": {"strong": ["Gaza"], "weka": ["Israel"]}}, source="x.yaml")
    with pytest.raises(DataFileError, match=r"in_passing has unknown keys \['comparisons'\]"):
        ConflictEvidence({"gaza": {"strong": ["Gaza"]}, "in_passing": {"comparisons": ["seperti"]}})
    with pytest.raises(DataFileError, match=r"in_passing: sport has unknown keys \['team'\]"):
        ConflictEvidence({"gaza": {"strong": ["Gaza"]}, "in_passing": {"sport": {"team": ["Palestina"]}}})
    with pytest.raises(DataFileError, match=r"in_passing: markets has unknown keys \['watcher'\]"):
        ConflictEvidence({"gaza": {"strong": ["Gaza"]}, "in_passing": {"markets": {"watcher": ["pasar"]}}})
    with pytest.raises(DataFileError, match=r"gaza: needs_war has unknown keys \['except'\]"):
        ConflictEvidence({"gaza": {"strong": ["Gaza"], "needs_war": {"cues": ["Gaza"], "except": ["x"]}}})


# --- a fourth label and a fourth type, added in schema.py alone ------------------------

NEW_LABEL, NEW_TYPE = "sudan", "ARMED_GROUP"

#: Sentences written for this test: a Sudan article names an armed group.
_SENTENCES = [
    ("s1", "Pasukan RSF menyerang kota El Fasher di Sudan pekan ini.", [NEW_LABEL], NEW_LABEL,
     [("RSF", NEW_TYPE)]),
    ("s2", "Milisi RSF kembali bentrok dengan tentara Sudan di Khartoum.", [NEW_LABEL], NEW_LABEL,
     [("RSF", NEW_TYPE)]),
    ("s3", "Presiden Vladimir Putin menolak gencatan senjata di Ukraina.", ["russia_ukraine"],
     "russia_ukraine", [("Vladimir Putin", "LEADER"), ("gencatan senjata", "TOPIC")]),
    ("s4", "Harga beras di pasar Jakarta naik sepanjang bulan ini.", [], "other", []),
]


def _gold_rows() -> list[dict]:
    rows = []
    for rid, text, labels, primary, spans in _SENTENCES:
        ents = []
        for surface, label in spans:
            start = text.index(surface)
            ent = {"start": start, "end": start + len(surface), "label": label}
            if label == "TOPIC":
                ent["topic"] = "ceasefire"
            ents.append(ent)
        rows.append({"id": rid, "text": text, "labels": labels, "primary": primary, "entities": ents})
    return rows


def _package_copy(tmp: Path) -> Path:
    """The package laid out as it installs (sorot/, sorot/models, …), its schema edited."""
    pkg = tmp / "site" / "sorot"
    shutil.copytree(ROOT / "sorot", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("models", "inference", "training", "data"):
        shutil.copytree(ROOT / folder, pkg / folder, ignore=shutil.ignore_patterns("__pycache__"))
    path = pkg / "models" / "schema.py"
    text = path.read_text(encoding="utf-8")
    labels = '("russia_ukraine", "israel_iran", "gaza")'
    for old, new in [(labels, f'{labels[:-1]}, "{NEW_LABEL}")'),
                     ("= (LEADER, OFFICIAL, TOPIC)", f'= (LEADER, OFFICIAL, TOPIC, "{NEW_TYPE}")')]:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return tmp / "site"


_SCRIPT = """
import json, sys
from pathlib import Path
from transformers import TrainingArguments
import sorot.models.schema as schema
assert schema.__file__.startswith(sys.argv[1]), schema.__file__
from sorot.inference.predictor import Predictor
from sorot.training.arguments import DataArguments, ModelArguments
from sorot.training.labelstudio import labeling_config
from sorot.training.report import write_report
from sorot.training.run import run_training
from sorot.training.scoring import score
gold_path, out = sys.argv[2], Path(sys.argv[3])
args = TrainingArguments(output_dir=str(out), per_device_train_batch_size=4, learning_rate=5e-3,
                         save_strategy="no", report_to="none", use_cpu=True, disable_tqdm=True,
                         seed=3, num_train_epochs=40, logging_steps=10)
model_dir, report = run_training(ModelArguments(backbone="tiny"),
                                 DataArguments(train=[gold_path], dev_gold=gold_path), args)
gold = {r["id"]: r for r in map(json.loads, open(gold_path, encoding="utf-8"))}
p = Predictor.from_pretrained(model_dir, device="cpu")
preds = {k: {"id": k, **p.predict(g["text"])} for k, g in gold.items()}
page = write_report(gold, preds, score(gold, preds), out / "report")
print(json.dumps({"labels": p.model.config.article_labels, "tags": p.model.config.tags,
                  "scores": preds["s1"]["scores"], "s1": preds["s1"]["entities"],
                  "report": score(gold, preds), "card": (Path(model_dir) / "README.md").read_text(),
                  "html": page.read_text(), "ls": labeling_config()}))
"""


@pytest.mark.slow
def test_a_fourth_label_and_type_added_in_the_schema_alone_reach_every_output(tmp_path):
    from helpers import write_jsonl

    site = _package_copy(tmp_path)
    gold = write_jsonl(tmp_path / "gold.jsonl", _gold_rows())
    r = subprocess.run([sys.executable, "-c", _SCRIPT, str(site), str(gold), str(tmp_path / "out")],
                       capture_output=True, text=True, timeout=600, cwd=tmp_path,
                       env={**__import__("os").environ, "PYTHONPATH": str(site)})
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["labels"][-1] == NEW_LABEL and f"B-{NEW_TYPE}" in out["tags"]
    assert NEW_LABEL in out["scores"]
    assert {(e["text"], e["label"]) for e in out["s1"]} >= {("RSF", NEW_TYPE)}  # learnt, decoded
    # a type with no row does no lookup: both keys are there (every entity has them), null
    assert all(e["canonical"] is None and e["topic"] is None for e in out["s1"] if e["label"] == NEW_TYPE)
    report = out["report"]
    assert report["entities"][NEW_TYPE]["support"] == 2 and NEW_LABEL in report["articles"]["per_label"]
    assert report["articles"]["per_label"][NEW_LABEL]["support"] == 2
    assert f"`{NEW_TYPE}`: armed group names." in out["card"] and "Sudan" in out["card"]
    assert f"| {NEW_TYPE} |" in out["card"] and f"| {NEW_LABEL} |" in out["card"]
    assert f"<td>{NEW_TYPE}</td>" in out["html"] and f"<td>{NEW_LABEL}</td>" in out["html"]
    assert f'<Label value="{NEW_TYPE}"' in out["ls"] and f'<Choice value="{NEW_LABEL}"/>' in out["ls"]
