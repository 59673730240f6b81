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
from dataclasses import dataclass
from pathlib import Path

import torch

from sorot.inference.loading import load_model, model_folder, quantize_int8, resolve_dtype
from sorot.inference.passes import plan_passes
from sorot.inference.text.bio import bio_to_word_spans
from sorot.inference.text.gazetteer import Gazetteer
from sorot.inference.text.topics import TopicLexicon
from sorot.inference.text.words import Span, word_spans
from sorot.inference.time_limit import time_limit
from sorot.inference.windows import EncodedArticle, best_windows, encode_subtokens
from sorot.models.schema import PRIMARY_OTHER, entity_kind


def pick_device(device: str | torch.device = "auto") -> torch.device:
    if isinstance(device, torch.device):
        return device
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


@dataclass
class Prepared:
    """A batch of articles after the CPU-side work: words, windows, and the plan that
    cuts all windows (numbered across articles, in order) into forward passes."""

    texts: list[str]
    spans: list[list[Span]]
    encoded: list[EncodedArticle]
    passes: list[list[int]]

    @property
    def windows(self) -> list[list[int]]:
        return [w.input_ids for enc in self.encoded for w in enc.windows]

    @property
    def num_tokens(self) -> int:
        return sum(len(w.input_ids) for enc in self.encoded for w in enc.windows)


def _has_word(text: str, spans: list[Span]) -> bool:
    """Whether any word of ``text`` holds a letter or a digit (punctuation alone does not)."""
    return any(any(c.isalnum() for c in text[s:e]) for s, e in spans)


