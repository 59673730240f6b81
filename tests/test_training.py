"""Tiny end-to-end training: train -> save -> load -> predict, resume, hub, bad data, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from helpers import sorot, write_jsonl
from safetensors.torch import load_file
from transformers import TrainerCallback, TrainingArguments

import sorot.training as sorot_training
from sorot.inference.predictor import Predictor
from sorot.inference.text.resources import data_path
from sorot.training.arguments import DataArguments, ModelArguments
from sorot.training.hub import HubError, push_folder
from sorot.training.records import AnnotationError, load_annotated
from sorot.training.run import TrainingDataError, load_source, run_training
from sorot.training.scoring import score

GOLD = str(data_path("samples/gold.jsonl"))


def targs(out, **kw) -> TrainingArguments:
    base = dict(output_dir=str(out), per_device_train_batch_size=4, learning_rate=3e-3,
                save_strategy="no", report_to="none", use_cpu=True, disable_tqdm=True, seed=7,
                logging_steps=1)
    return TrainingArguments(**(base | kw))


def train_tiny(out, callbacks=(), resume=False, **kw):
    return run_training(ModelArguments(backbone="tiny"),
                        DataArguments(train=[GOLD], dev_gold=GOLD, resume=resume),
                        targs(out, **kw), callbacks)


def test_saved_model_reloads_and_predicts_identically(trained):
    out, model_dir, report = trained
    names = {p.name for p in model_dir.iterdir()}
    assert {"model.safetensors", "config.json", "tokenizer.json", "README.md", "eval.json",
            "gazetteer.yaml"} <= names and not any(n.endswith(".bin") for n in names)
    gold = load_annotated(GOLD)
    ids = list(gold)
    runs = []
    for _ in range(2):  # two fresh loads: same outputs, and the same scores as at save time
        pred = Predictor.from_pretrained(model_dir, device="cpu").predict([gold[i]["text"] for i in ids])
        runs.append({i: {"id": i, **p} for i, p in zip(ids, pred)})
    assert runs[0] == runs[1]
    assert report == json.loads((model_dir / "eval.json").read_text())
    # the report is never scored on the articles that tuned the thresholds: a fresh load
    # reproduces it by the same cross-fitting; entity scores do not depend on thresholds
    from sorot.training.thresholds import cross_fitted

    p = Predictor.from_pretrained(model_dir, device="cpu")
    decided, k = cross_fitted(gold, runs[0], list(p.config.article_labels),
                              lambda held, t: p.predict_records(held, 8, t))
    honest = score(gold, decided)
    assert {key: report[key] for key in honest} == honest and k == 4
    assert report["threshold_scheme"].startswith("4-fold cross-fitting on gold.jsonl")
    assert score(gold, runs[0])["entities"] == report["entities"]
    for p in runs[0].values():  # spans are slices of the original, on word boundaries
        assert all(p["text"][e["start"]:e["end"]] == e["text"] for e in p["entities"])


def test_config_card_and_logs_come_from_the_real_run(trained):
    out, model_dir, report = trained
    cfg = json.loads((model_dir / "config.json").read_text())
    assert cfg["model_type"] == "sorot" and set(cfg["thresholds"]) == {
        "russia_ukraine", "israel_iran", "gaza"}
    assert cfg["window_length"] == 128 and cfg["sorot_version"]
    card = (model_dir / "README.md").read_text()
    f1 = report["entities"]["micro"]["f1"]
    assert f"| micro | {report['entities']['micro']['precision']:.3f}" in card and f1 >= 0
    for section in ("## Intended use", "## Training data", "## Hyperparameters", "## Limitations",
                    "## Usage", "training articles (after source weights): 8"):
        assert section in card
    losses = [json.loads(x)["loss"] for x in (out / "log.jsonl").read_text().splitlines()
              if "loss" in json.loads(x)]
    assert losses[-1] < losses[0]


class StopAfterFirstEpoch(TrainerCallback):
    def on_epoch_end(self, args, state, control, **kwargs):
        control.should_training_stop = True  # after the epoch's checkpoint is saved


def test_resume_equals_a_run_straight_through(tmp_path):
    kw = dict(num_train_epochs=2, save_strategy="epoch", per_device_train_batch_size=2)
    straight, _ = train_tiny(tmp_path / "a", **kw)
    train_tiny(tmp_path / "b", callbacks=[StopAfterFirstEpoch()], **kw)  # "crash" after epoch 1
    assert [p.name for p in (tmp_path / "b").glob("checkpoint-*")] == ["checkpoint-4"]
    resumed, _ = train_tiny(tmp_path / "b", resume=True, **kw)
    a = load_file(straight / "model.safetensors")
    b = load_file(resumed / "model.safetensors")
    assert a.keys() == b.keys()
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_resume_passes_over_a_checkpoint_whose_save_was_killed(tmp_path, caplog):
    """A kill -9 during a checkpoint save left checkpoint-N half-written, and --resume took
    it and failed with a misleading tokenizer message."""
    import shutil

    kw = dict(num_train_epochs=2, save_strategy="epoch", per_device_train_batch_size=2)
    straight, _ = train_tiny(tmp_path / "a", **kw)
    train_tiny(tmp_path / "b", callbacks=[StopAfterFirstEpoch()], **kw)
    torn = tmp_path / "b" / "checkpoint-8"  # what the interrupted save of epoch 2 left
    shutil.copytree(tmp_path / "b" / "checkpoint-4", torn)
    (torn / "trainer_state.json").unlink()
    (torn / "model.safetensors").write_bytes(b"")
    for f in torn.glob("tokenizer*"):
        f.unlink()
    with caplog.at_level("INFO", logger="sorot.training.run"):
        resumed, _ = train_tiny(tmp_path / "b", resume=True, **kw)
    assert "checkpoint-8 is incomplete (a save was interrupted): passed over" in caplog.text
    assert "continuing from " + str(tmp_path / "b" / "checkpoint-4") in caplog.text
    a, b = load_file(straight / "model.safetensors"), load_file(resumed / "model.safetensors")
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_resume_with_only_incomplete_checkpoints_says_so(tmp_path):
    (tmp_path / "checkpoint-3").mkdir(parents=True)
    with pytest.raises(TrainingDataError, match="no complete checkpoint in .*checkpoint-3 are all incomplete"):
        train_tiny(tmp_path, resume=True, num_train_epochs=1)


def test_bad_training_data_is_refused_naming_the_record(tmp_path):
    bad = write_jsonl(tmp_path / "bad.jsonl", [
        {"id": "ok-1", "text": "Putin tiba.", "labels": [], "primary": "other", "entities": []},
        {"id": "bad-2", "text": "Putin tiba di Kyiv.", "labels": [], "primary": "other",
         "entities": [{"start": 0, "end": 10, "label": "LEADER"},
                      {"start": 6, "end": 10, "label": "TOPIC"}]}])
    with pytest.raises(AnnotationError, match="record 'bad-2'"):
        load_source(str(bad))
    with pytest.raises(TrainingDataError, match="not a dataset folder"):
        load_source(str(tmp_path))


def test_label_set_mismatch_is_refused(tmp_path):
    from datasets import ClassLabel, Sequence

    ds = load_source(GOLD)
    other = ds.cast_column("ner_tags", Sequence(ClassLabel(names=["O", "B-PER", "I-PER", "B-X", "I-X",
                                                              "B-Y", "I-Y"])))
    other.save_to_disk(str(tmp_path / "hf"))
    with pytest.raises(TrainingDataError, match="tags label set .* does not match the model's"):
        load_source(str(tmp_path))


def test_push_fails_clearly_offline_and_without_a_repo_id(tmp_path, monkeypatch):
    from transformers import TrainingArguments

    targs = TrainingArguments(output_dir=str(tmp_path), hub_model_id="org/sorot")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(HubError, match="Are you online and logged in.*hf upload org/sorot"):
        push_folder(tmp_path, targs)
    with pytest.raises(HubError, match="needs --hub-model-id"):
        push_folder(tmp_path, TrainingArguments(output_dir=str(tmp_path)))


def test_the_retry_hint_of_a_private_push_keeps_the_repo_private(tmp_path, monkeypatch):
    """`hf upload` as printed would otherwise create the missing repo public."""
    from transformers import TrainingArguments

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    targs = TrainingArguments(output_dir=str(tmp_path), hub_model_id="org/sorot", hub_private_repo=True,
                              hub_revision="v1")
    with pytest.raises(HubError) as e:
        push_folder(tmp_path, targs)
    assert str(e.value).endswith(f"retry with `hf upload org/sorot {tmp_path} --revision v1 --private`")
    public = TrainingArguments(output_dir=str(tmp_path), hub_model_id="org/sorot")
    with pytest.raises(HubError) as e:
        push_folder(tmp_path, public)
    assert "--private" not in str(e.value)


def test_cli_train_then_evaluate_the_model(tmp_path):
    r = sorot("train", "--backbone", "tiny", "--train", GOLD, "--dev-gold", GOLD, "--output-dir",
              tmp_path / "run", "--max-steps", "3", "--report-to", "none", "--use-cpu",
              "--disable-tqdm", "true", "--export-onnx")
    assert r.returncode == 0, r.stderr
    model = tmp_path / "run" / "model"
    assert sorted(p.name for p in (model / "onnx").iterdir()) == [  # --export-onnx, in the folder a push uploads
        "export.json", "heads.safetensors", "model.onnx", "model_int8.onnx"]
    r = sorot("evaluate", "--model", model, "--gold", GOLD, "-o", tmp_path / "rep")
    assert r.returncode == 0, r.stderr
    assert "| LEADER |" in r.stdout and (tmp_path / "rep.pred.jsonl").exists()
    assert sorot("train", "--no-such-flag", "1").returncode == 2
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "z", "text": "x", "labels": ["mars"]}])
    r = sorot("train", "--backbone", "tiny", "--train", bad, "--output-dir", tmp_path / "r2")
    assert r.returncode == 1 and "record 'z'" in r.stderr


def test_accelerate_launch_two_cpu_processes(tmp_path):
    import subprocess
    import sys

    # On a machine without GPUs, --multi_gpu starts torch.distributed ranks on the CPU (gloo);
    # accelerate's --cpu flag would silently run a single process.
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
           "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
           "-m", "sorot", "train", "--backbone", "tiny", "--train", GOLD, "--dev-gold", GOLD,
           "--output-dir", str(tmp_path), "--max-steps", "2", "--per-device-train-batch-size", "2",
           "--report-to", "none", "--disable-tqdm", "true", "--use-cpu"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "- num_devices: `2`" in (tmp_path / "model" / "README.md").read_text()
    assert r.stdout.count("model saved to") == 1


def test_shipped_gpu_config_parses():
    from pathlib import Path

    from transformers import HfArgumentParser

    path = Path(sorot_training.__file__).parent / "configs" / "indobert-base.yaml"
    parser = HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    margs, dargs, t = parser.parse_yaml_file(str(path), allow_extra_keys=False)
    assert margs.backbone == "indobenchmark/indobert-base-p1" and dargs.early_stopping_patience == 3
    assert t.train_sampling_strategy == "group_by_length"


def test_the_card_has_the_hubs_metadata_and_no_file_names_a_path_of_this_machine(trained):
    """Trained from a deep temporary folder on gold inside the checkout: every file of the
    saved folder names the data by file name, and `ModelCard.load` reads the hub fields."""
    from huggingface_hub import ModelCard

    from sorot.inference.text.resources import data_path

    folder = Path(trained[1])
    data = ModelCard.load(folder / "README.md").data.to_dict()
    assert data["pipeline_tag"] == "token-classification" and data["library_name"] == "sorot"
    assert data["metrics"] == ["f1", "accuracy"] and len(data["widget"]) == 3
    assert set(data["framework_versions"]) >= {"sorot", "torch", "transformers", "tokenizers"}
    assert all(set(w) == {"text"} for w in data["widget"])
    assert data["model-index"][0]["results"]
    card = (folder / "README.md").read_text()
    assert "## Framework versions" in card and "- transformers: " in card
    assert "source gold.jsonl: 8" in card and "Dev set: gold.jsonl" in card
    paths = {str(Path(trained[0]).parent), str(data_path("samples").parent.parent), str(Path.home())}
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = f.read_bytes().decode("utf-8", "ignore")
        assert not [p for p in paths if p in text], f.name


def test_training_leaves_no_cache_file_in_the_users_dataset_folder(tmp_path):
    """`datasets` caches a map beside the data it read from disk: the encoded windows go
    to the run's own folder instead."""
    r = sorot("build-dataset", "--annotated", GOLD, "-o", tmp_path / "gold-ds")
    assert r.returncode == 0, r.stderr
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "gold-ds").rglob("*"))
    r = sorot("train", "--backbone", "tiny", "--train", tmp_path / "gold-ds", "--source-weights", "1.5",
              "--output-dir", tmp_path / "run", "--max-steps", "2", "--report-to", "none", "--use-cpu",
              "--disable-tqdm", "true", "--save-strategy", "no")
    assert r.returncode == 0, r.stderr
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "gold-ds").rglob("*")) == before
    assert list((tmp_path / "run" / "cache").glob("encoded-*.arrow"))
