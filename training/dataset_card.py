"""The dataset card (``README.md``) that ``sorot build-dataset`` writes beside the data.

Its YAML is what the hub and ``datasets`` read: language, licence, task categories,
and ``dataset_info`` with the features (``tokens``, ``ner_tags`` as a ``ClassLabel``,
``labels``, ``primary``…) and the split sizes, built by ``datasets`` itself. The text
says how the data was made and, for silver data, how good the weak labeler's labels
are, from ``data/weak_labeler_quality.yaml``.
"""

from __future__ import annotations

from sorot.inference.text.resources import data_path, load_yaml
from sorot.models.schema import ARTICLE_LABELS, ENTITY_TYPES

HOW = {"silver": "labelled by sorot's rule-based weak labeler (`sorot weak-label`): silver labels, "
                 "with the labeler's blind spots",
       "gold": "annotated by hand (SCHEMA §3 gold JSONL, e.g. from `sorot import-labelstudio`), "
               "converted through the same code"}


def _card_data(stats, source: str):
    from datasets import DatasetInfo, SplitDict, SplitInfo
    from datasets.info import DatasetInfosDict
    from huggingface_hub import DatasetCardData

    from sorot.training.builder import features

    splits = SplitDict()
    for name, n in stats.examples.items():
        if n:
            splits.add(SplitInfo(name=name, num_examples=n))
    n = sum(stats.examples.values())
    # the articles are the publishers' text: their licence is theirs, not ours to state
    data = DatasetCardData(language=["id"], license="unknown", pretty_name=f"sorot {source or 'dataset'}",
                           task_categories=["token-classification", "text-classification"],
                           task_ids=["named-entity-recognition", "multi-label-classification"],
                           size_categories=["n<1K" if n < 1000 else "1K<n<10K" if n < 10_000 else "10K<n<100K"
                                            if n < 100_000 else "100K<n<1M" if n < 1_000_000 else "n>1M"],
                           tags=["sorot", "indonesian", "news", source or "dataset"])
    DatasetInfosDict({"default": DatasetInfo(features=features(), splits=splits)}).to_dataset_card_data(data)
    return data


def _quality() -> list[str]:
    q = load_yaml(data_path("weak_labeler_quality.yaml"))
    lines = [f"Measured with {q['measured_with']}:", "",
             "| set | " + " | ".join(q["sets"][0]["scores"]) + " |",
             "|---|" + "---|" * len(q["sets"][0]["scores"])]
    for s in q["sets"]:
        lines.append(f"| {s['name']} | " + " | ".join(f"{v:.3f}" for v in s["scores"].values()) + " |")
    lines += [""] + [f"- {s['name']}: `{s['command']}` ({s['note']})" for s in q["sets"]]
    return lines


def dataset_card(stats, source: str = "", info: dict | None = None) -> str:
    """Markdown card: metadata, how it was made, columns, sizes, and label quality."""
    info = info or {}
    made = HOW.get(source, "converted from SCHEMA §3 records")
    lines = ["---", _card_data(stats, source).to_yaml(), "---", f"# sorot {source or 'dataset'}", "",
             f"Indonesian news articles about the {', '.join(ARTICLE_LABELS)} conflicts, {made}. "
             f"Built by `sorot build-dataset`" + (f" from `{info['input']}`" if info.get("input") else "")
             + "; each article goes to a split by a hash of its id, so it stays there as the corpus grows.", "",
             "## Columns", "",
             "- `tokens`: the words of `text` (sorot's word segmentation, shared by training and "
             "inference); `starts`/`ends`: their character offsets;",
             f"- `ner_tags`: one IOB2 tag per word over {', '.join(ENTITY_TYPES)} (a `ClassLabel`);",
             "- `labels`: the conflicts the article covers (multi-label, may be empty); `primary`: "
             "the main one, or `other`;", "- `id`, `text`, `source`.", "",
             "## Size", "", stats.summary(), ""]
    if source != "gold":
        lines += ["## Quality of the silver labels", "", *_quality(), ""]
    lines += ["Load it with `datasets.load_from_disk(\"DIR/hf\")`; `DIR/train.jsonl` and "
              "`DIR/validation.jsonl` hold the same examples as JSON Lines.", ""]
    return "\n".join(lines)
