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
