"""The packaged predictor: text in, SCHEMA §3 prediction out, fast on CPU and GPU.

How articles run: ``batch_size * lookahead`` of them are read as one group, and

1. segmentation, sub-word tokenisation and the plan of forward passes of the *next*
   group happen in a background thread while the model works on the current one
   (planning a group of 3,000 windows takes about 0.1 s of Python: off the GPU's path);
2. every article's windows in the group are pooled into one list, sorted by their
   sub-token length and cut into forward passes of at most ``batch_size`` windows and
   ``max_batch_tokens`` padded tokens, so padding is small (sorting articles by
   characters instead left 23% of the tokens as padding on the benchmark's documents);
3. each window gives tag probabilities and one vector; the article heads then pool
   the vectors per article (all windows, in one call);
4. per word, the tag comes from its most-context window; spans sit on word
   boundaries and carry character offsets into the original text.

Example (a model trained by ``sorot demo``)::

    from sorot.inference import Predictor

    p = Predictor.from_pretrained("runs/demo/tiny/model")
    p.predict("Presiden Vladimir Putin menolak gencatan senjata.")   # one dict
    p.predict(["...", "..."], batch_size=16)                         # a list, in order
    p.predict(iter(texts))                                           # an iterator
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from sorot.inference.decode import DecodeSpec, EntityLookups, decode
from sorot.inference.loading import HUB_FILES, load_model, model_folder
from sorot.inference.stages import Forwarded, Prepared, PrepareSpec, prepare
from sorot.inference.text.gazetteer import Gazetteer
from sorot.inference.text.readers import chunked
from sorot.inference.text.topics import TopicLexicon
from sorot.inference.time_limit import time_limit

BACKENDS = ("torch", "onnx")


class Predictor:
    """Runs a :class:`~sorot.models.modeling.SorotModel` over articles of any length.

    ``model`` is a torch ``SorotModel`` (moved to ``device`` in ``dtype``) or an
    :class:`~sorot.inference.onnx_backend.OnnxModel` (ONNX Runtime on CPU); everything
    but the forward passes is the same code for both."""

    def __init__(self, model, tokenizer, *, gazetteer: Gazetteer | None = None,
                 topics: TopicLexicon | None = None, device="auto", dtype="auto",
                 quantize: str | None = None, max_batch_tokens: int = 8192, lookahead: int = 8,
                 batch_overhead: int | None = None) -> None:
        if quantize is not None:
            raise ValueError("quantize='int8' runs on ONNX Runtime: use "
                             "Predictor.from_pretrained(model, quantize='int8')")
        if getattr(model, "backend", None) == "onnx":
            self.runner = model
        else:  # imported here: the ONNX backend never imports torch
            from sorot.inference.torch_backend import TorchRunner

            self.runner = TorchRunner(model, device, dtype)
        self.model, self.device, self.dtype = self.runner.model, self.runner.device, self.runner.dtype
        self.tokenizer = tokenizer
        self.config = self.runner.config
        self.gazetteer = gazetteer or Gazetteer.load()
        self.topics = topics or TopicLexicon.load()
        self.lookups = EntityLookups(self.gazetteer, self.topics)
        self.lookahead = max(1, lookahead)  # groups of batch_size * lookahead texts
        self.prepare_spec = PrepareSpec.of(self.config, tokenizer, self.device_type,
                                           max_batch_tokens=max_batch_tokens, batch_overhead=batch_overhead)
        self.max_batch_tokens = self.prepare_spec.max_batch_tokens
        self.batch_overhead = self.prepare_spec.batch_overhead
        self.decode_spec = DecodeSpec.of(self.config)

    @property
    def backend(self) -> str:
        return self.runner.backend

    @property
    def device_type(self) -> str:
        return self.runner.device_type

    @classmethod
    def from_pretrained(cls, model_id_or_dir: str | Path, revision: str | None = None,
                        device: str = "auto", dtype: str = "auto", quantize: str | None = None,
                        backend: str | None = None, threads: int | None = None,
                        token: str | bool | None = None, cache_dir: str | Path | None = None,
                        **kwargs) -> Predictor:
        """Load a saved sorot model: a folder, or a hub id at ``revision`` (through the hub
        cache, or ``cache_dir``, with ``token`` for a private repository; ``HF_HUB_OFFLINE=1``
        works from the cache alone). Safetensors only.

        ``backend="onnx"`` runs the encoder on ONNX Runtime (CPU, ``threads`` intra-op
        threads) from the folder's ``onnx/`` export, or one made on first use into the
        cache; ``quantize="int8"`` is its int8 copy, and implies the ONNX backend.

        The gazetteer and topic lexicon come from the model folder, so a model predicts the
        same whatever sorot version loads it; folders saved without them fall back to the
        shipped files."""
        backend = backend or ("onnx" if quantize else "torch")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
        if quantize not in (None, "int8"):
            raise ValueError(f"quantize must be None or 'int8', not {quantize!r}")
        if quantize and backend != "onnx":
            raise ValueError("quantize='int8' runs on ONNX Runtime: backend='onnx' (torch.ao's "
                             "dynamic quantisation, which torch deprecates, is gone)")
        hub = {"revision": revision, "token": token, "cache_dir": cache_dir}
        if backend == "onnx":
            model, tokenizer, folder = _load_onnx(model_id_or_dir, hub, device, dtype, quantize, threads)
        else:
            folder = model_folder(model_id_or_dir, **hub)
            # the folder's lexicons first: a bad one is refused in a second, before the
            # weights and transformers' modelling code load
            _with_lexicons(folder, kwargs)
            model, tokenizer = load_model(folder)
            if threads:
                import torch

                torch.set_num_threads(threads)
        return cls(model, tokenizer, device=device, dtype=dtype, **_with_lexicons(folder, kwargs))

    # ---- public API -------------------------------------------------------------------
    def __call__(self, texts: str | Iterable[str], batch_size: int = 32,
                 thresholds: dict[str, float] | None = None, workers: int = 0):
        """``p(text)`` is ``p.predict(text)``, as a transformers pipeline is called."""
        return self.predict(texts, batch_size, thresholds, workers)

    def predict(self, texts: str | Iterable[str], batch_size: int = 32,
                thresholds: dict[str, float] | None = None, workers: int = 0):
        """One text gives one result; a list gives a list in input order; any other
        iterable gives an iterator (consumed lazily, group by group).

        ``batch_size`` is the most windows (512-token pieces of articles) per forward
        pass, as in Hugging Face pipelines; ``max_batch_tokens`` caps their padded size.
        ``workers=N`` prepares the groups in N processes (:mod:`sorot.inference.prepare_pool`)
        while this one runs the model: worth it on a GPU, where the forward passes are
        faster than one core's segmentation and tokenisation; the results are the same."""
        if isinstance(texts, str):
            return self.run(self.prepare([texts]), thresholds)[0]
        if not isinstance(texts, Iterable) or isinstance(texts, (bytes, dict)):
            raise TypeError(f"texts must be a string or an iterable of strings, got {type(texts).__name__}")
        if not isinstance(workers, int) or workers < 0:
            raise ValueError(f"workers must be a whole number >= 0, got {workers!r}")
        results = self._iter_predict(texts, batch_size, thresholds, workers)
        return list(results) if isinstance(texts, (list, tuple)) else results

    def predict_isolated(self, texts: list[str], batch_size: int = 32,
                         max_seconds: float | None = None) -> list:
        """Like :meth:`predict` on a list, but a text that breaks its batch is predicted
        alone, and a failure is returned in its place (an ``Exception``), so one bad
        record never costs the others theirs.

        With ``max_seconds`` every text is predicted alone within that budget, and one
        that takes longer fails with :class:`~sorot.inference.time_limit.RecordTimeout`
        (the batch is not tried whole first: a runaway text in it would run unbounded)."""
        if not max_seconds:
            try:
                return self.predict(list(texts), batch_size=batch_size)
            except Exception:  # isolate the record that broke the batch
                pass
        out = []
        for text in texts:
            try:
                with time_limit(max_seconds):  # a single text runs in this thread: it can be timed
                    out.append(self.predict(text))
            except Exception as e:
                out.append(e)
        return out

    def predict_records(self, records: dict[str, dict], batch_size: int = 32,
                        thresholds: dict[str, float] | None = None) -> dict[str, dict]:
        """Predictions keyed by id for records ``{id: {"text": ...}}`` (gold files, exports)."""
        ids = list(records)
        preds = self.predict([records[i]["text"] for i in ids], batch_size, thresholds)
        return {i: {"id": i, **p} for i, p in zip(ids, preds)}

    def _iter_predict(self, texts: Iterable[str], batch_size: int, thresholds, workers: int = 0) -> Iterator[dict]:
        """Read ``batch_size * lookahead`` texts at a time and run each group as one
        :meth:`run`; the next group is segmented, tokenised and planned in a background
        thread (or in ``workers`` processes) while the model works on the current one."""
        if workers:
            from sorot.inference.prepare_pool import prepared_in_processes

            groups = chunked(texts, batch_size * self.lookahead)
            for prep in prepared_in_processes(groups, self.tokenizer, self.prepare_spec, batch_size, workers):
                yield from self.run(prep, thresholds)
            return
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = None
            for group in chunked(texts, batch_size * self.lookahead):
                ready, pending = pending, pool.submit(self.prepare, group, batch_size)
                if ready is not None:
                    yield from self.run(ready.result(), thresholds)
            if pending is not None:
                yield from self.run(pending.result(), thresholds)

    # ---- the stages (sorot.inference.stages, sorot.inference.decode) -------------------
    def prepare(self, texts: list[str], max_windows: int = 32) -> Prepared:
        """The CPU stage: words, windows and the passes of at most ``max_windows`` windows
        and ``max_batch_tokens`` padded tokens (:func:`sorot.inference.stages.prepare`)."""
        return prepare(texts, self.tokenizer, replace(self.prepare_spec, max_windows=max_windows))

    def forward(self, prep: Prepared) -> Forwarded:
        """The device stage: the backend's forward passes (:mod:`sorot.inference.torch_backend`
        or :mod:`sorot.inference.onnx_backend`)."""
        return self.runner.forward(prep, self.decode_spec.outside)

    def decode(self, prep: Prepared, fwd: Forwarded, thresholds: dict[str, float] | None = None) -> list[dict]:
        """The decode stage (:func:`sorot.inference.decode.decode`)."""
        return decode(prep.words, fwd, self.decode_spec, self.lookups, thresholds)

    def run(self, prep: Prepared, thresholds: dict[str, float] | None = None) -> list[dict]:
        """Predictions for a prepared batch, in input order: forward, then decode."""
        return self.decode(prep, self.forward(prep), thresholds)


