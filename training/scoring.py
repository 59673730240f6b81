"""Scoring predictions against gold, as SCHEMA §4 defines it.

* Tags: entity-level strict P/R/F1 (seqeval, IOB2, strict mode) per type and micro,
  over the words of :mod:`sorot.inference.text.words`.
* Article labels: per-label P/R/F1, micro and macro F1 over the schema's labels.
* ``primary``: accuracy.

>>> gold = {"a": {"id": "a", "text": "Putin dan Xi.", "labels": ["russia_ukraine"],
...         "primary": "russia_ukraine", "entities": [{"start": 0, "end": 5, "label": "LEADER"},
...                                                   {"start": 10, "end": 12, "label": "LEADER"}]}}
>>> pred = {"a": {**gold["a"], "entities": gold["a"]["entities"][:1], "primary": "other"}}
>>> r = score(gold, pred)
>>> r["entities"]["LEADER"]["recall"], r["articles"]["micro"]["f1"], r["primary_accuracy"]
(0.5, 1.0, 0.0)
"""

from __future__ import annotations

import functools
from pathlib import Path

from sorot.inference.text.bio import spans_to_bio
from sorot.inference.text.words import word_spans
from sorot.models.schema import ARTICLE_LABELS, ENTITY_TYPES, PRIMARY_OTHER


def metric_path() -> Path:
    """The sorot ``evaluate`` module shipped with the package (load it by this path)."""
    return Path(__file__).with_name("sorot_metric") / "sorot_metric.py"


@functools.lru_cache(maxsize=1)
def load_metric():
    """``evaluate.load`` of :func:`metric_path`: local, so it works offline."""
    import evaluate

    return evaluate.load(str(metric_path()))


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    """The full report for validated gold and prediction records keyed by id.

    A gold article with no prediction counts as an empty prediction; predictions
    for ids not in gold are ignored. Both are listed under ``warnings``.
    """
    warnings = [f"no prediction for gold id {i!r}: scored as empty" for i in gold if i not in pred]
    warnings += [f"prediction for unknown id {i!r} ignored" for i in pred if i not in gold]
    empty = {"labels": [], "primary": PRIMARY_OTHER, "entities": []}
    references, predictions = [], []
    for rid, g in gold.items():
        p = pred.get(rid, empty)
        if p.get("text") not in (None, g["text"]):
            raise ValueError(f"record {rid!r}: prediction text differs from gold text")
        words = word_spans(g["text"])
        references.append(_article(g, spans_to_bio(words, g["entities"])))
        predictions.append(_article(p, spans_to_bio(words, p["entities"])))
    scores = load_metric().compute(predictions=predictions, references=references,
                                   entity_types=list(ENTITY_TYPES), article_labels=list(ARTICLE_LABELS))
    return {"n_articles": len(references), **scores, "warnings": warnings}


def _article(rec: dict, tags: list[str]) -> dict:
    return {"tags": tags, "labels": list(rec.get("labels", [])),
            "primary": rec.get("primary", PRIMARY_OTHER)}


def to_markdown(report: dict, title: str = "Evaluation") -> str:
    """The report as Markdown tables."""
    lines = [f"## {title}", "", f"{report['n_articles']} articles.", "",
             "| entity type | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for name, row in report["entities"].items():
        lines.append(f"| {name} | {row['precision']:.3f} | {row['recall']:.3f} | "
                     f"{row['f1']:.3f} | {row['support']} |")
    lines += ["", "| article label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    arts = report["articles"]
    for name, row in [*arts["per_label"].items(), ("micro", arts["micro"]),
                      ("macro", {**arts["macro"], "support": ""})]:
        lines.append(f"| {name} | {row['precision']:.3f} | {row['recall']:.3f} | "
                     f"{row['f1']:.3f} | {row['support']} |")
    lines += ["", f"primary accuracy: {report['primary_accuracy']:.3f}"]
    for key, what in (("threshold_scheme", "Article-label thresholds"), ("checkpoint_choice", "Checkpoint")):
        if report.get(key):
            lines += ["", f"{what}: {report[key]}."]
    lines += [f"- warning: {w}" for w in report["warnings"][:20]]
    return "\n".join(lines) + "\n"
