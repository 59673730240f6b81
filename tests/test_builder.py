"""Dataset building: the same code for silver and gold, stable splits, HF dataset on disk."""

from __future__ import annotations

import json

import pytest
from datasets import load_from_disk

from sorot.inference.text.resources import data_path
from sorot.training.builder import split_of, write_dataset
from sorot.training.records import AnnotationError, load_annotated


def test_gold_samples_convert_to_a_dataset(tmp_path):
    gold = load_annotated(data_path("samples/gold.jsonl"))
    stats = write_dataset(gold.values(), tmp_path, validation_fraction=0.25, source="gold")
    ds = load_from_disk(str(tmp_path / "hf"))
    assert ds["train"].num_rows + ds["validation"].num_rows == len(gold) == 8
    assert stats.entities == {"LEADER": 13, "OFFICIAL": 15, "TOPIC": 29}
    ex = ds["train"][0]
    tag_names = ds["train"].features["tags"].feature.names
    text = ex["text"]
    assert [text[s:e] for s, e in zip(ex["starts"], ex["ends"])] == ex["words"]
    assert len(ex["tags"]) == len(ex["words"]) and tag_names[0] == "O"
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
