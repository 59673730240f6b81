"""A model that carries everything it needs: loaded by hub id from a hub cache laid out
as huggingface_hub lays it out, offline, it predicts exactly as its folder does; its
card's metadata is valid; push_to_hub uses the TrainingArguments' hub options."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import COMMIT, lay_out_hub_cache

from sorot.inference.text.resources import data_path

TEXTS = [json.loads(x)["text"] for x in data_path("samples/articles.jsonl").read_text().splitlines()]

PREDICT = """
import json, sys
from sorot import Predictor
p = Predictor.from_pretrained(sys.argv[1], revision=sys.argv[2] or None, device="cpu")
texts = json.loads(sys.stdin.read())
print(json.dumps({"predictions": p.predict(texts), "canonical": p.gazetteer.lookup("Putin").name,
                  "topic": p.topics.topic_of("jeda tembak")}))
"""


def model_with_own_resources(src: Path, dst: Path) -> Path:
    """A copy of a trained model whose gazetteer and topic lexicon differ from the shipped ones."""
    shutil.copytree(src, dst)
    gaz = yaml.safe_load((dst / "gazetteer.yaml").read_text())
    for person in gaz["people"]:
        if person["name"] == "Vladimir Putin":
            person["name"] = "Vladimir V. Putin"
    (dst / "gazetteer.yaml").write_text(yaml.safe_dump(gaz, allow_unicode=True))
    topics = yaml.safe_load((dst / "topics.yaml").read_text())
    topics["topics"]["ceasefire"].append("jeda tembak")
    (dst / "topics.yaml").write_text(yaml.safe_dump(topics, allow_unicode=True))
    return dst


def predict_in_subprocess(model: str, revision: str, env: dict) -> dict:
    r = subprocess.run([sys.executable, "-c", PREDICT, model, revision], input=json.dumps(TEXTS),
                       capture_output=True, text=True, timeout=300, env={**os.environ, **env})
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_a_trained_model_folder_carries_its_resources(trained):
    for name in ("gazetteer.yaml", "topics.yaml"):
        assert (trained[1] / name).read_text() == data_path(name).read_text()


@pytest.mark.parametrize("revision", ["", COMMIT])
def test_hub_id_from_the_cache_offline_predicts_as_the_folder(trained, tmp_path, revision):
    model = model_with_own_resources(trained[1], tmp_path / "model")
    lay_out_hub_cache(model, tmp_path / "hub", "org/sorot-tiny")
    offline = {"HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HUB_OFFLINE": "1"}
    by_folder = predict_in_subprocess(str(model), "", {})
    by_id = predict_in_subprocess("org/sorot-tiny", revision, offline)
    assert by_id == by_folder
    assert by_id["canonical"] == "Vladimir V. Putin" and by_id["topic"] == "ceasefire"


def test_an_uncached_hub_id_offline_is_a_clear_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--model", "org/not-cached", "-",
                        "-o", "-"], input="", capture_output=True, text=True, timeout=300,
                       env={**os.environ, "HF_HUB_CACHE": str(tmp_path), "HF_HUB_OFFLINE": "1"})
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("sorot: error: could not get org/not-cached from the hub or its cache")


def test_the_card_metadata_is_valid_with_results(trained):
    from huggingface_hub import ModelCard

    card = ModelCard.load(trained[1] / "README.md")
    data = card.data
    assert data.library_name == "sorot" and data.base_model is None  # tiny: no hub backbone
    # the hub's task filter; library_name (not transformers) keeps it from offering a pipeline snippet
    assert data.pipeline_tag == "token-classification" and data.language == "id"
    names = {r.metric_name: r.metric_value for r in data.eval_results}
    report = trained[2]
    assert names["LEADER F1 (strict IOB2)"] == report["entities"]["LEADER"]["f1"]
    assert names["article macro F1"] == report["articles"]["macro"]["f1"]
    assert names["primary accuracy"] == report["primary_accuracy"]
    assert "from sorot import Predictor" in card.text and "pipeline(" not in card.text


def test_base_model_only_for_a_hub_backbone():
    from sorot.training.card import card_data

    assert card_data({"backbone": "indobenchmark/indobert-base-p1"}, None).base_model == \
        "indobenchmark/indobert-base-p1"
    assert card_data({"backbone": "/data/my-bert"}, None).base_model is None


def test_push_uses_the_training_arguments_hub_options(tmp_path, monkeypatch):
    import huggingface_hub
    from transformers import TrainingArguments

    from sorot.training.arguments import DataArguments, ModelArguments
    from sorot.training.run import run_training

    calls = []

    class RecordingApi:
        def __init__(self, token=None, **kw):
            calls.append(("token", token))

        def create_repo(self, repo_id, private=None, **kw):
            calls.append(("create_repo", repo_id, private))

        def create_branch(self, repo_id, branch, **kw):
            calls.append(("create_branch", repo_id, branch))

        def upload_folder(self, folder_path, repo_id, revision=None, **kw):
            calls.append(("upload", repo_id, revision, sorted(p.name for p in Path(folder_path).iterdir())))
            return f"https://huggingface.co/{repo_id}/commit/1"

    monkeypatch.setattr(huggingface_hub, "HfApi", RecordingApi)
    gold = str(data_path("samples/gold.jsonl"))
    targs = TrainingArguments(output_dir=str(tmp_path), max_steps=1, report_to="none", use_cpu=True,
                              disable_tqdm=True, save_strategy="no", push_to_hub=True,
                              hub_model_id="org/sorot-test", hub_token="hf_test",
                              hub_private_repo=True, hub_revision="v1")
    run_training(ModelArguments(backbone="tiny"), DataArguments(train=[gold], dev_gold=gold), targs)
    assert calls == [
        ("token", "hf_test"), ("create_repo", "org/sorot-test", True),
        ("create_branch", "org/sorot-test", "v1"),
        ("upload", "org/sorot-test", "v1",
         ["README.md", "config.json", "eval.json", "eval.md", "gazetteer.yaml", "model.safetensors",
          "tokenizer.json", "tokenizer_config.json", "topics.yaml"])]
