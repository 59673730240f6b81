"""sorot's scoring as an `evaluate` module loaded by path (offline), equal to the scorer
it replaced, and used by `sorot evaluate` and the Trainer's evaluation."""

from __future__ import annotations

import pytest

from sorot.inference.text.resources import data_path
from sorot.training.records import load_annotated

# What the scorer of 5c81e86 (seqeval called directly, before the evaluate module) gave
# for perturbed() below on the shipped gold samples.
BEFORE = {
    "entities": {"LEADER": {"precision": 0.75, "recall": 0.4615, "f1": 0.5714, "support": 13},
                 "OFFICIAL": {"precision": 0.8333, "recall": 0.6667, "f1": 0.7407, "support": 15},
                 "TOPIC": {"precision": 1.0, "recall": 0.6207, "f1": 0.766, "support": 29},
                 "micro": {"precision": 0.8947, "recall": 0.5965, "f1": 0.7158, "support": 57}},
    "articles": {"per_label": {
        "russia_ukraine": {"precision": 1.0, "recall": 0.25, "f1": 0.4, "support": 4, "predicted": 1},
        "israel_iran": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "predicted": 1},
        "gaza": {"precision": 0.6, "recall": 1.0, "f1": 0.75, "support": 3, "predicted": 5}},
        "micro": {"precision": 0.7143, "recall": 0.625, "f1": 0.6667, "support": 8, "predicted": 7},
        "macro": {"precision": 0.8667, "recall": 0.75, "f1": 0.7167}},
    "primary_accuracy": 0.625,
}


def perturbed(gold: dict, labeler) -> dict:
    """Weak-labeler predictions with misses, type swaps and wrong article labels."""
    pred = {i: labeler.label(r["text"], i) for i, r in gold.items()}
    for k, (_, p) in enumerate(sorted(pred.items())):
        p["entities"] = [e for j, e in enumerate(p["entities"]) if j % 3 != 1]
        for j, e in enumerate(p["entities"]):
            if j % 4 == 2 and e["label"] in ("LEADER", "OFFICIAL"):
                e["label"] = "OFFICIAL" if e["label"] == "LEADER" else "LEADER"
        if k % 2:
            p["labels"], p["primary"] = ["gaza"], "gaza"
    return pred


@pytest.fixture(scope="module")
def gold():
    return load_annotated(data_path("samples/gold.jsonl"))


def test_scores_equal_the_scorer_they_replaced(gold, labeler):
    from sorot.training.scoring import score

    report = score(gold, perturbed(gold, labeler))
    assert {k: report[k] for k in BEFORE} == BEFORE


def test_the_metric_is_an_evaluate_module_loaded_by_path_offline(tmp_path):
    import os
    import subprocess
    import sys

    code = ("from sorot.training.scoring import load_metric, metric_path\n"
            "m = load_metric()\n"
            "art = {'tags': ['B-LEADER', 'I-LEADER', 'O'], 'labels': ['gaza'], 'primary': 'gaza'}\n"
            "r = m.compute(predictions=[art], references=[art])\n"
            "print(type(m).__name__, metric_path().name, r['entities']['micro']['f1'], r['primary_accuracy'])")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_EVALUATE_OFFLINE": "1", "HF_HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["SorotMetric", "sorot_metric.py", "1.0", "1.0"]


class CountingMetric:
    """Stands in for the loaded module: counts calls, gives fixed numbers."""

    def __init__(self) -> None:
        self.calls = 0

    def compute(self, predictions, references, entity_types, article_labels):
        self.calls += 1
        row = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 1}
        return {"entities": {k: row for k in (*entity_types, "micro")},
                "articles": {"per_label": {}, "micro": {**row, "predicted": 1},
                             "macro": {"precision": 0.5, "recall": 0.5, "f1": 0.5}},
                "primary_accuracy": 0.25}


def test_sorot_evaluate_and_the_trainer_both_score_through_it(monkeypatch, trained, tmp_path, gold):
    from sorot.training import scoring
    from sorot.training.jobs import evaluate
    from sorot.training.run import _trainer

    metric = CountingMetric()
    monkeypatch.setattr(scoring, "load_metric", lambda: metric)
    path = data_path("samples/gold.jsonl")
    report, _ = evaluate(path, pred=path, output=tmp_path / "rep")
    assert metric.calls == 1 and report["primary_accuracy"] == 0.25

    from transformers import TrainingArguments

    from sorot.inference.predictor import Predictor
    from sorot.training.arguments import DataArguments

    p = Predictor.from_pretrained(trained[1], device="cpu")
    # no TensorBoard: evaluating before any training step would open its writer in ./runs
    data = DataArguments(tensorboard=False)
    trainer = _trainer(p.model, p.tokenizer, TrainingArguments(output_dir=str(tmp_path), report_to="none",
                                                                use_cpu=True), None, gold, data)
    metrics = trainer.evaluate()
    assert metric.calls == 2
    assert metrics["eval_primary_accuracy"] == 0.25 and metrics["eval_entity_f1"] == 0.5
