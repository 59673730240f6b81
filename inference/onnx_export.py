"""``sorot export-onnx``: a saved model's window encoder as ONNX, plus an int8 copy.

Export needs torch and the ``[onnx]`` extra; running the export needs neither torch nor
transformers (:mod:`sorot.inference.onnx_backend`). The files go under ``onnx/`` in the
model folder (the layout optimum uses), so ``push_to_hub`` uploads them and a hub id
fetches them. The int8 copy is ONNX Runtime's dynamic quantisation (int8 weights of the
linear layers, activations quantised per batch), the CPU path that replaces the
deprecated ``torch.ao.quantization``.

A model folder without ``onnx/`` is exported on first use into the cache
(``$SOROT_CACHE``, else ``~/.cache/sorot``), keyed by the hash of its config and
weights, so a retrained folder never reuses a stale export.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
import warnings
from pathlib import Path

from sorot.inference.onnx_backend import (
    ENCODER_FILES,
    EXPORT_FILE,
    HEADS_FILE,
    INPUTS,
    ONNX_DIR,
    OUTPUTS,
    has_export,
    session,
)
from sorot.models.errors import SorotError

log = logging.getLogger(__name__)
OPSET = 18
#: the largest difference of fp32 ONNX logits to torch's that an export may have
MAX_LOGIT_DIFF = 1e-4
HEAD_LAYERS = ("window_scorer", "article_head", "primary_head")


def _need_extra() -> None:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
        import onnxscript  # noqa: F401  (torch.onnx's exporter builds the graph with it)
    except ImportError as e:
        raise SorotError(f'export-onnx needs the onnx extra ({e.name} is missing): pip install "sorot[onnx]"') from None


def _window_encoder(model):
    """``SorotModel.encode_windows`` as a module of two inputs and two outputs (defined
    here: this module imports torch only when it exports)."""
    import torch

    class WindowEncoder(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m.encode_windows(input_ids, attention_mask)

    return WindowEncoder(model).eval()


def _sample_inputs(tokenizer, length: int):
    """Two windows of different lengths (the second padded), sub-token ids from the vocabulary."""
    import torch

    g = torch.Generator().manual_seed(0)
    ids = torch.randint(5, len(tokenizer), (2, length), generator=g)
    mask = torch.ones(2, length, dtype=torch.long)
    mask[1, length // 2:] = 0
    ids[1, length // 2:] = tokenizer.pad_token_id or 0
    return ids, mask


def _export_fp32(model, tokenizer, path: Path) -> None:
    import torch

    ids, mask = _sample_inputs(tokenizer, 16)
    batch, length = torch.export.Dim("batch"), torch.export.Dim("length", max=model.config.window_length)
    shapes = {name: {0: batch, 1: length} for name in INPUTS}
    # the exporter prints its optimiser's steps to stdout, which is the user's, not its
    with warnings.catch_warnings(), _quiet_exporter(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        torch.onnx.export(_window_encoder(model), (ids, mask), str(path), input_names=list(INPUTS),
                          output_names=list(OUTPUTS), dynamic_shapes=shapes, opset_version=OPSET,
                          dynamo=True, external_data=False, verbose=False)


@contextlib.contextmanager
def _quiet_exporter():
    """The exporter logs its steps (and missing torchvision ops) at WARNING: not news to a user."""
    names = ("torch.onnx", "torch.export", "torch._dynamo", "onnxscript", "root")
    old = {n: logging.getLogger(n if n != "root" else None).level for n in names}
    for n in names:
        logging.getLogger(n if n != "root" else None).setLevel(logging.ERROR)
    try:
        yield
    finally:
        for n, level in old.items():
            logging.getLogger(n if n != "root" else None).setLevel(level)


def _check(model, tokenizer, path: Path) -> float:
    """The largest difference of the export's outputs to torch's on windows it never saw."""
    import numpy as np
    import torch

    ids, mask = _sample_inputs(tokenizer, min(48, model.config.window_length))
    with torch.inference_mode():
        want = [t.float().numpy() for t in model.encode_windows(ids, mask)]
    got = session(path).run(list(OUTPUTS), {INPUTS[0]: ids.numpy(), INPUTS[1]: mask.numpy()})
    return float(max(np.abs(g - w).max() for g, w in zip(got, want)))


def _heads(model, path: Path) -> None:
    from safetensors.numpy import save_file

    state = {f"{layer}.{p}": t.detach().float().cpu().numpy()
             for layer in HEAD_LAYERS for p, t in getattr(model, layer).named_parameters()}
    save_file(state, str(path))


def _quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with _quiet_exporter():
        quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8)


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("torch", "onnx", "onnxruntime", "onnxscript", "sorot")}


def export_onnx(model_dir: str | Path, out_dir: str | Path | None = None, int8: bool = True) -> Path:
    """Write ``onnx/`` for the model in ``model_dir`` (into ``out_dir`` when given) and return it.

    The fp32 export is checked against torch (largest logit difference at most
    :data:`MAX_LOGIT_DIFF`, recorded in ``export.json`` with the opset and versions)."""
    _need_extra()
    from sorot.inference.loading import load_model

    model, tokenizer = load_model(model_dir)
    model = model.float().eval()
    final = Path(out_dir) if out_dir else Path(model_dir) / ONNX_DIR
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".onnx-", dir=final.parent))
    try:
        _export_fp32(model, tokenizer, tmp / ENCODER_FILES[None])
        diff = _check(model, tokenizer, tmp / ENCODER_FILES[None])
        if diff > MAX_LOGIT_DIFF:
            raise SorotError(f"the ONNX export of {model_dir} differs from torch by {diff:.2e} "
                             f"(over {MAX_LOGIT_DIFF:.0e}); not written")
        _heads(model, tmp / HEADS_FILE)
        if int8:
            _quantize(tmp / ENCODER_FILES[None], tmp / ENCODER_FILES["int8"])
        meta = {"opset": OPSET, "inputs": list(INPUTS), "outputs": list(OUTPUTS), "max_logit_diff": diff,
                "dynamic_axes": {"batch": 0, "length": 1}, "int8": "dynamic QInt8 (onnxruntime)" if int8 else None,
                "versions": _versions()}
        (tmp / EXPORT_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        _replace_dir(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("ONNX export in %s (largest logit difference to torch %.1e)", final, diff)
    return final


def _replace_dir(tmp: Path, final: Path) -> None:
    """Move the finished export into place; a racing process that got there first wins."""
    if final.exists():
        old = final.with_name(final.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
        shutil.rmtree(old, ignore_errors=True)
    try:
        os.replace(tmp, final)
    except OSError:
        if not has_export(final):
            raise


def cache_root() -> Path:
    return Path(os.environ.get("SOROT_CACHE") or Path.home() / ".cache" / "sorot")


def folder_key(folder: Path) -> str:
    """The hash of a model folder's config and weights (what an export depends on)."""
    h = hashlib.sha256()
    for name in ["config.json", *sorted(p.name for p in folder.glob("*.safetensors"))]:
        with open(folder / name, "rb") as f:
            while chunk := f.read(1 << 22):
                h.update(chunk)
    return h.hexdigest()[:24]


def onnx_dir_for(folder: Path, quantize: str | None = None) -> Path:
    """The folder's own ``onnx/`` when it has the files, else an export in the cache (made now
    when missing: that needs torch and the ``[onnx]`` extra)."""
    own = folder / ONNX_DIR
    if has_export(own, quantize):
        return own
    cached = cache_root() / "onnx" / folder_key(folder)
    if not has_export(cached, quantize):
        log.info("%s has no ONNX export: exporting it into %s", folder, cached)
        export_onnx(folder, cached)
    return cached
