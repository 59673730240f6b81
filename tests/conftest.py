"""Shared fixtures. Fixture texts are sentences written for this project."""

from __future__ import annotations

from pathlib import Path

import pytest

from sorot.training.corpus import shared_corpus


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared real corpus; tests that need it skip when it is absent."""
    path = shared_corpus()
    if path is None:
        pytest.skip("../shared/corpus is not present")
    return path


@pytest.fixture(scope="session")
def labeler():
    from sorot.training.weak.labeler import WeakLabeler

    return WeakLabeler.load()


@pytest.fixture(scope="session", autouse=True)
def onnx_cache(tmp_path_factory) -> Path:
    """ONNX exports made on first use go to a cache of the run's own, never the user's
    (subprocesses inherit the variable)."""
    import os

    path = tmp_path_factory.mktemp("sorot-cache")
    os.environ["SOROT_CACHE"] = str(path)
    return path


@pytest.fixture(scope="session")
def exported(trained, tmp_path_factory) -> Path:
    """A copy of the tiny model's folder with its ONNX export (onnx/model.onnx, the int8
    copy, the heads), as `sorot export-onnx` writes it."""
    import shutil

    from sorot.inference.onnx_export import export_onnx

    folder = tmp_path_factory.mktemp("exported") / "model"
    shutil.copytree(trained[1], folder)
    export_onnx(folder)
    return folder


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """A tiny model trained for 12 epochs on the shipped gold samples (about 10 s):
    ``(output_dir, model_dir, dev_report)``."""
    from transformers import TrainingArguments

    from sorot.inference.text.resources import data_path
    from sorot.training.arguments import DataArguments, ModelArguments
    from sorot.training.run import run_training

    gold = str(data_path("samples/gold.jsonl"))
    out = tmp_path_factory.mktemp("tiny")
    args = TrainingArguments(output_dir=str(out), per_device_train_batch_size=4, learning_rate=3e-3,
                             save_strategy="no", report_to="none", use_cpu=True, disable_tqdm=True,
                             seed=7, logging_steps=1, num_train_epochs=12)
    model_dir, report = run_training(ModelArguments(backbone="tiny"),
                                     DataArguments(train=[gold], dev_gold=gold), args)
    return out, model_dir, report


@pytest.fixture(scope="session")
def rules_only(labeler):
    """The weak labeler with an empty gazetteer: only the rules can find people."""
    from sorot.inference.text.gazetteer import Gazetteer
    from sorot.training.weak.labeler import WeakLabeler

    return WeakLabeler(Gazetteer([]), labeler.topics, labeler.roles, labeler.evidence)
