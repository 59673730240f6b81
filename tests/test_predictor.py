"""The packaged predictor: API shapes, inputs of any length, thresholds, dtypes, safe loading."""

from __future__ import annotations

import json
import types

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sorot.inference import Predictor
from sorot.inference.loading import ModelLoadError
from sorot.inference.text.resources import data_path
from sorot.inference.text.words import word_spans

SAMPLES = [json.loads(x)["text"] for x in data_path("samples/articles.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def predictor(trained):
    return Predictor.from_pretrained(trained[1], device="cpu")


def strip_scores(pred):
    return {"labels": pred["labels"], "primary": pred["primary"],
            "entities": [(e["start"], e["end"], e["label"]) for e in pred["entities"]]}


def test_one_text_one_result_a_list_a_list_an_iterator_an_iterator(predictor):
    one = predictor.predict(SAMPLES[0])
    assert isinstance(one, dict) and set(one) == {"text", "labels", "primary", "scores", "entities"}
    many = predictor.predict(SAMPLES, batch_size=3)
    assert isinstance(many, list) and [m["text"] for m in many] == SAMPLES
    lazy = predictor.predict(iter(SAMPLES), batch_size=2)
    assert isinstance(lazy, types.GeneratorType)
    assert [strip_scores(p) for p in lazy] == [strip_scores(p) for p in many]
    assert strip_scores(many[0]) == strip_scores(one)  # batching does not change results
    assert predictor(SAMPLES[0]) == one and predictor(SAMPLES[:2]) == many[:2]  # callable, as pipelines are
    assert set(one["scores"]) == {"russia_ukraine", "israel_iran", "gaza"}


def test_entities_carry_offsets_text_score_canonical_and_topic(predictor):
    preds = predictor.predict(SAMPLES)
    ents = [e for p in preds for e in p["entities"]]
    assert ents, "the tiny model trained on these samples finds entities in them"
    for p in preds:
        for e in p["entities"]:
            assert p["text"][e["start"]:e["end"]] == e["text"] and 0 < e["score"] <= 1
    assert any(e.get("canonical") == "Vladimir Putin" for e in ents)
    assert all("topic" in e for e in ents if e["label"] == "TOPIC")


def test_empty_whitespace_and_very_long_texts(predictor):
    empty, blank = predictor.predict(["", "  \n\t "])
    assert empty["entities"] == [] and blank["entities"] == []
    long_text = "\n".join(SAMPLES * 6)  # ~18k characters: many windows
    pred = predictor.predict(long_text)
    assert len(predictor.prepare([long_text]).encoded[0].windows) > 10
    assert max(e["end"] for e in pred["entities"]) > len(long_text) - 2000  # covered to the end


def test_thresholds_come_from_config_and_can_be_overridden(predictor):
    assert set(predictor.config.thresholds) == {"russia_ukraine", "israel_iran", "gaza"}
    always = predictor.predict(SAMPLES[0], thresholds={"gaza": 0.0})
    never = predictor.predict(SAMPLES[0], thresholds={"gaza": 1.01})
    assert "gaza" in always["labels"] and "gaza" not in never["labels"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Putin", "Zelensky-nya", "gencatan", "senjata", "(14/6)", "“Gaza”",
                                 "negara-negara", "Trump-Putin", "\u00a0", "tiba.", "\n", "Kyiv"]),
                max_size=40).map(" ".join))
def test_spans_start_and_end_on_word_boundaries(predictor, text):
    words = word_spans(text)
    starts, ends = {s for s, _ in words}, {e for _, e in words}
    for e in predictor.predict(text)["entities"]:
        assert e["start"] in starts and e["end"] in ends


def test_bf16_and_int8_on_cpu(trained):
    base = Predictor.from_pretrained(trained[1], device="cpu").predict(SAMPLES)
    bf16 = Predictor.from_pretrained(trained[1], device="cpu", dtype="bf16")
    assert bf16.model.dtype == torch.bfloat16
    int8 = Predictor.from_pretrained(trained[1], device="cpu", quantize="int8")
    assert int8.backend == "onnx" and int8.model.dtype == "int8"  # ONNX Runtime, not torch.ao
    for other in (bf16.predict(SAMPLES), int8.predict(SAMPLES)):
        assert [p["text"] for p in other] == SAMPLES
        agree = sum(a["labels"] == b["labels"] for a, b in zip(base, other))
        assert agree >= len(SAMPLES) - 2


