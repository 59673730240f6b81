"""The forward stage on ONNX Runtime (CPU), with the article heads in NumPy. No torch.

A model folder exported by ``sorot export-onnx`` (:mod:`sorot.inference.onnx_export`)
holds, beside the torch weights::

    onnx/model.onnx          the window encoder: input_ids, attention_mask (B, L) int64
                             -> tag_logits (B, L, T), window_vectors (B, H) float32
    onnx/model_int8.onnx     the same, linear layers dynamically quantised to int8
    onnx/heads.safetensors   window scorer, article head, primary head (float32)
    onnx/export.json         opset, versions, and the largest logit difference to torch

The heads stay outside the graph: they are three small matrix products and a pooling
over a variable number of windows per article, a few microseconds in NumPy, and the
encoder graph stays the plain ``(B, L)`` function that runtimes and quantisers handle
best. Windows, passes and decoding are the torch path's own
(:mod:`sorot.inference.stages`, :mod:`sorot.inference.decode`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sorot.inference.stages import Forwarded, Prepared
from sorot.models.errors import SorotError

ONNX_DIR = "onnx"
ENCODER_FILES = {None: "model.onnx", "int8": "model_int8.onnx"}
HEADS_FILE, EXPORT_FILE = "heads.safetensors", "export.json"
INPUTS, OUTPUTS = ("input_ids", "attention_mask"), ("tag_logits", "window_vectors")


@dataclass(frozen=True)
class ModelSettings:
    """What prediction reads of a saved ``config.json`` (the torch path reads the same keys
    off :class:`~sorot.models.configuration.SorotConfig`), without transformers."""

    tags: tuple[str, ...]
    article_labels: tuple[str, ...]
    primary_labels: tuple[str, ...]
    thresholds: dict[str, float]
    window_length: int
    window_stride: int
    pooling: str
    vocab_size: int

    @classmethod
    def read(cls, folder: Path) -> ModelSettings:
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        try:
            labels = tuple(cfg["article_labels"])
            return cls(tuple(cfg["tags"]), labels, tuple(cfg["primary_labels"]),
                       {lbl: 0.5 for lbl in labels} | dict(cfg.get("thresholds") or {}),
                       int(cfg["window_length"]), int(cfg["window_stride"]), cfg.get("pooling", "attention"),
                       int(cfg["backbone_config"]["vocab_size"]))
        except (KeyError, TypeError, ValueError) as e:
            raise SorotError(f"{folder / 'config.json'} is not a sorot config ({type(e).__name__}: {e})") from e


class NumpyHeads:
    """The article heads: pool window vectors ``(W, H)`` per article, then two linear layers."""

    def __init__(self, weights: dict[str, np.ndarray], pooling: str) -> None:
        self.w, self.pooling = weights, pooling

    @classmethod
    def load(cls, path: Path, pooling: str) -> NumpyHeads:
        from safetensors.numpy import load_file

        return cls({k: v.astype(np.float32) for k, v in load_file(str(path)).items()}, pooling)

    def _linear(self, name: str, x: np.ndarray) -> np.ndarray:
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def pool(self, vecs: np.ndarray, article: np.ndarray, n: int) -> np.ndarray:
        """``(W, H)`` window vectors → ``(A, H)``, as :func:`~sorot.models.modeling.pool_windows`."""
        if self.pooling == "max":
            pooled = np.full((n, vecs.shape[1]), -np.inf, dtype=vecs.dtype)
            np.maximum.at(pooled, article, vecs)
            return pooled
        scores = (self._linear("window_scorer", vecs)[:, 0] if self.pooling == "attention"
                  else np.zeros(len(vecs), dtype=vecs.dtype))
        top = np.full(n, -np.inf, dtype=vecs.dtype)
        np.maximum.at(top, article, scores)
        exp = np.exp(scores - top[article])
        denom = np.zeros(n, dtype=vecs.dtype)
        np.add.at(denom, article, exp)
        pooled = np.zeros((n, vecs.shape[1]), dtype=vecs.dtype)
        np.add.at(pooled, article, vecs * (exp / denom[article])[:, None])
        return pooled

    def __call__(self, vecs: np.ndarray, article: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Label probabilities ``(A, C)`` (sigmoid) and primary probabilities ``(A, P)`` (softmax)."""
        pooled = self.pool(vecs, article, n)
        art = 1.0 / (1.0 + np.exp(-self._linear("article_head", pooled)))
        return art, softmax(self._linear("primary_head", pooled))


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def session(path: Path, threads: int | None = None):
    """An ONNX Runtime CPU session; ``threads`` intra-op threads (``None``: one per core)."""
    try:
        import onnxruntime as ort
    except ImportError:
        raise SorotError('the ONNX backend needs onnxruntime: pip install "sorot[onnx]"') from None
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads or 0
    opts.inter_op_num_threads = 1  # one pass at a time: its operators use the intra-op threads
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


