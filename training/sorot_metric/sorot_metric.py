"""sorot's scores (SCHEMA §4) as a Hugging Face ``evaluate`` metric.

Shipped inside the package and loaded by path, which works offline
(``evaluate.load("seqeval")`` fetches its script from the hub)::

    import evaluate
    from sorot.training.scoring import metric_path
    metric = evaluate.load(str(metric_path()))
    metric.compute(predictions=[{"tags": ["B-LEADER", "O"], "labels": ["gaza"], "primary": "gaza"}],
                   references=[{"tags": ["B-LEADER", "O"], "labels": ["gaza"], "primary": "gaza"}])

Each prediction and reference is one article: its IOB2 ``tags`` over words, its
article ``labels`` and its ``primary``. The entity types and article labels to score
are ``compute()`` arguments (``entity_types=``, ``article_labels=``), by default those
of ``sorot.models.schema``: a type or label with no prediction and no gold still gets
a row of zeros, so a schema change can never drop one silently. The result holds

* ``entities``: strict IOB2 precision/recall/F1 per type and ``micro`` (seqeval);
* ``articles``: per-label precision/recall/F1, ``micro`` and ``macro`` F1;
* ``primary_accuracy``.
"""

import datasets
import evaluate
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

_ARTICLE = {"tags": datasets.Sequence(datasets.Value("string")),
            "labels": datasets.Sequence(datasets.Value("string")),
            "primary": datasets.Value("string")}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": n_gold, "predicted": n_pred}


def entity_scores(y_true: list, y_pred: list, entity_types) -> dict:
    report = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True,
                                   zero_division=0)
    out = {}
    for key, name in [*((t, t) for t in entity_types), ("micro avg", "micro")]:
        row = report.get(key, {"precision": 0.0, "recall": 0.0, "f1-score": 0.0, "support": 0})
        out[name] = {"precision": round(float(row["precision"]), 4),
                     "recall": round(float(row["recall"]), 4),
                     "f1": round(float(row["f1-score"]), 4), "support": int(row["support"])}
    return out


def article_scores(gold: list, pred: list, article_labels) -> dict:
    per_label, tp_all, pred_all, gold_all = {}, 0, 0, 0
    for label in article_labels:
        tp = sum(label in g and label in p for g, p in zip(gold, pred))
        n_pred = sum(label in p for p in pred)
        n_gold = sum(label in g for g in gold)
        per_label[label] = _prf(tp, n_pred, n_gold)
        tp_all, pred_all, gold_all = tp_all + tp, pred_all + n_pred, gold_all + n_gold
    macro = {k: round(sum(per_label[lbl][k] for lbl in article_labels) / max(len(article_labels), 1), 4)
             for k in ("precision", "recall", "f1")}
    return {"per_label": per_label, "micro": _prf(tp_all, pred_all, gold_all), "macro": macro}


class SorotMetric(evaluate.Metric):
    def _info(self):
        return evaluate.MetricInfo(
            description=__doc__, citation="", inputs_description=__doc__,
            features=datasets.Features({"predictions": _ARTICLE, "references": _ARTICLE}),
            reference_urls=["https://github.com/chakki-works/seqeval"])

    def _compute(self, predictions, references, entity_types=None, article_labels=None):
        if entity_types is None or article_labels is None:
            from sorot.models import schema

            entity_types = schema.ENTITY_TYPES if entity_types is None else entity_types
            article_labels = schema.ARTICLE_LABELS if article_labels is None else article_labels
        hits = sum(p["primary"] == r["primary"] for p, r in zip(predictions, references))
        return {"entities": entity_scores([r["tags"] for r in references],
                                          [p["tags"] for p in predictions], entity_types),
                "articles": article_scores([r["labels"] for r in references],
                                           [p["labels"] for p in predictions], article_labels),
                "primary_accuracy": round(hits / len(references), 4) if references else 0.0}
