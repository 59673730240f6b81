"""Scoring predictions against gold, as SCHEMA §4 defines it.

* Tags: entity-level strict P/R/F1 (seqeval, IOB2, strict mode) per type and micro,
  over the words of :mod:`inference.words`.
* Article labels: per-label P/R/F1, micro and macro F1 over the three labels.
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

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

from sorot.inference.bio import spans_to_bio
from sorot.inference.words import word_spans
from sorot.models.schema import ARTICLE_LABELS, ENTITY_TYPES


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": n_gold, "predicted": n_pred}


def _entity_scores(y_true: list[list[str]], y_pred: list[list[str]]) -> dict:
    report = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True,
                                   zero_division=0)
    out = {}
    for key, name in [*((t, t) for t in ENTITY_TYPES), ("micro avg", "micro")]:
        row = report.get(key, {"precision": 0.0, "recall": 0.0, "f1-score": 0.0, "support": 0})
        out[name] = {"precision": round(float(row["precision"]), 4),
                     "recall": round(float(row["recall"]), 4),
                     "f1": round(float(row["f1-score"]), 4), "support": int(row["support"])}
    return out


def _article_scores(pairs: list[tuple[dict, dict]]) -> dict:
    per_label, tp_all, pred_all, gold_all = {}, 0, 0, 0
    for label in ARTICLE_LABELS:
        tp = sum(label in g["labels"] and label in p["labels"] for g, p in pairs)
        n_pred = sum(label in p["labels"] for _, p in pairs)
        n_gold = sum(label in g["labels"] for g, _ in pairs)
        per_label[label] = _prf(tp, n_pred, n_gold)
        tp_all, pred_all, gold_all = tp_all + tp, pred_all + n_pred, gold_all + n_gold
    macro = {k: round(sum(per_label[lbl][k] for lbl in ARTICLE_LABELS) / len(ARTICLE_LABELS), 4)
             for k in ("precision", "recall", "f1")}
    return {"per_label": per_label, "micro": _prf(tp_all, pred_all, gold_all), "macro": macro}


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    """The full report for validated gold and prediction records keyed by id.

    A gold article with no prediction counts as an empty prediction; predictions
    for ids not in gold are ignored. Both are listed under ``warnings``.
    """
    warnings = [f"no prediction for gold id {i!r}: scored as empty" for i in gold if i not in pred]
    warnings += [f"prediction for unknown id {i!r} ignored" for i in pred if i not in gold]
    empty = {"labels": [], "primary": "other", "entities": []}
    pairs, y_true, y_pred = [], [], []
    for rid, g in gold.items():
        p = pred.get(rid, empty)
        if p.get("text") not in (None, g["text"]):
            raise ValueError(f"record {rid!r}: prediction text differs from gold text")
        words = word_spans(g["text"])
        y_true.append(spans_to_bio(words, g["entities"]))
        y_pred.append(spans_to_bio(words, p["entities"]))
        pairs.append((g, p))
    primary = sum(g.get("primary", "other") == p.get("primary", "other") for g, p in pairs)
    return {"n_articles": len(pairs), "entities": _entity_scores(y_true, y_pred),
            "articles": _article_scores(pairs),
            "primary_accuracy": round(primary / len(pairs), 4) if pairs else 0.0,
            "warnings": warnings}


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
    lines += [f"- warning: {w}" for w in report["warnings"][:20]]
    return "\n".join(lines) + "\n"