def test_pickle_only_folder_is_refused(tmp_path, trained):
    import shutil

    from safetensors.torch import load_file

    folder = tmp_path / "pickled"
    shutil.copytree(trained[1], folder)
    weights = load_file(folder / "model.safetensors")
    (folder / "model.safetensors").unlink()
    torch.save(weights, folder / "pytorch_model.bin")
    with pytest.raises(ModelLoadError, match="only pickle weights \\(pytorch_model.bin\\)"):
        Predictor.from_pretrained(folder)


def test_missing_corrupt_and_foreign_models_say_what_is_wrong(tmp_path, trained):
    import shutil

    with pytest.raises(ModelLoadError, match="model folder not found"):
        Predictor.from_pretrained(tmp_path / "nope" / "model")
    (tmp_path / "bert").mkdir()
    (tmp_path / "bert" / "config.json").write_text('{"model_type": "bert"}')
    with pytest.raises(ModelLoadError, match="holds a 'bert' model, not a sorot model"):
        Predictor.from_pretrained(tmp_path / "bert")
    broken = tmp_path / "broken"
    shutil.copytree(trained[1], broken)
    data = (broken / "model.safetensors").read_bytes()
    (broken / "model.safetensors").write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelLoadError, match="could not load the model"):
        Predictor.from_pretrained(broken)


def test_results_do_not_depend_on_how_windows_are_cut_into_passes(predictor):
    texts = [*SAMPLES, " ".join(SAMPLES)]  # the last one spans several windows
    runs = []
    for batch_size, overhead in ((1, 0), (4, 0), (32, 10**6)):
        p = Predictor(predictor.model, predictor.tokenizer, device="cpu", batch_overhead=overhead)
        runs.append([strip_scores(x) for x in p.predict(texts, batch_size=batch_size)])
    assert len(p.prepare(texts[-1:]).encoded[0].windows) > 1
    assert runs[0] == runs[1] == runs[2]


def test_predict_isolated_keeps_the_others_when_one_text_breaks_the_batch(trained, monkeypatch):
    p = Predictor.from_pretrained(trained[1], device="cpu")
    real = Predictor.predict

    def fragile(self, texts, batch_size=32, thresholds=None):
        items = [texts] if isinstance(texts, str) else list(texts)
        if any("RUSAK" in t for t in items):
            raise RuntimeError("a record this model cannot take")
        return real(self, texts, batch_size, thresholds)

    monkeypatch.setattr(Predictor, "predict", fragile)
    out = p.predict_isolated(["Putin tiba di Kyiv.", "RUSAK", "Hamas menolak gencatan senjata."])
    assert [type(x).__name__ for x in out] == ["dict", "RuntimeError", "dict"]
    assert out[0] == real(p, "Putin tiba di Kyiv.")


def test_predict_output_loads_in_datasets_with_typed_entity_columns(trained, tmp_path):
    """Every entity has `canonical` and `topic` (null when absent), so `datasets` reads the
    JSON Lines as a list of structs of strings and numbers, not as JSON blobs."""
    import subprocess
    import sys

    from datasets import Value, load_dataset

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(SAMPLES)))
    out = tmp_path / "out.jsonl"
    r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--model", str(trained[1]), str(src),
                        "-o", str(out), "--no-progress"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert all(list(e) == ["start", "end", "label", "text", "score", "canonical", "topic"]
               for row in rows for e in row["entities"])
    ds = load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache"))
    entity = ds.features["entities"]
    entity = entity.feature if hasattr(entity, "feature") else entity[0]  # Sequence/List or [struct]
    assert entity["canonical"] == Value("string") and entity["topic"] == Value("string")
    assert entity["start"] == Value("int64") and entity["score"] == Value("float64")
    assert any(e["canonical"] for row in ds for e in row["entities"])


def test_from_pretrained_passes_token_and_cache_dir_to_the_hub(monkeypatch, trained, tmp_path):
    """As in transformers: `token=` for a private repository, `cache_dir=` for another cache."""
    import huggingface_hub

    seen = {}

    def fake_download(repo_id, **kw):
        seen.update(kw, repo_id=repo_id)
        return str(trained[1])

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_download)
    p = Predictor.from_pretrained("org/private-sorot", revision="v1", token="hf_secret", cache_dir=tmp_path,
                                  device="cpu")
    assert seen["repo_id"] == "org/private-sorot" and seen["revision"] == "v1"
    assert seen["token"] == "hf_secret" and seen["cache_dir"] == tmp_path
    assert p.predict(SAMPLES[0])["text"] == SAMPLES[0]
