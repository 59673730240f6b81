"""What the device can do, asked once in one place (inference, training and ``sorot env``).

>>> bf16_support("cpu") in (True, False, None)
True
"""

from __future__ import annotations


def bf16_support(device_type: str) -> bool | None:
    """Does the device compute in bfloat16: CUDA's own check on ``"cuda"``, oneDNN's
    (avx512_bf16 or AMX) on ``"cpu"``; ``None`` when this torch cannot tell."""
    import torch

    if device_type == "cuda":
        return bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported())
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return None
