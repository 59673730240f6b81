"""Dataset examples -> encoder windows with tag labels, and the batch collator.

A training item is one *article*: all its windows travel together, so that the
article heads can pool over every window. The collator flattens the windows of
the batch's articles, pads them to the longest (dynamic padding) and records which
article each window belongs to.

>>> from sorot.inference.windows import toy_tokenizer
>>> item = encode_example({"tokens": ["Putin", "tibanya"], "ner_tags": [1, 0], "labels": [0],
...                        "primary": 0}, toy_tokenizer(), window_length=8, window_stride=2)
>>> item["window_ids"], item["window_tags"], item["article_labels"]
([[2, 5, 6, 9, 3]], [[-100, 1, 0, -100, -100]], [1.0, 0.0, 0.0])
>>> batch = SorotCollator(pad_id=0)([item, item])
>>> tuple(batch["input_ids"].shape), batch["article_index"].tolist()
((2, 5), [0, 1])
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from sorot.inference.windows import encode_words
from sorot.models.schema import ARTICLE_LABELS, BIO_TAGS, PRIMARY_VALUES


def encode_example(ex: dict, tokenizer, window_length: int, window_stride: int) -> dict:
    """Windows of one example; tag ids only on words' first sub-tokens, -100 elsewhere."""
    tags = [t if isinstance(t, int) else BIO_TAGS.index(t) for t in ex["ner_tags"]]
    labels = [lbl if isinstance(lbl, int) else ARTICLE_LABELS.index(lbl) for lbl in ex["labels"]]
    primary = ex["primary"] if isinstance(ex["primary"], int) else PRIMARY_VALUES.index(ex["primary"])
    enc = encode_words(ex["tokens"], tokenizer, window_length, window_stride)
    return {
        "window_ids": [w.input_ids for w in enc.windows],
        "window_tags": [[tags[k] if k >= 0 else -100 for k in w.first_of_word] for w in enc.windows],
        "article_labels": [float(i in labels) for i in range(len(ARTICLE_LABELS))],
        "primary_label": primary,
        "length": sum(len(w.input_ids) for w in enc.windows),
    }


@dataclass
class SorotCollator:
    pad_id: int

    def __call__(self, items: list[dict]) -> dict[str, torch.Tensor]:
        ids = [w for it in items for w in it["window_ids"]]
        tags = [t for it in items for t in it["window_tags"]]
        width = max(len(w) for w in ids)
        return {
            "input_ids": torch.tensor([w + [self.pad_id] * (width - len(w)) for w in ids]),
            "attention_mask": torch.tensor([[1] * len(w) + [0] * (width - len(w)) for w in ids]),
            "tag_labels": torch.tensor([t + [-100] * (width - len(t)) for t in tags]),
            "article_index": torch.tensor([a for a, it in enumerate(items)
                                           for _ in it["window_ids"]]),
            "article_labels": torch.tensor([it["article_labels"] for it in items]),
            "primary_labels": torch.tensor([it["primary_label"] for it in items]),
        }
