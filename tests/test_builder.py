"""Dataset building: the same code for silver and gold, stable splits, HF dataset on disk."""

from __future__ import annotations

import json

import pytest
from datasets import load_from_disk

from sorot.inference.text.resources import data_path, load_yaml
from sorot.training.builder import split_of, write_dataset
from sorot.training.records import AnnotationError, load_annotated


def test_gold_samples_convert_to_a_dataset(tmp_path):
    gold = load_annotated(data_path("samples/gold.jsonl"))
    stats = write_dataset(gold.values(), tmp_path, validation_fraction=0.25, source="gold")
    ds = load_from_disk(str(tmp_path / "hf"))
    assert ds["train"].num_rows + ds["validation"].num_rows == len(gold) == 8
    assert stats.entities == {"LEADER": 13, "OFFICIAL": 15, "TOPIC": 29}
    ex = ds["train"][0]
    tag_names = ds["train"].features["ner_tags"].feature.names  # the standard columns
    text = ex["text"]
    assert [text[s:e] for s, e in zip(ex["starts"], ex["ends"])] == ex["tokens"]
    assert len(ex["ner_tags"]) == len(ex["tokens"]) and tag_names[0] == "O"
    assert {"labels", "primary"} <= set(ds["train"].column_names)
    saved = json.loads((tmp_path / "stats.json").read_text())
    assert saved["examples"] == {"train": ds["train"].num_rows,
                                 "validation": ds["validation"].num_rows}


def test_split_is_stable_by_id():
    assert split_of("artikel-1", 0.5) == split_of("artikel-1", 0.5)
    assert {split_of(f"a{i}", 0.2) for i in range(200)} == {"train", "validation"}
    assert sum(split_of(f"a{i}", 0.2) == "validation" for i in range(2000)) in range(330, 470)


def test_bad_record_stops_the_build_with_its_id(tmp_path):
    bad = {"id": "x9", "text": "Putin tiba.", "entities": [{"start": 0, "end": 9, "label": "LEADER"}]}
    with pytest.raises(AnnotationError, match="record 'x9': span \\[0, 9\\) cuts a word"):
        write_dataset([bad], tmp_path)


def test_the_dataset_card_describes_features_splits_and_label_quality(tmp_path):
    from huggingface_hub import DatasetCard

    silver = [{"id": f"s{i}", "text": "Presiden Vladimir Putin menolak gencatan senjata.", "labels": ["russia_ukraine"],
               "primary": "russia_ukraine", "entities": [{"start": 9, "end": 23, "label": "LEADER"}]}
              for i in range(12)]
    stats = write_dataset(silver, tmp_path, validation_fraction=0.25, source="silver", card={"input": "dump.jsonl"})
    card = DatasetCard.load(tmp_path / "README.md")
    info = card.data.to_dict()["dataset_info"]
    names = [f["name"] for f in info["features"]]
    assert names[:4] == ["id", "text", "source", "tokens"] and "ner_tags" in names
    ner = next(f for f in info["features"] if f["name"] == "ner_tags")
    assert list(ner["list"]["class_label"]["names"].values())[:2] == ["O", "B-LEADER"]
    assert {s["name"]: s["num_examples"] for s in info["splits"]} == {
        k: v for k, v in stats.examples.items() if v}
    assert card.data.language == ["id"] and "token-classification" in card.data.task_categories
    assert "from `dump.jsonl`" in card.text and "## Quality of the silver labels" in card.text
    # the measured figures as the quality file holds them (a rule round changes them)
    names_out = next(q for q in load_yaml(data_path("weak_labeler_quality.yaml"))["sets"]
                     if q["name"] == "dev, leave names out (5 folds)")
    assert f"| dev, leave names out (5 folds) | {names_out['scores']['LEADER F1']:.3f} | " in card.text


def test_a_dataset_built_with_the_old_column_names_still_trains(tmp_path):
    """Built before `tokens`/`ner_tags`: the old `words`/`tags` are renamed on load."""
    from sorot.training.run import load_source

    gold = load_annotated(data_path("samples/gold.jsonl"))
    write_dataset(gold.values(), tmp_path / "new", validation_fraction=0.0, source="gold")
    ds = load_from_disk(str(tmp_path / "new" / "hf"))["train"].rename_columns({"tokens": "words", "ner_tags": "tags"})
    ds.save_to_disk(str(tmp_path / "old" / "hf"))
    loaded = load_source(str(tmp_path / "old"))
    assert "tokens" in loaded.column_names and "ner_tags" in loaded.column_names and len(loaded) == 8
