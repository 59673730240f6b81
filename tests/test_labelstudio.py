"""The Label Studio round-trip: export with pre-annotations, annotate, import back to gold."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from helpers import sorot
from markup import parse_markup

from sorot.inference.text.resources import data_path
from sorot.training.labelstudio import export_tasks, import_export, labeling_config
from sorot.training.records import load_annotated

FIXTURE = Path(__file__).parent / "fixtures" / "labelstudio_export.json"


def gold(rid, marked, labels, primary):
    text, ents = parse_markup(marked)
    return {"id": rid, "text": text, "labels": labels, "primary": primary, "entities": ents}


EXPECTED = [
    gold("ls-1", "Presiden [[Prabowo|LEADER]] menerima Menteri Luar Negeri [[Sugiono|OFFICIAL]]. "
                 "Mereka membahas [[gencatan senjata|TOPIC:ceasefire]] di Gaza.", ["gaza"], "other"),
    gold("ls-2", "Kanselir [[Merz|LEADER]] menjanjikan [[bantuan militer|TOPIC:military_aid]] untuk "
                 "Ukraina.", ["russia_ukraine"], "russia_ukraine"),
    gold("ls-4", "[[Putin|LEADER]] menolak [[sanksi baru|TOPIC:sanctions]] dari Uni Eropa terhadap "
                 "Rusia.", ["russia_ukraine"], "russia_ukraine"),
]


def test_config_is_valid_xml_naming_every_label_and_topic():
    root = ET.fromstring(labeling_config())
    values = {c.get("value") for c in root.iter() if c.tag in ("Label", "Choice")}
    assert {"LEADER", "OFFICIAL", "TOPIC", "ceasefire", "occupation", "gaza", "other"} <= values


def test_export_then_import_without_edits_is_the_identity():
    records = list(load_annotated(data_path("samples/gold.jsonl")).values())
    tasks = export_tasks(records)
    # An annotator who accepts every pre-annotation: Label Studio copies them into the annotation.
    for k, t in enumerate(tasks):
        t["annotations"] = [{"id": k, "result": t["predictions"][0]["result"], "was_cancelled": False}]
    report = import_export(tasks)
    assert report.records == [{k: r[k] for k in ("id", "text", "labels", "primary", "entities")}
                              for r in records]
    assert report.warnings == [] and report.skipped == []


def test_import_of_a_real_export_with_edits_skips_and_two_annotators():
    report = import_export(json.loads(FIXTURE.read_text()))
    assert report.records == EXPECTED
    assert report.skipped == ["ls-3"]
    assert report.warnings == [
        "task ls-2: 2 annotators disagree; kept the latest (annotation 202)",
        "task ls-2: TOPIC span 'bantuan militer' has no topic choice; took 'military_aid' from "
        "the lexicon",
        "task ls-4: span 'Puti' [0, 4) cuts a word; snapped to 'Putin' [0, 5)",
        "task ls-4: span 'sanksi b' [14, 22) cuts a word; snapped to 'sanksi baru' [14, 25)",
    ]


def test_cli_round_trip(tmp_path):
    r = sorot("export-labelstudio", data_path("samples/articles.jsonl"), "-o", tmp_path / "tasks.json")
    assert r.returncode == 0, r.stderr
    tasks = json.loads((tmp_path / "tasks.json").read_text())
    assert len(tasks) == 8 and (tmp_path / "tasks.config.xml").exists()
    assert tasks[0]["predictions"][0]["model_version"] == "sorot-weak-labeler"
    r = sorot("import-labelstudio", FIXTURE, "-o", tmp_path / "gold.jsonl")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("import-labelstudio: 3 written to ") and "; 1 skipped" in r.stdout
    assert "cuts a word; snapped to" in r.stderr  # warnings go to stderr, through logging
    assert list(load_annotated(tmp_path / "gold.jsonl").values()) == EXPECTED


def test_the_config_selects_whole_words_and_keeps_whitespace():
    root = ET.fromstring(labeling_config())
    assert root.find("Text").get("granularity") == "word"
    assert "white-space: pre-wrap" in root.find("Style").text


def _tasks(path: Path) -> list[dict]:
    return json.loads(path.read_text())


def test_select_picks_the_articles_most_worth_annotating_and_never_the_excluded(tmp_path, trained):
    """Raw articles in, the N least certain out, best first, each with a prediction score
    Label Studio sorts by; articles already in a gold file are never offered again."""
    src = data_path("samples/articles.jsonl")
    gold = data_path("samples/gold.jsonl")
    every = tmp_path / "all.json"
    r = sorot("export-labelstudio", src, "--model", trained[1], "-o", every)
    assert r.returncode == 0, r.stderr
    confidence = {t["data"]["id"]: t["predictions"][0]["score"] for t in _tasks(every)}
    assert len(confidence) == 8 and all(0 <= s <= 1 for s in confidence.values())
    r = sorot("export-labelstudio", src, "--model", trained[1], "-o", tmp_path / "u.json", "--select", "3")
    assert r.returncode == 0, r.stderr
    picked = [(t["data"]["id"], t["predictions"][0]["score"]) for t in _tasks(tmp_path / "u.json")]
    assert [s for _, s in picked] == sorted(confidence.values())[:3]  # the least confident, first
    r = sorot("export-labelstudio", src, "--model", trained[1], "-o", tmp_path / "d.json", "--select", "2",
              "--by", "disagreement")
    assert r.returncode == 0 and len(_tasks(tmp_path / "d.json")) == 2, r.stderr
    seeded = []
    for k in range(2):
        r = sorot("export-labelstudio", src, "-o", tmp_path / f"r{k}.json", "--select", "4", "--by", "random",
                  "--seed", "7")
        assert r.returncode == 0, r.stderr
        seeded.append([t["data"]["id"] for t in _tasks(tmp_path / f"r{k}.json")])
    assert seeded[0] == seeded[1] and len(seeded[0]) == 4
    # the gold samples are the same articles: excluding them leaves nothing to offer
    r = sorot("export-labelstudio", src, "-o", tmp_path / "x.json", "--select", "4", "--by", "random",
              "--exclude", gold)
    assert r.returncode == 0 and _tasks(tmp_path / "x.json") == [], r.stderr


def test_uncertainty_without_a_model_is_refused_in_one_line(tmp_path):
    r = sorot("export-labelstudio", data_path("samples/articles.jsonl"), "-o", tmp_path / "t.json",
              "--select", "2")
    assert r.returncode == 1
    assert r.stderr.strip().startswith("sorot: error: --by uncertainty needs --model")
