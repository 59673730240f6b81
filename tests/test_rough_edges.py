"""The rough edges a new user meets, each as the user meets it (issue: honest scores,
an honest demo): empty texts, wrong types, abbreviations, the evaluate command, paths
that look like paths, a run that processes nothing, kept fields, Label Studio fields,
configs by name, report files where they were asked for, and the report page itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import write_jsonl

from sorot.inference.text.resources import data_path

GOLD = data_path("samples/gold.jsonl")
ARTICLE = {"id": "a1", "text": "Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.",
           "url": "https://contoh.id/1", "judul": "Putin menolak"}


def sorot(*args, cwd=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "sorot", *map(str, args)], capture_output=True,
                          text=True, timeout=600, cwd=cwd, input=stdin,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


@pytest.fixture(scope="module")
def predictor(trained):
    from sorot.inference.predictor import Predictor

    return Predictor.from_pretrained(trained[1], device="cpu")


@pytest.mark.parametrize("text", ["", "   \n", ".", "!!! ... ?", "\u200b"])
def test_a_text_with_no_word_gets_no_labels_and_no_entities(predictor, text):
    out = predictor.predict(text)
    assert out["labels"] == [] and out["primary"] == "other" and out["entities"] == []
    assert set(out["scores"].values()) == {0.0}
    assert predictor.predict([text, ARTICLE["text"]])[0] == out  # the same inside a batch


@pytest.mark.parametrize("bad", [123, None, 4.5, b"bytes"])
def test_predict_says_texts_must_be_strings(predictor, bad):
    with pytest.raises(TypeError, match="texts must be a string"):
        predictor.predict(bad)
    with pytest.raises(TypeError, match="texts must be strings"):
        predictor.predict(["ok", bad])


def test_no_flag_abbreviations_and_a_real_threads_flag(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    r = sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.jsonl", "--threads-per", "1")
    assert r.returncode == 2 and "unrecognized arguments: --threads-per" in r.stderr
    r = sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.jsonl", "--threads", "1")
    assert r.returncode == 0, r.stderr
    r = sorot("predict", "--engine", "ray", "--model", trained[1], src, "-o", tmp_path / "r", "--threads", "1")
    assert r.returncode == 1 and "--threads is for one process" in r.stderr


def test_evaluate_needs_exactly_one_source_and_reads_stdin(tmp_path):
    r = sorot("evaluate", "--gold", GOLD, cwd=tmp_path)
    assert r.returncode == 2 and "give exactly one of --pred" in r.stderr
    preds = sorot("weak-label", GOLD, "-o", "-", "-q").stdout
    r = sorot("evaluate", "--gold", GOLD, "--pred", "-", cwd=tmp_path, stdin=preds)
    assert r.returncode == 0 and r.stdout.startswith("## <stdin> against gold.jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eval.eval.json", "eval.eval.md"]


def test_a_mistyped_relative_model_path_is_one_line_and_leaves_nothing(tmp_path):
    (tmp_path / "runs").mkdir()
    src = write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    r = sorot("predict", "--model", "runs/nope", src, "-o", "p.jsonl", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip() == ("sorot: error: model folder not found: runs/nope (runs/ is a folder "
                                "here; a hub id is ORG/NAME)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "runs"]


def test_a_run_that_processes_nothing_says_why_and_leaves_no_empty_output(tmp_path, trained):
    (tmp_path / "a.csv").write_text("kode,isi\n1,Putin tiba.\n")
    (tmp_path / "old.jsonl").write_text('{"id": "lama"}\n')
    r = sorot("weak-label", "a.csv", "-o", "old.jsonl", cwd=tmp_path)
    assert r.returncode == 1
    assert "no record could be processed (the first: a.csv: no column 'text'" in r.stderr
    assert (tmp_path / "old.jsonl").read_text() == '{"id": "lama"}\n'  # the earlier output is whole
    r = sorot("predict", "--model", trained[1], "a.csv", "-o", "p.jsonl", cwd=tmp_path)
    assert r.returncode == 1 and "(the first: a.csv: no column 'text'" in r.stderr
    assert not (tmp_path / "p.jsonl").exists()


def test_predict_prints_its_summary_once(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    r = sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.jsonl")
    assert (r.stdout + r.stderr).count("1 done, 0 skipped") == 1


@pytest.mark.slow
def test_under_accelerate_rank_0_prints_the_total_once(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "id": f"d{i}"} for i in range(9)])
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
           "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", "-m", "sorot",
           "predict", "--model", str(trained[1]), str(src), "-o", str(tmp_path / "p.jsonl"), "--device", "cpu"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.count("done, 0 skipped") == 1 and r.stdout.startswith("9 done, 0 skipped")


def test_predict_keeps_input_fields_by_default_as_weak_label_does(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    for flags, kept in (([], {"url", "judul"}), (["--keep-fields", "url"], {"url"}),
                        (["--keep-fields", "none"], set())):
        out = tmp_path / f"p{len(flags)}{len(kept)}.jsonl"
        assert sorot("predict", "--model", trained[1], src, "-o", out, *flags).returncode == 0
        rec = json.loads(out.read_text())
        assert set(rec) - {"id", "labels", "primary", "scores", "entities"} == kept
    assert sorot("weak-label", src, "-o", tmp_path / "w.jsonl").returncode == 0
    assert {"url", "judul"} <= set(json.loads((tmp_path / "w.jsonl").read_text()))


def test_label_studio_tasks_keep_the_input_fields(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    assert sorot("export-labelstudio", src, "-o", tmp_path / "t.json").returncode == 0
    (task,) = json.loads((tmp_path / "t.json").read_text())
    assert task["data"] == {"url": ARTICLE["url"], "judul": ARTICLE["judul"], "id": "a1", "text": ARTICLE["text"]}


def test_train_takes_a_shipped_config_by_name_and_flags_override_it(monkeypatch, tmp_path):
    from sorot import cli
    from sorot.training import run

    # the paths the shipped config and the flags name, which `sorot train` checks first
    work = tmp_path / "work"
    (work / "runs" / "silver" / "hf").mkdir(parents=True)
    (work / "runs" / "silver" / "hf" / "dataset_dict.json").write_text("{}")
    (work / "x.jsonl").write_text("")
    (tmp_path / "shared" / "corpus").mkdir(parents=True)
    (tmp_path / "shared" / "corpus" / "dev.jsonl").write_text("")
    monkeypatch.chdir(work)
    seen = {}

    def fake_run_training(margs, dargs, targs):
        seen.update(backbone=margs.backbone, lr=targs.learning_rate, epochs=targs.num_train_epochs,
                    train=dargs.train)
        return Path("m"), None

    monkeypatch.setattr(run, "run_training", fake_run_training)
    assert cli.main(["train", "indobert-base", "--learning_rate", "1e-5", "--train", "x.jsonl"]) == 0
    assert seen == {"backbone": "indobenchmark/indobert-base-p1", "lr": 1e-5, "epochs": 5, "train": ["x.jsonl"]}
    seen.clear()
    assert cli.main(["train", "--num_train_epochs", "2", "--config", "indobert-base"]) == 0
    assert seen["epochs"] == 2 and seen["lr"] == 3e-5


def test_train_names_the_shipped_configs_for_an_unknown_one(tmp_path):
    r = sorot("train", "--config", "nope", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip() == ("sorot: error: no training config 'nope': give a YAML/JSON file, or a "
                                "shipped one: indobert-base")
    (tmp_path / "c.yaml").write_text("learning_rate: 1e-4\nno_such_setting: 1\n")
    r = sorot("train", "c.yaml", cwd=tmp_path)
    assert r.returncode == 2 and "unknown settings: no_such_setting" in r.stderr


def test_evaluate_writes_into_the_report_folder_and_never_overwrites_silently(tmp_path):
    r = sorot("evaluate", "--gold", GOLD, "--weak-labeler", "--report", "rep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep"]  # nothing in the current folder
    assert {"eval.eval.json", "eval.eval.md", "eval.pred.jsonl", "index.html"} <= {
        p.name for p in (tmp_path / "rep").iterdir()}
    again = sorot("evaluate", "--gold", GOLD, "--weak-labeler", "--report", "rep", cwd=tmp_path)
    assert again.returncode == 1 and "exists from an earlier evaluation" in again.stderr
    assert sorot("evaluate", "--gold", GOLD, "--weak-labeler", "--report", "rep", "--overwrite",
                 cwd=tmp_path).returncode == 0


def test_the_report_draws_a_missed_span_under_an_overlapping_spurious_one():
    from sorot.training.report import count_colour, highlight

    page = highlight("Presiden Vladimir Putin tiba.", {(9, 23, "LEADER")}, {(0, 17, "OFFICIAL")})
    assert 'class="missed spurious"' in page and 'class="missed" title="missed LEADER"> Putin' in page
    assert count_colour(40, [[40, 2], [3, 1]]) == "white" and count_colour(2, [[40, 2], [3, 1]]) == "black"


# ---- honest scores and an honest demo ---------------------------------------------------

def _train(out, **kw):
    from transformers import TrainingArguments

    from sorot.training.arguments import DataArguments, ModelArguments
    from sorot.training.run import run_training

    data = {"train": [str(GOLD)], "dev_gold": str(GOLD), **kw.pop("data", {})}
    args = TrainingArguments(output_dir=str(out), per_device_train_batch_size=4, learning_rate=3e-3,
                             report_to="none", use_cpu=True, disable_tqdm=True, seed=7, **kw)
    return run_training(ModelArguments(backbone="tiny"), DataArguments(**data), args)


def test_a_bad_record_in_the_tuning_gold_is_refused_before_training(tmp_path):
    from sorot.training.records import AnnotationError

    bad = tmp_path / "tune.jsonl"
    bad.write_text(GOLD.read_text() + json.dumps({"id": "rusak-1", "text": "Putin tiba.", "labels": ["perang"],
                                                  "primary": "other", "entities": []}) + "\n")
    with pytest.raises(AnnotationError, match="rusak-1"):
        _train(tmp_path / "run", num_train_epochs=1, data={"tune_gold": str(bad)})
    assert not (tmp_path / "run").exists()  # no step was trained


def test_thresholds_tuned_on_a_separate_gold_say_so(tmp_path):
    _, report = _train(tmp_path, num_train_epochs=2, save_strategy="no", data={"tune_gold": str(GOLD)})
    assert report["threshold_scheme"].startswith("thresholds tuned on gold.jsonl (8 articles)")


def test_when_dev_chose_the_checkpoint_the_card_says_so(tmp_path):
    model_dir, report = _train(tmp_path, num_train_epochs=2, eval_strategy="epoch", save_strategy="epoch",
                               data={"early_stopping_patience": 1})
    assert report["checkpoint_choice"].startswith("dev chose the checkpoint")
    card = (model_dir / "README.md").read_text()
    assert "Checkpoint: dev chose the checkpoint" in card and "cross-fitting" in card


def test_a_short_run_logs_more_than_once_and_train_prints_the_final_scores(tmp_path):
    r = sorot("train", "--backbone", "tiny", "--train", GOLD, "--dev-gold", GOLD, "--output-dir",
              tmp_path / "run", "--num-train-epochs", "3", "--use-cpu", "--report-to", "none")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "## final scores on gold.jsonl" in r.stdout and "| micro |" in r.stdout
    assert "Article-label thresholds: 4-fold cross-fitting" in r.stdout
    assert len((tmp_path / "run" / "log.jsonl").read_text().splitlines()) > 1


def test_the_demo_models_card_says_what_it_is(trained):
    from huggingface_hub import ModelCard

    card = ModelCard.load(trained[1] / "README.md")
    body = card.text.split("\n# sorot: ", 1)[1].splitlines()
    assert body[2].startswith("> **A pipeline demonstration, not a model for use.**")
    assert any(line.startswith("| weak labeler |") for line in body[:12])
    assert {"pipeline-demo", "not-for-use"} <= set(card.data.tags)
    assert all("(pipeline demo, not for use)" in r.task_name for r in card.data.eval_results)
    assert "- backbone: tiny (random init) (trained from scratch, no pretraining)" in card.text


def test_predict_prints_no_weight_loading_bar_only_its_own_lines(trained, tmp_path):
    """transformers 5 draws a "Loading weights" bar on every load; a batch job's stderr keeps
    the run's own lines, and the Python API's setting is left as it was."""
    r = sorot("predict", "--model", trained[1], GOLD, "-o", tmp_path / "p.jsonl", "--device", "cpu")
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines() == [f"predictions in {tmp_path / 'p.jsonl'}"]
    from transformers.utils import logging as hf_logging

    from sorot.inference.loading import load_model

    hf_logging.enable_progress_bar()
    load_model(trained[1])
    assert hf_logging.is_progress_bar_enabled()
