"""The TrainingArguments the Trainer really gets: precision, logging and the joint
model's needs, decided from the device.

``TrainingArguments`` works out its mixed precision (``mixed_precision``, which the
Trainer hands to accelerate) and checks bf16 support when it is *built*: setting
``args.bf16 = True`` afterwards leaves the run in fp32. So the effective arguments are
a new object, made with :func:`dataclasses.replace`, which builds them again.

>>> choose_precision("auto", DeviceFacts(cuda=True, bf16=True))
'bf16'
>>> choose_precision("auto", DeviceFacts(cuda=True, bf16=False))
'fp16'
>>> choose_precision("auto", DeviceFacts(cuda=False, bf16=True)), choose_precision("bf16", DeviceFacts(False, True))
('fp32', 'bf16')
"""

from __future__ import annotations

import dataclasses
import importlib.util
from dataclasses import dataclass

from sorot.models.errors import SorotError

PRECISIONS = ("auto", "fp32", "bf16", "fp16")
LABEL_NAMES = ["tag_labels", "article_labels", "primary_labels"]


@dataclass(frozen=True)
class DeviceFacts:
    """What the training device can do: is it a CUDA GPU, and does it do bf16."""

    cuda: bool
    bf16: bool

    @classmethod
    def detect(cls, use_cpu: bool = False) -> DeviceFacts:
        import torch

        from sorot.inference.devices import bf16_support

        if torch.cuda.is_available() and not use_cpu:
            return cls(cuda=True, bf16=bool(bf16_support("cuda")))
        return cls(cuda=False, bf16=bool(bf16_support("cpu")))


def choose_precision(requested: str, device: DeviceFacts) -> str:
    """``auto``: bf16 on GPUs that support it, fp16 on other GPUs, fp32 on CPU; an
    explicit choice is kept (bf16 also trains on a CPU, through CPU autocast)."""
    if requested not in PRECISIONS:
        raise SorotError(f"--precision must be one of {', '.join(PRECISIONS)}, not {requested!r}")
    if requested != "auto":
        if requested == "fp16" and not device.cuda:
            raise SorotError("--precision fp16 needs a CUDA GPU; use bf16 or fp32 on a CPU")
        return requested
    return ("bf16" if device.bf16 else "fp16") if device.cuda else "fp32"


def effective_training_arguments(targs, precision: str, tensorboard: bool, pooling: str,
                                 device: DeviceFacts | None = None):
    """A new ``TrainingArguments`` from ``targs`` with the precision in effect, TensorBoard
    when installed, and the settings the joint model needs.

    ``--bf16``/``--fp16`` given directly win over ``precision``.
    """
    device = device or DeviceFacts.detect(targs.use_cpu)
    direct = "bf16" if targs.bf16 else "fp16" if targs.fp16 else None
    chosen = direct or choose_precision(precision, device)
    report_to = list(targs.report_to or [])
    if tensorboard and not report_to and importlib.util.find_spec("tensorboard"):
        report_to = ["tensorboard"]
    return dataclasses.replace(
        targs, bf16=chosen == "bf16", fp16=chosen == "fp16",
        use_cpu=targs.use_cpu or not device.cuda,  # bf16 on a CPU must say so to transformers
        report_to=report_to or ["none"],
        remove_unused_columns=False,  # the collator needs every column
        label_names=LABEL_NAMES,
        dataloader_pin_memory=targs.dataloader_pin_memory and device.cuda,
        # only max/mean pooling leaves the attention scorer without gradient
        ddp_find_unused_parameters=(pooling != "attention" if targs.ddp_find_unused_parameters is None
                                    else targs.ddp_find_unused_parameters))


def precision_in_effect(targs) -> str:
    """``bf16``, ``fp16`` or ``fp32``: what the Trainer's accelerator will autocast to."""
    return {"bf16": "bf16", "fp16": "fp16"}.get(getattr(targs, "mixed_precision", "no"), "fp32")