class OnnxModel:
    """The window encoder in ONNX Runtime and the heads in NumPy: the ONNX backend's model.

    ``config`` carries the label maps and window settings (:class:`ModelSettings`);
    :meth:`forward` is the device stage and returns what the torch backend returns."""

    backend = "onnx"
    device = device_type = "cpu"

    def __init__(self, encoder, heads: NumpyHeads, config: ModelSettings, quantize: str | None = None) -> None:
        self.encoder, self.heads, self.config, self.quantize = encoder, heads, config, quantize
        self.dtype = "int8" if quantize else "fp32"

    @classmethod
    def load(cls, folder: Path, onnx_dir: Path, quantize: str | None = None,
             threads: int | None = None) -> OnnxModel:
        config = ModelSettings.read(folder)
        path = onnx_dir / ENCODER_FILES[quantize]
        if not path.is_file():
            raise SorotError(f"{onnx_dir} has no {path.name}: run `sorot export-onnx {folder}`")
        return cls(session(path, threads), NumpyHeads.load(onnx_dir / HEADS_FILE, config.pooling),
                   config, quantize)

    @property
    def model(self) -> OnnxModel:
        return self

    def encode_windows(self, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Tag logits ``(B, L, T)`` and window vectors ``(B, H)`` of one pass."""
        logits, vecs = self.encoder.run(OUTPUTS, {INPUTS[0]: ids, INPUTS[1]: mask})
        return logits, vecs

    def forward(self, prep: Prepared, outside_tag: int = 0) -> Forwarded:
        """Every pass of ``prep``; per word its best tag where its window has most context."""
        n_words, n_windows = prep.words.offsets[-1], len(prep.window_article)
        tags = np.full(n_words, outside_tag, dtype=np.int64)
        probs = np.ones(n_words, dtype=np.float32)
        vecs = None
        for (ids, mask), (rows, cols, words), mb in zip(prep.inputs, prep.gathers, prep.passes):
            logits, v = self.encode_windows(np.asarray(ids), np.asarray(mask))
            picked = softmax(logits[rows, cols])  # (n, T): only the positions that tag a word
            tags[words], probs[words] = picked.argmax(-1), picked.max(-1)
            if vecs is None:
                vecs = np.zeros((n_windows, v.shape[-1]), dtype=np.float32)
            vecs[mb] = v
        if vecs is None:  # no windows at all
            return Forwarded([], [], [], [], [])
        art, prim = self.heads(vecs, prep.window_article, len(prep.words.texts))
        tagged = np.flatnonzero(tags != outside_tag)
        return Forwarded(tagged.tolist(), tags[tagged].tolist(), probs[tagged].tolist(),
                         art.tolist(), prim.tolist())


def has_export(onnx_dir: Path, quantize: str | None = None) -> bool:
    return all((onnx_dir / name).is_file() for name in (ENCODER_FILES[quantize], HEADS_FILE))


def hub_files(quantize: str | None = None) -> list[str]:
    """What the ONNX backend fetches of a hub repository: no torch weights."""
    from sorot.inference.loading import HUB_FILES

    return [f for f in HUB_FILES if "safetensors" not in f] + [
        f"{ONNX_DIR}/{ENCODER_FILES[quantize]}", f"{ONNX_DIR}/{HEADS_FILE}", f"{ONNX_DIR}/{EXPORT_FILE}"]
