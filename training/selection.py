"""Which articles to annotate next: active-learning selection for ``export-labelstudio``.

Each strategy scores an article by how much annotating it is worth (higher first):

* ``uncertainty``: the model is unsure, the larger of (a) how close the most undecided
  article label is to its threshold (1 at the threshold, 0 at certainty) and (b) one
  minus the score of its least confident entity span;
* ``disagreement``: the model and the weak labeler disagree, the mean of the entity
  disagreement (1 − F1 of their spans), the label disagreement (1 − Jaccard of the label
  sets) and whether ``primary`` differs;
* ``random``: a seeded draw, the baseline the others must beat.

>>> p = {"scores": {"gaza": 0.52}, "entities": [{"score": 0.9}]}
>>> round(uncertainty(p, {"gaza": 0.5}), 2)
0.96
>>> disagreement({"labels": ["gaza"], "primary": "gaza", "entities": []},
...              {"labels": ["gaza"], "primary": "gaza", "entities": []})
0.0
"""

from __future__ import annotations

import random as _random

STRATEGIES = ("uncertainty", "disagreement", "random")


def uncertainty(pred: dict, thresholds: dict[str, float]) -> float:
    """1 at a label exactly on its threshold or an entity of score 0; 0 when all is certain."""
    label_u = 0.0
    for label, p in pred.get("scores", {}).items():
        t = thresholds.get(label, 0.5)
        distance = (p - t) / (1 - t) if p >= t else (t - p) / t  # 0 at the threshold, 1 at 0 or 1
        label_u = max(label_u, 1.0 - distance)
    entity_u = max((1.0 - e.get("score", 1.0) for e in pred.get("entities", [])), default=0.0)
    return max(label_u, entity_u)


def _spans(pred: dict) -> set:
    return {(e["start"], e["end"], e["label"]) for e in pred.get("entities", [])}


def disagreement(a: dict, b: dict) -> float:
    """0 when two predictions of one article agree on spans, labels and ``primary``; up to 1."""
    sa, sb = _spans(a), _spans(b)
    ents = 1.0 - (2 * len(sa & sb) / (len(sa) + len(sb)) if sa or sb else 1.0)
    la, lb = set(a.get("labels", [])), set(b.get("labels", []))
    labels = 1.0 - (len(la & lb) / len(la | lb) if la or lb else 1.0)
    return (ents + labels + float(a.get("primary") != b.get("primary"))) / 3


def select(preds: list[dict], n: int, by: str, *, thresholds: dict[str, float] | None = None,
           weak: list[dict] | None = None, seed: int = 0) -> list[tuple[int, float]]:
    """``(index, worth)`` of the ``n`` articles most worth annotating, best first (ties keep
    input order)."""
    if by == "uncertainty":
        worth = [uncertainty(p, thresholds or {}) for p in preds]
    elif by == "disagreement":
        if weak is None:
            raise ValueError("disagreement needs the weak labeler's predictions")
        worth = [disagreement(p, w) for p, w in zip(preds, weak)]
    elif by == "random":
        rng = _random.Random(seed)
        worth = [rng.random() for _ in preds]
    else:
        raise ValueError(f"by must be one of {', '.join(STRATEGIES)}, not {by!r}")
    order = sorted(range(len(preds)), key=lambda i: -worth[i])
    return [(i, worth[i]) for i in order[:n]]
