"""Turn annotated records (silver or gold, SCHEMA §3) into a token-classification dataset.

Each example holds the text, its words (``tokens``, the standard token-classification
column) and word offsets, one IOB2 tag per word (``ner_tags``, a ``ClassLabel``), the
article labels and ``primary``. Examples are split by a hash of their id, so a
record stays in the same split when the corpus grows. Output:

* ``DIR/train.jsonl`` and ``DIR/validation.jsonl`` (written while records stream);
* ``DIR/hf/`` — a ``datasets.DatasetDict`` saved with ``save_to_disk``;
* ``DIR/stats.json`` — label distribution and entity counts;
* ``DIR/README.md`` — the dataset card (:mod:`sorot.training.dataset_card`).

>>> ex = example_from_record({"id": "a", "text": "Putin tiba.", "labels": ["russia_ukraine"],
...     "primary": "russia_ukraine", "entities": [{"start": 0, "end": 5, "label": "LEADER"}]})
>>> ex["tokens"], ex["ner_tags"], ex["starts"], ex["ends"]
(['Putin', 'tiba', '.'], ['B-LEADER', 'O', 'O'], [0, 6, 10], [5, 10, 11])
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sorot.inference.text.bio import spans_to_bio
from sorot.inference.text.words import word_spans
from sorot.models.schema import ARTICLE_LABELS, BIO_TAGS, PRIMARY_VALUES
from sorot.training.records import validate_record

SPLITS = ("train", "validation")


log = logging.getLogger(__name__)


def features():
    """The ``datasets.Features`` of an example (imported lazily: datasets is heavy)."""
    from datasets import ClassLabel, Features, Sequence, Value

    return Features({
        "id": Value("string"), "text": Value("string"), "source": Value("string"),
        "tokens": Sequence(Value("string")),
        "starts": Sequence(Value("int32")), "ends": Sequence(Value("int32")),
        "ner_tags": Sequence(ClassLabel(names=list(BIO_TAGS))),
        "labels": Sequence(ClassLabel(names=list(ARTICLE_LABELS))),
        "primary": ClassLabel(names=list(PRIMARY_VALUES)),
    })


def example_from_record(rec: dict, source: str = "") -> dict:
    """One dataset example from a validated record."""
    words = word_spans(rec["text"])
    return {"id": str(rec["id"]), "text": rec["text"], "source": source,
            "tokens": [rec["text"][s:e] for s, e in words],
            "starts": [s for s, _ in words], "ends": [e for _, e in words],
            "ner_tags": spans_to_bio(words, rec["entities"]),
            "labels": list(rec["labels"]), "primary": rec["primary"]}


def split_of(rid: str, validation_fraction: float) -> str:
    """``train`` or ``validation``, stable for a given id."""
    h = int.from_bytes(hashlib.blake2b(rid.encode(), digest_size=8).digest(), "big")
    return "validation" if h / 2**64 < validation_fraction else "train"


@dataclass
class BuildStats:
    examples: dict = field(default_factory=lambda: dict.fromkeys(SPLITS, 0))
    labels: Counter = field(default_factory=Counter)
    primary: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    words: int = 0

    def add(self, ex: dict, split: str) -> None:
        self.examples[split] += 1
        self.labels.update(ex["labels"] or ["(none)"])
        self.primary[ex["primary"]] += 1
        self.entities.update(t[2:] for t in ex["ner_tags"] if t.startswith("B-"))
        self.words += len(ex["tokens"])

    def to_dict(self) -> dict:
        return {"examples": self.examples, "words": self.words, "labels": dict(self.labels),
                "primary": dict(self.primary), "entities": dict(self.entities)}

    def summary(self) -> str:
        lines = [f"examples: train {self.examples['train']}, validation "
                 f"{self.examples['validation']} ({self.words:,} words)",
                 "article labels: " + ", ".join(f"{k} {v}" for k, v in sorted(self.labels.items())),
                 "primary: " + ", ".join(f"{k} {v}" for k, v in sorted(self.primary.items())),
                 "entities: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items()))]
        return "\n".join(lines)


#: Columns of datasets built before sorot used the standard names, and their names now.
OLD_COLUMNS = {"words": "tokens", "tags": "ner_tags"}


def write_dataset(records: Iterable[dict], out_dir: str | Path, validation_fraction: float = 0.1,
                  source: str = "", card: dict | None = None) -> BuildStats:
    """Write the JSONL splits as records stream, then the ``DatasetDict`` and stats."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stats = BuildStats()
    files = {s: (out_dir / f"{s}.jsonl").open("w", encoding="utf-8") for s in SPLITS}
    try:
        for rec in records:
            ex = example_from_record(validate_record(rec), source)
            split = split_of(ex["id"], validation_fraction)
            files[split].write(json.dumps(ex, ensure_ascii=False) + "\n")
            stats.add(ex, split)
    finally:
        for f in files.values():
            f.close()
    if not stats.examples["train"] and stats.examples["validation"]:
        # too few records for the hash split to leave any for training: train on them all
        (out_dir / "validation.jsonl").replace(out_dir / "train.jsonl")
        (out_dir / "validation.jsonl").touch()
        stats.examples = {"train": stats.examples["validation"], "validation": 0}
    if not stats.examples["validation"]:
        log.warning("%s: no record fell into the validation split (%d in train); training "
                    "evaluates on --dev-gold, so this only matters if you read hf/validation",
                    out_dir, stats.examples["train"])
    _save_hf(out_dir)
    (out_dir / "stats.json").write_text(json.dumps(stats.to_dict(), indent=2) + "\n")
    from sorot.training.dataset_card import dataset_card

    (out_dir / "README.md").write_text(dataset_card(stats, source, card or {}), encoding="utf-8")
    return stats


def _save_hf(out_dir: Path) -> None:
    from datasets import Dataset, DatasetDict
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()  # one line of our own summary says more than four bars
    with tempfile.TemporaryDirectory() as cache:
        # an empty split is left out: `datasets` saves it, then cannot load it back
        splits = {s: Dataset.from_json(str(out_dir / f"{s}.jsonl"), features=features(), cache_dir=cache)
                  for s in SPLITS if (out_dir / f"{s}.jsonl").stat().st_size}
        if splits:
            DatasetDict(splits).save_to_disk(str(out_dir / "hf"))
