"""Per-label decision thresholds tuned on dev.

>>> tune_thresholds([[0.9, 0.2], [0.45, 0.7], [0.3, 0.6]], [[1, 0], [1, 1], [0, 0]], ["a", "b"])
{'a': 0.45, 'b': 0.65}
"""

from __future__ import annotations

CANDIDATES = [round(0.05 * k, 2) for k in range(1, 20)]


def _f1(probs: list[float], gold: list[int], t: float) -> float:
    tp = sum(p >= t and g for p, g in zip(probs, gold))
    fp = sum(p >= t and not g for p, g in zip(probs, gold))
    fn = sum(p < t and g for p, g in zip(probs, gold))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tune_thresholds(probs: list[list[float]], gold: list[list[int]], labels: list[str],
                    default: float = 0.5) -> dict[str, float]:
    """The threshold with the best F1 for each label; ties go to the one nearest 0.5,
    and a label with no positive in dev keeps ``default``."""
    out = {}
    for k, label in enumerate(labels):
        p, g = [row[k] for row in probs], [row[k] for row in gold]
        if not any(g):
            out[label] = default
            continue
        out[label] = max(CANDIDATES, key=lambda t: (_f1(p, g, t), -abs(t - 0.5)))
    return out


def fold_of(rid: str, k: int) -> int:
    """A stable fold for an article id (a hash, so folds do not follow file order).

    >>> [fold_of(i, 3) for i in ("a", "b", "c", "a")]
    [2, 2, 1, 2]
    """
    import hashlib

    return int(hashlib.blake2b(rid.encode(), digest_size=4).hexdigest(), 16) % k


def cross_fitted(gold: dict[str, dict], preds: dict[str, dict], labels: list[str], decide,
                 k: int = 5) -> tuple[dict[str, dict], int]:
    """Predictions whose article labels are decided without looking at the article's own gold.

    Dev is cut into ``k`` folds by id; each fold's labels are decided (``decide(records,
    thresholds)``, the predictor's own decision) with thresholds tuned on the other folds,
    and the pooled decisions are returned, with the number of folds used. Tuning and
    scoring on the same articles flatters the scores (a demo model: article micro-F1
    0.821 in-sample, 0.780 with fixed 0.5 thresholds).
    """
    ids = list(gold)
    k = max(2, min(k, len(ids) // 2))
    out: dict[str, dict] = {}
    for f in range(k):
        rest = [i for i in ids if fold_of(i, k) != f]
        held = {i: gold[i] for i in ids if fold_of(i, k) == f}
        if not held:
            continue
        tuned = tune_thresholds([[preds[i]["scores"][lbl] for lbl in labels] for i in rest],
                                [[int(lbl in gold[i]["labels"]) for lbl in labels] for i in rest], labels)
        out.update(decide(held, tuned))
    return out, k
