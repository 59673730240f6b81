"""The forward stage on torch: a :class:`~sorot.models.modeling.SorotModel` on a device.

The predictor imports this module only for the torch backend, so a server that runs
the ONNX backend (:mod:`sorot.inference.onnx_backend`) never imports torch.

>>> resolve_dtype("auto", torch.device("cpu")), resolve_dtype("bf16", torch.device("cpu"))
(torch.float32, torch.bfloat16)
"""

from __future__ import annotations

import torch

from sorot.inference.devices import bf16_support
from sorot.inference.stages import Forwarded, Prepared


def pick_device(device: str | torch.device = "auto") -> torch.device:
    if isinstance(device, torch.device):
        return device
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


def resolve_dtype(dtype: str | torch.dtype, device: torch.device) -> torch.dtype:
    """``auto``: bf16 on GPUs that support it, fp16 on other GPUs, fp32 on CPU."""
    if isinstance(dtype, torch.dtype):
        return dtype
    if dtype == "auto":
        if device.type != "cuda":
            return torch.float32
        return torch.bfloat16 if bf16_support("cuda") else torch.float16
    names = {"fp32": torch.float32, "float32": torch.float32, "bf16": torch.bfloat16,
             "bfloat16": torch.bfloat16, "fp16": torch.float16, "float16": torch.float16}
    if dtype not in names:
        raise ValueError(f"dtype must be auto, fp32, bf16 or fp16, not {dtype!r}")
    return names[dtype]


class TorchRunner:
    """The model in eval mode on ``device`` in ``dtype``; :meth:`forward` is the device stage."""

    backend = "torch"

    def __init__(self, model, device: str | torch.device = "auto", dtype: str | torch.dtype = "auto") -> None:
        self.device = pick_device(device)
        self.dtype = resolve_dtype(dtype, self.device)
        self.model = model.eval().to(self.device, dtype=self.dtype)
        self.config = model.config

    @property
    def device_type(self) -> str:
        return self.device.type

    def forward(self, prep: Prepared, outside_tag: int = 0) -> Forwarded:
        return forward(self.model, prep, self.device, outside_tag)


def _on(array, device: torch.device) -> torch.Tensor:
    """An array (or a pinned tensor) on ``device``; the copy overlaps compute when pinned."""
    return torch.as_tensor(array).to(device, non_blocking=True)


@torch.inference_mode()
def forward(model, prep: Prepared, device: torch.device, outside_tag: int = 0) -> Forwarded:
    """Run every pass of ``prep`` on ``device``; only tensors move, one read-back at the end.

    Per pass: tag probabilities ``(B, L, T)`` → best tag and its probability ``(B, L)``,
    gathered at the words' positions; window vectors ``(B, H)`` go to their window's row.
    The article heads then pool all windows per article in one call."""
    n_words, n_windows = prep.words.offsets[-1], len(prep.window_article)
    tags = torch.full((n_words,), outside_tag, dtype=torch.long, device=device)
    probs = torch.ones(n_words, device=device)
    vecs = None
    for (ids, mask), gather, mb in zip(prep.inputs, prep.gathers, prep.passes):
        logits, v = model.encode_windows(_on(ids, device), _on(mask, device))
        p, t = logits.float().softmax(-1).max(-1)  # (B, L)
        rows, cols, words = (_on(x, device) for x in gather)
        tags[words], probs[words] = t[rows, cols], p[rows, cols]
        if vecs is None:
            vecs = v.new_zeros((n_windows, v.shape[-1]))
        vecs[torch.tensor(mb, device=device)] = v
    if vecs is None:  # no windows at all
        return Forwarded([], [], [], [], [])
    art, prim, _ = model.classify_articles(vecs, _on(prep.window_article, device), len(prep.words.texts))
    tagged = (tags != outside_tag).nonzero().squeeze(-1)
    return Forwarded(tagged.tolist(), tags[tagged].tolist(), probs[tagged].tolist(),
                     art.float().sigmoid().tolist(), prim.float().softmax(-1).tolist())
