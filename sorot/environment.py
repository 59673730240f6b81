"""``sorot env``: what a bug report needs to know about this installation.

>>> "sorot" in describe(with_torch=False)
True
"""

from __future__ import annotations

import platform
import sys
from importlib.metadata import PackageNotFoundError, version

PACKAGES = ("sorot", "torch", "transformers", "tokenizers", "huggingface_hub", "safetensors",
            "accelerate", "datasets", "evaluate", "seqeval", "onnx", "onnxruntime", "onnxscript", "ray")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _devices() -> list[tuple[str, str]]:
    import torch

    from sorot.inference.devices import bf16_support

    rows = [("CUDA available", str(torch.cuda.is_available()))]
    if torch.cuda.is_available():
        rows += [("CUDA version", str(torch.version.cuda)),
                 ("GPUs", ", ".join(torch.cuda.get_device_name(i)
                                    for i in range(torch.cuda.device_count()))),
                 ("GPU bf16", str(bf16_support("cuda")))]
    cpu_bf16 = bf16_support("cpu")
    cpu_bf16 = "unknown" if cpu_bf16 is None else str(cpu_bf16)
    rows += [("CPU capability", torch.backends.cpu.get_cpu_capability()), ("CPU bf16", cpu_bf16),
             ("CPU threads", str(torch.get_num_threads()))]
    return rows


def describe(with_torch: bool = True) -> str:
    """Versions, platform, devices and bf16 support, one ``- name: value`` line each."""
    rows = [(name, _version(name)) for name in PACKAGES]
    rows += [("python", sys.version.split()[0]), ("platform", platform.platform())]
    if with_torch and _version("torch") != "not installed":
        rows += _devices()
    return "\n".join(f"- {k}: {v}" for k, v in rows)
