"""Mixed precision and logging as the Trainer really receives them.

The Trainer class is replaced by a recorder, so each case asserts the
``TrainingArguments`` object handed to it, after every default was applied; the
device's capabilities are simulated.
"""

from __future__ import annotations

import importlib.util

import pytest
import torch
from transformers import TrainerCallback, TrainingArguments

from sorot.inference.text.resources import data_path
from sorot.training import precision as precision_module
from sorot.training import trainer as trainer_module
from sorot.training.arguments import DataArguments, ModelArguments
from sorot.training.precision import DeviceFacts
from sorot.training.run import run_training

GOLD = str(data_path("samples/gold.jsonl"))
TENSORBOARD = ["tensorboard"] if importlib.util.find_spec("tensorboard") else ["none"]


class Received(Exception):
    """Raised by the recording Trainer once it has the arguments."""

    def __init__(self, args) -> None:
        super().__init__("recorded")
        self.received = args


class RecordingTrainer:
    def __init__(self, *a, args, **kw) -> None:
        raise Received(args)


def received_args(monkeypatch, tmp_path, facts: DeviceFacts, precision: str = "auto", **targs):
    monkeypatch.setattr(trainer_module, "SorotTrainer", RecordingTrainer)
    monkeypatch.setattr(DeviceFacts, "detect", classmethod(lambda cls, use_cpu=False: facts))
    if facts.cuda:  # let TrainingArguments' own bf16 check pass on this CPU machine
        monkeypatch.setattr("transformers.training_args.is_torch_bf16_gpu_available", lambda: facts.bf16)
    with pytest.raises(Received) as got:
        run_training(ModelArguments(backbone="tiny"), DataArguments(train=[GOLD], precision=precision),
                     TrainingArguments(output_dir=str(tmp_path), **targs))
    return got.value.received


@pytest.mark.parametrize(("facts", "requested", "expected"), [
    (DeviceFacts(cuda=True, bf16=True), "auto", ("bf16", True, False, False)),
    (DeviceFacts(cuda=True, bf16=False), "auto", ("fp16", False, True, False)),
    (DeviceFacts(cuda=False, bf16=True), "auto", ("no", False, False, True)),
    (DeviceFacts(cuda=False, bf16=True), "bf16", ("bf16", True, False, True)),
])
def test_the_trainer_receives_the_precision_in_effect(monkeypatch, tmp_path, facts, requested, expected):
    args = received_args(monkeypatch, tmp_path, facts, requested)
    assert (args.mixed_precision, args.bf16, args.fp16, args.use_cpu) == expected
    assert args.report_to == TENSORBOARD
    assert args.label_names == ["tag_labels", "article_labels", "primary_labels"]
    assert args.remove_unused_columns is False
    assert args.dataloader_pin_memory is facts.cuda


def test_the_shipped_gpu_config_trains_in_bf16_on_a_bf16_gpu(monkeypatch, tmp_path):
    from transformers import HfArgumentParser

    import sorot.training as pkg
    from sorot.training.run import _trainer

    parser = HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    path = f"{pkg.__path__[0]}/configs/indobert-base.yaml"
    margs, dargs, targs = parser.parse_yaml_file(path, allow_extra_keys=False)
    targs.output_dir = str(tmp_path)
    monkeypatch.setattr(trainer_module, "SorotTrainer", RecordingTrainer)
    monkeypatch.setattr(DeviceFacts, "detect", classmethod(lambda cls, use_cpu=False: DeviceFacts(True, True)))
    monkeypatch.setattr("transformers.training_args.is_torch_bf16_gpu_available", lambda: True)

    class Model:  # _trainer only reads the pooling from the model
        config = type("C", (), {"pooling": margs.pooling})

    with pytest.raises(Received) as got:
        _trainer(Model(), type("T", (), {"pad_token_id": 0}), targs, None, None,
                 dataclasses_replace(dargs, early_stopping_patience=None))
    assert got.value.received.mixed_precision == "bf16" and got.value.received.bf16


def dataclasses_replace(obj, **kw):
    import dataclasses

    return dataclasses.replace(obj, **kw)


def test_explicit_flags_win_and_fp16_on_cpu_is_refused(monkeypatch, tmp_path):
    from sorot.models.errors import SorotError

    args = received_args(monkeypatch, tmp_path, DeviceFacts(cuda=True, bf16=True), "auto", fp16=True)
    assert args.mixed_precision == "fp16"
    with pytest.raises(SorotError, match="--precision fp16 needs a CUDA GPU"):
        precision_module.choose_precision("fp16", DeviceFacts(cuda=False, bf16=True))


class AutocastProbe(TrainerCallback):
    """Records, during each training forward pass, whether CPU autocast is on and its dtype."""

    def __init__(self) -> None:
        self.seen = []

    def on_train_begin(self, args, state, control, model=None, **kw):
        # on a layer inside the model: accelerate wraps model.forward in autocast, which runs
        # after the model's own pre-hooks
        layer = next(m for m in model.modules() if isinstance(m, torch.nn.Linear))
        layer.register_forward_pre_hook(lambda m, a: self.seen.append(
            (torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))) if m.training else None)


def test_cpu_bf16_really_trains_under_bf16_autocast_and_the_card_says_so(tmp_path):
    if not DeviceFacts.detect().bf16:
        pytest.skip("this CPU has no bf16 support")
    probe = AutocastProbe()
    targs = TrainingArguments(output_dir=str(tmp_path), max_steps=2, per_device_train_batch_size=4,
                              report_to="none", use_cpu=True, disable_tqdm=True, save_strategy="no")
    out, _ = run_training(ModelArguments(backbone="tiny"), DataArguments(train=[GOLD], precision="bf16"),
                          targs, callbacks=[probe])
    assert probe.seen and set(probe.seen) == {(True, torch.bfloat16)}
    card = (out / "README.md").read_text()
    assert "- precision: `bf16`" in card and "- lr_scheduler_type: `linear`" in card
    assert "SchedulerType" not in card