class Predictor:
    """Runs a :class:`~sorot.models.modeling.SorotModel` over articles of any length."""

    def __init__(self, model, tokenizer, *, gazetteer: Gazetteer | None = None,
                 topics: TopicLexicon | None = None, device: str | torch.device = "auto",
                 dtype: str | torch.dtype = "auto", quantize: str | None = None,
                 max_batch_tokens: int = 8192, lookahead: int = 8,
                 batch_overhead: int | None = None) -> None:
        self.device = pick_device(device)
        self.dtype = resolve_dtype(dtype, self.device)
        model = model.eval()
        if quantize not in (None, "int8"):
            raise ValueError(f"quantize must be None or 'int8', not {quantize!r}")
        if quantize == "int8":
            if self.device.type != "cpu":
                raise ValueError("quantize='int8' is for CPU inference; use dtype on GPU")
            model, self.dtype = quantize_int8(model.float()), torch.float32
        self.model = model.to(self.device, dtype=self.dtype) if quantize is None else model
        self.tokenizer = tokenizer
        self.config = model.config
        self.gazetteer = gazetteer or Gazetteer.load()
        self.topics = topics or TopicLexicon.load()
        self.max_batch_tokens = max(max_batch_tokens, self.config.window_length)
        self.pad_id = tokenizer.pad_token_id or 0
        self.lookahead = max(1, lookahead)  # groups of batch_size * lookahead texts
        # What one more forward pass costs, in padded tokens: measured on a 2-core CPU
        # (a pass of 128 tokens costs about as much as 200 in a full one); on a GPU, kernel
        # launches of a base-size encoder take about as long as 1k tokens of work.
        if batch_overhead is None:
            batch_overhead = 128 if self.device.type == "cpu" else 1024
        self.batch_overhead = batch_overhead

    @classmethod
    def from_pretrained(cls, model_id_or_dir: str | Path, revision: str | None = None,
                        device: str = "auto", dtype: str = "auto", quantize: str | None = None,
                        **kwargs) -> Predictor:
        """Load a saved sorot model: a folder, or a hub id at ``revision`` (through the hub
        cache; ``HF_HUB_OFFLINE=1`` works from the cache alone). Safetensors only.

        The gazetteer and topic lexicon come from the model folder, so a model predicts the
        same whatever sorot version loads it; folders saved without them fall back to the
        shipped files."""
        folder = model_folder(model_id_or_dir, revision)
        model, tokenizer = load_model(folder)
        gazetteer, topics = folder / "gazetteer.yaml", folder / "topics.yaml"
        kwargs.setdefault("gazetteer", Gazetteer.load(gazetteer) if gazetteer.exists() else None)
        kwargs.setdefault("topics", TopicLexicon.load(topics) if topics.exists() else None)
        return cls(model, tokenizer, device=device, dtype=dtype, quantize=quantize, **kwargs)

    # ---- public API -------------------------------------------------------------------
    def predict(self, texts: str | Iterable[str], batch_size: int = 32,
                thresholds: dict[str, float] | None = None):
        """One text gives one result; a list gives a list in input order; any other
        iterable gives an iterator (consumed lazily, group by group).

        ``batch_size`` is the most windows (512-token pieces of articles) per forward
        pass, as in Hugging Face pipelines; ``max_batch_tokens`` caps their padded size."""
        if isinstance(texts, str):
            return self.run(self.prepare([texts]), thresholds)[0]
        if not isinstance(texts, Iterable) or isinstance(texts, (bytes, dict)):
            raise TypeError(f"texts must be a string or an iterable of strings, got {type(texts).__name__}")
        results = self._iter_predict(texts, batch_size, thresholds)
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

    def _iter_predict(self, texts: Iterable[str], batch_size: int, thresholds) -> Iterator[dict]:
        """Read ``batch_size * lookahead`` texts at a time and run each group as one
        :meth:`run`; the next group is segmented, tokenised and planned in a background
        thread while the model works on the current one."""
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = None
            for group in chunked(texts, batch_size * self.lookahead):
                ready, pending = pending, pool.submit(self.prepare, group, batch_size)
                if ready is not None:
                    yield from self.run(ready.result(), thresholds)
            if pending is not None:
                yield from self.run(pending.result(), thresholds)

    # ---- CPU side ---------------------------------------------------------------------
    def prepare(self, texts: list[str], max_windows: int = 32) -> Prepared:
        """Words and windows of a batch (sub-word tokenisation in one call), and its
        windows cut into passes of at most ``max_windows`` windows and ``max_batch_tokens``
        padded tokens with the least padding (:mod:`sorot.inference.passes`)."""
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"texts must be strings, got {type(t).__name__}")
        spans = [word_spans(t) for t in texts]
        words = [[t[s:e] for s, e in sp] for t, sp in zip(texts, spans)]
        nonempty = [k for k, w in enumerate(words) if w]
        enc = self.tokenizer([words[k] for k in nonempty], is_split_into_words=True,
                             add_special_tokens=False) if nonempty else None
        by_article: dict[int, tuple] = {}
        for j, k in enumerate(nonempty):
            by_article[k] = (enc["input_ids"][j], enc.word_ids(j))
        cfg = self.config
        encoded = [encode_subtokens(*by_article.get(k, ([], [])), self.tokenizer, cfg.window_length,
                                    cfg.window_stride, len(words[k])) for k in range(len(texts))]
        lengths = [len(w.input_ids) for e in encoded for w in e.windows]
        passes = plan_passes(lengths, max_windows, self.max_batch_tokens, self.batch_overhead)
        return Prepared(texts, spans, encoded, passes)

    # ---- model side -------------------------------------------------------------------
    @torch.inference_mode()
    def _encode(self, windows: list[list[int]], passes: list[list[int]]):
        """Per window: best tag id and its probability per position, and the window vector."""
        tags, probs = [None] * len(windows), [None] * len(windows)
        vecs = [None] * len(windows)
        for mb in passes:
            width = len(windows[mb[0]])
            ids = torch.full((len(mb), width), self.pad_id, dtype=torch.long)
            mask = torch.zeros((len(mb), width), dtype=torch.long)
            for r, i in enumerate(mb):
                ids[r, :len(windows[i])] = torch.tensor(windows[i])
                mask[r, :len(windows[i])] = 1
            logits, v = self.model.encode_windows(ids.to(self.device), mask.to(self.device))
            p, t = logits.float().softmax(-1).max(-1)  # (B, L): no per-token work in Python
            p, t = p.tolist(), t.tolist()  # one conversion per pass, not a tensor read per word
            for r, i in enumerate(mb):
                tags[i], probs[i], vecs[i] = t[r], p[r], v[r]
        return tags, probs, torch.stack(vecs)

    @torch.inference_mode()
    def run(self, prep: Prepared, thresholds: dict[str, float] | None = None) -> list[dict]:
        """Predictions for a prepared batch, in input order, pass by pass as planned."""
        index = torch.tensor([a for a, enc in enumerate(prep.encoded) for _ in enc.windows],
                             device=self.device)
        tags, probs, vecs = self._encode(prep.windows, prep.passes)
        art, prim, _ = self.model.classify_articles(vecs, index, len(prep.texts))
        art, prim = art.float().sigmoid().cpu(), prim.float().softmax(-1).cpu()
        results, offset = [], 0
        for a, (text, sp, enc) in enumerate(zip(prep.texts, prep.spans, prep.encoded)):
            n = len(enc.windows)
            ents = self._entities(text, sp, enc, tags[offset:offset + n], probs[offset:offset + n])
            offset += n
            if not _has_word(text, sp):  # "", "   \n", "." : nothing to read, nothing to claim
                results.append({"text": text, "labels": [], "primary": PRIMARY_OTHER,
                                "scores": dict.fromkeys(self.config.article_labels, 0.0), "entities": []})
                continue
            results.append({"text": text, **self._article(art[a], prim[a], thresholds),
                            "entities": ents})
        return results

    # ---- decoding ---------------------------------------------------------------------
    def _article(self, art: torch.Tensor, prim: torch.Tensor, thresholds) -> dict:
        cfg = self.config
        th = {**cfg.thresholds, **(thresholds or {})}
        scores = {lbl: round(float(p), 4) for lbl, p in zip(cfg.article_labels, art)}
        labels = [lbl for lbl in cfg.article_labels if scores[lbl] >= th[lbl]]
        primary = cfg.primary_labels[int(prim.argmax())]
        if primary != PRIMARY_OTHER and primary not in labels:
            primary = PRIMARY_OTHER  # the main conflict must be one of the article's labels
        return {"labels": labels, "primary": primary, "scores": scores}

    def _entities(self, text: str, spans: list[Span], enc: EncodedArticle, tags, probs) -> list[dict]:
        """Word tags from each word's best window, decoded into character spans."""
        word_tags, conf = ["O"] * len(spans), [1.0] * len(spans)
        for word, (w, p) in best_windows(enc).items():
            word_tags[word], conf[word] = self.config.tags[tags[w][p]], probs[w][p]
        out = []
        for i, j, label in bio_to_word_spans(word_tags):
            start, end = spans[i][0], spans[j - 1][1]
            ent = {"start": start, "end": end, "label": label, "text": text[start:end],
                   "score": round(sum(conf[i:j]) / (j - i), 4)}
            kind = entity_kind(label)
            if kind.topic:
                ent["topic"] = self.topics.topic_of(ent["text"])
            elif kind.person and (person := self.gazetteer.lookup(ent["text"])) is not None:
                ent["canonical"] = person.name
            out.append(ent)
        return out


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` consecutive items (the last may be shorter), read lazily."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
