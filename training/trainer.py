"""The transformers Trainer, evaluated the way sorot is scored.

``evaluate`` runs the predictor over the dev gold articles and reports SCHEMA §4
scores (``eval_entity_f1``, ``eval_article_f1``, ``eval_primary_accuracy`` and
their mean, ``eval_score``), which early stopping and best-model selection use.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from transformers import Trainer, TrainerCallback

from sorot.inference.predictor import Predictor
from sorot.models.schema import ENTITY_TYPES
from sorot.training.scoring import score


def predict_records(model, tokenizer, gold: dict[str, dict], batch_size: int = 8) -> dict[str, dict]:
    """Predictions for every gold article, keyed by id (the model is left in eval mode)."""
    predictor = Predictor(model, tokenizer, device=model.device, dtype=model.dtype)  # no casting
    return predictor.predict_records(gold, batch_size)


def dev_metrics(report: dict, prefix: str = "eval") -> dict[str, float]:
    m = {f"{prefix}_entity_f1": report["entities"]["micro"]["f1"],
         f"{prefix}_article_f1": report["articles"]["micro"]["f1"],
         f"{prefix}_primary_accuracy": report["primary_accuracy"]}
    for t in ENTITY_TYPES:
        m[f"{prefix}_{t.lower()}_f1"] = report["entities"][t]["f1"]
    m[f"{prefix}_score"] = round(sum(m[f"{prefix}_{k}"] for k in
                                     ("entity_f1", "article_f1", "primary_accuracy")) / 3, 4)
    return m


class SorotTrainer(Trainer):
    def __init__(self, *args, dev_gold: dict[str, dict] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.dev_gold = dev_gold

    def evaluate(self, eval_dataset=None, ignore_keys=None, metric_key_prefix: str = "eval"):
        if not self.dev_gold:
            return {}
        start = time.perf_counter()
        preds = predict_records(self.model, self.processing_class, self.dev_gold,
                                self.args.per_device_eval_batch_size)
        metrics = dev_metrics(score(self.dev_gold, preds), metric_key_prefix)
        metrics[f"{metric_key_prefix}_runtime"] = round(time.perf_counter() - start, 3)
        self.log(metrics)
        self.control = self.callback_handler.on_evaluate(self.args, self.state, self.control,
                                                         metrics)
        return metrics


class JsonlLogger(TrainerCallback):
    """Writes every log event as one JSON line to ``OUTPUT_DIR/log.jsonl`` (main process)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def on_log(self, args, state, control, logs=None, **kwargs):
        if state.is_world_process_zero and logs:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"step": state.global_step, "epoch": state.epoch, **logs}) + "\n")
