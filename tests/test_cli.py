"""CLI smoke tests, run as a user would: `sorot ...` in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import sorot, write_jsonl

from sorot.inference.text.resources import data_path

ARTICLE = "Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina. Kyiv membantah."


@pytest.mark.parametrize("cmd", ["weak-label", "build-dataset", "evaluate", "demo"])
def test_every_subcommand_has_help(cmd):
    r = sorot(cmd, "--help")
    assert r.returncode == 0 and "usage: sorot" in r.stdout


def test_usage_error_exits_2_and_failure_exits_1(tmp_path):
    assert sorot("weak-label").returncode == 2
    r = sorot("weak-label", tmp_path / "missing.jsonl", "-o", tmp_path / "o.jsonl")
    assert r.returncode == 1 and "sorot: error: input not found" in r.stderr


def test_weak_label_writes_predictions_and_an_errors_file(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE, "url": "u"}, "{bad\n",
                                              {"id": "c", "text": ""}])
    r = sorot("weak-label", src, "-o", tmp_path / "out.jsonl")
    assert r.returncode == 0, r.stderr
    (pred,) = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert pred["id"] == "a" and pred["url"] == "u" and pred["labels"] == ["russia_ukraine"]
    assert [(e["text"], e["label"]) for e in pred["entities"]] == [
        ("Vladimir Putin", "LEADER"), ("gencatan senjata", "TOPIC")]
    errors = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(e["location"], e["reason"][:14]) for e in errors] == [
        ("line 2", "malformed JSON"), ("line 3", "empty text")]
    assert "weak-label: 1 written to" in r.stdout and "; 2 bad records in " in r.stdout


def test_weak_label_reads_a_txt_directory(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "berita-1.txt").write_text(ARTICLE, encoding="utf-8")
    r = sorot("weak-label", tmp_path / "docs", "-o", tmp_path / "out.jsonl")
    assert r.returncode == 0 and json.loads((tmp_path / "out.jsonl").read_text())["id"] == "berita-1"


def test_build_dataset_from_raw_and_from_gold(tmp_path):
    raw = write_jsonl(tmp_path / "raw.jsonl", [{"id": f"r{i}", "text": ARTICLE} for i in range(5)])
    r = sorot("build-dataset", raw, "-o", tmp_path / "silver")
    assert r.returncode == 0, r.stderr
    assert "entities: LEADER 5, TOPIC 5" in r.stdout
    r = sorot("build-dataset", data_path("samples/gold.jsonl"), "--annotated", "-o", tmp_path / "g")
    assert r.returncode == 0 and "entities: LEADER 13, OFFICIAL 15, TOPIC 29" in r.stdout
    assert (tmp_path / "g" / "hf" / "dataset_dict.json").exists()


def test_evaluate_prints_and_writes_reports(tmp_path):
    gold = data_path("samples/gold.jsonl")
    r = sorot("evaluate", "--gold", gold, "--pred", gold, "-o", tmp_path / "rep")
    assert r.returncode == 0, r.stderr
    assert "| micro | 1.000 | 1.000 | 1.000 | 57 |" in r.stdout
    report = json.loads(Path(f"{tmp_path / 'rep'}.eval.json").read_text())
    assert report["primary_accuracy"] == 1.0 and Path(f"{tmp_path / 'rep'}.eval.md").exists()
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "z", "text": "x", "labels": ["mars"]}])
    r = sorot("evaluate", "--gold", gold, "--pred", bad)
    assert r.returncode == 1 and "record 'z'" in r.stderr


def test_evaluate_half_scores_only_that_half_of_the_gold_articles(tmp_path):
    """Leave articles out: ``--half check`` scores the articles whose errors nobody reads."""
    from sorot.training.weak.leave_names_out import half_of

    gold = data_path("samples/gold.jsonl")
    ids = [json.loads(x)["id"] for x in Path(gold).read_text().splitlines() if x.strip()]
    for half, source in (("development", "--weak-labeler"), ("check", "--pred")):
        r = sorot("evaluate", "--gold", gold, *([source] if source == "--weak-labeler" else [source, gold]),
                  "--half", half, "-o", tmp_path / half)
        assert r.returncode == 0, r.stderr
        report = json.loads(Path(f"{tmp_path / half}.eval.json").read_text())
        assert report["n_articles"] == sum(half_of(str(i)) == half for i in ids) > 0
        assert f"({half} half)" in r.stdout and not report["warnings"]  # the other half's predictions: ignored
    r = sorot("evaluate", "--gold", gold, "--pred", gold, "--half", "other")
    assert r.returncode == 2 and "invalid choice: 'other'" in r.stderr


def test_demo_runs_end_to_end_and_shows_predictions_on_articles_it_did_not_train_on(tmp_path):
    r = sorot("demo", "-o", tmp_path / "demo", "--epochs", "1")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "primary accuracy" in r.stdout
    assert (tmp_path / "demo" / "dataset" / "hf").is_dir()
    assert (tmp_path / "demo" / "weak_labeler.eval.json").exists()
    assert (tmp_path / "demo" / "tiny" / "model" / "model.safetensors").exists()
    shown = [line.split(":")[0][2:] for line in r.stdout.split("== predictions of the tiny model")[1].splitlines()
             if line.startswith("- ")]
    train_ids = {json.loads(x)["id"] for x in (tmp_path / "demo" / "dataset" / "train.jsonl").open()}
    assert shown and not set(shown) & train_ids
    assert "held out of training (the dataset's validation split)" in r.stdout