def _load_onnx(model_id_or_dir, hub: dict, device: str, dtype: str, quantize: str | None, threads: int | None):
    """The ONNX model, its tokenizer and its folder; only what the backend reads is fetched
    of a hub repository, and the torch weights only when the repository has no export."""
    from sorot.inference.loading import check_backend, check_folder, check_vocabulary
    from sorot.inference.onnx_backend import ONNX_DIR, OnnxModel, has_export, hub_files
    from sorot.inference.word_tokenizer import WordTokenizer

    check_backend("onnx", quantize, device, dtype)
    folder = model_folder(model_id_or_dir, files=hub_files(quantize), **hub)
    check_folder(folder, weights=False)
    onnx_dir = folder / ONNX_DIR
    if not has_export(onnx_dir, quantize):  # export on first use (needs torch) into the cache
        from sorot.inference.onnx_export import onnx_dir_for

        folder = model_folder(model_id_or_dir, files=HUB_FILES, **hub)
        check_folder(folder)
        onnx_dir = onnx_dir_for(folder, quantize)
    tokenizer = WordTokenizer.from_folder(folder)
    model = OnnxModel.load(folder, onnx_dir, quantize, threads)
    check_vocabulary(len(tokenizer), model.config.vocab_size, str(model_id_or_dir))
    return model, tokenizer, folder


def _with_lexicons(folder: Path, kwargs: dict) -> dict:
    """``kwargs`` with the folder's gazetteer and topic lexicon where the caller gave none
    (read once: a second call finds them set)."""
    if "gazetteer" not in kwargs or "topics" not in kwargs:
        gazetteer, topics = folder_lexicons(folder)
        kwargs.setdefault("gazetteer", gazetteer)
        kwargs.setdefault("topics", topics)
    return kwargs


def folder_lexicons(folder: Path) -> tuple[Gazetteer, TopicLexicon]:
    """The gazetteer and topic lexicon a model folder carries, or the shipped ones for a
    folder saved without them."""
    return tuple(cls.load(folder / name) if (folder / name).exists() else cls.load()
                 for cls, name in ((Gazetteer, "gazetteer.yaml"), (TopicLexicon, "topics.yaml")))
