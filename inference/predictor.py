"""The packaged predictor: text in, SCHEMA §3 prediction out.

Example (a model trained by ``sorot demo``)::

    from inference import Predictor

    p = Predictor.from_pretrained("runs/demo/tiny/model")
    p.predict("Presiden Vladimir Putin menolak gencatan senjata.")   # one dict
    p.predict(["...", "..."], batch_size=16)                         # a list of dicts
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import torch

import models  # noqa: F401  (registers the sorot model type with the Auto classes)
from inference.bio import bio_to_word_spans
from inference.gazetteer import Gazetteer
from inference.topics import TopicLexicon
from inference.windows import EncodedArticle, best_windows, encode_words
from inference.words import word_spans


def pick_device(device: str = "auto") -> torch.device:
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


class Predictor:
    """Runs a :class:`~models.SorotModel` over articles of any length."""

    def __init__(self, model, tokenizer, *, gazetteer: Gazetteer | None = None,
                 topics: TopicLexicon | None = None, device: str | torch.device = "auto",
                 max_windows: int = 32) -> None:
        self.device = pick_device(device) if isinstance(device, str) else device
        self.model = model.to(self.device).eval()
        self.tokenizer = tokenizer
        self.config = model.config
        self.gazetteer = gazetteer or Gazetteer.load()
        self.topics = topics or TopicLexicon.load()
        self.max_windows = max_windows

    @classmethod
    def from_pretrained(cls, model_id_or_dir: str | Path, revision: str | None = None,
                        device: str = "auto", **kwargs) -> Predictor:
        """Load a saved sorot model (folder or hub id), safetensors weights only."""
        from transformers import AutoModel, AutoTokenizer

        model = AutoModel.from_pretrained(str(model_id_or_dir), revision=revision,
                                          use_safetensors=True)
        tokenizer = AutoTokenizer.from_pretrained(str(model_id_or_dir), revision=revision)
        gaz = Path(model_id_or_dir) / "gazetteer.yaml"
        gazetteer = Gazetteer.load(gaz) if gaz.exists() else None
        return cls(model, tokenizer, gazetteer=gazetteer, device=device, **kwargs)

    def predict(self, texts: str | Iterable[str], batch_size: int = 8,
                thresholds: dict[str, float] | None = None):
        """One text gives one result; a list gives a list; an iterator gives an iterator."""
        if isinstance(texts, str):
            return self._predict_batch([texts], thresholds)[0]
        results = self._iter_predict(texts, batch_size, thresholds)
        return list(results) if isinstance(texts, (list, tuple)) else results

    def _iter_predict(self, texts: Iterable[str], batch_size: int, thresholds) -> Iterator[dict]:
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) == batch_size:
                yield from self._predict_batch(batch, thresholds)
                batch = []
        if batch:
            yield from self._predict_batch(batch, thresholds)

    @torch.inference_mode()
    def _forward(self, encoded: list[EncodedArticle]):
        """Tag probabilities per window and article/primary probabilities per article."""
        windows = [w for enc in encoded for w in enc.windows]
        index = torch.tensor([a for a, enc in enumerate(encoded) for _ in enc.windows])
        width = max(len(w.input_ids) for w in windows)
        pad = self.tokenizer.pad_token_id or 0
        ids = torch.tensor([w.input_ids + [pad] * (width - len(w.input_ids)) for w in windows])
        mask = (torch.arange(width)[None, :] < torch.tensor([len(w.input_ids) for w in windows])[:, None])
        out = self.model(input_ids=ids.to(self.device), attention_mask=mask.long().to(self.device),
                         article_index=index.to(self.device), num_articles=len(encoded))
        return (out.tag_logits.float().softmax(-1).cpu(), out.article_logits.float().sigmoid().cpu(),
                out.primary_logits.float().softmax(-1).cpu())

    def _predict_batch(self, texts: list[str], thresholds) -> list[dict]:
        spans = [word_spans(t) for t in texts]
        encoded = [encode_words([t[s:e] for s, e in sp], self.tokenizer, self.config.window_length,
                                self.config.window_stride) for t, sp in zip(texts, spans)]
        tag_probs, art_probs, prim_probs = self._forward(encoded)
        results, offset = [], 0
        for a, (text, sp, enc) in enumerate(zip(texts, spans, encoded)):
            probs = tag_probs[offset:offset + len(enc.windows)]
            offset += len(enc.windows)
            results.append({"text": text, **self._article(art_probs[a], prim_probs[a], thresholds),
                            "entities": self._entities(text, sp, enc, probs)})
        return results

    def _article(self, art: torch.Tensor, prim: torch.Tensor, thresholds) -> dict:
        cfg = self.config
        th = {**cfg.thresholds, **(thresholds or {})}
        scores = {lbl: round(float(p), 4) for lbl, p in zip(cfg.article_labels, art)}
        labels = [lbl for lbl in cfg.article_labels if scores[lbl] >= th[lbl]]
        primary = cfg.primary_labels[int(prim.argmax())]
        if primary != "other" and primary not in labels:
            primary = "other"
        return {"labels": labels, "primary": primary, "scores": scores}

    def _entities(self, text: str, spans, enc: EncodedArticle, probs: torch.Tensor) -> list[dict]:
        """Word tags from each word's best window, decoded into character spans."""
        tags, conf = ["O"] * len(spans), [1.0] * len(spans)
        for word, (w, p) in best_windows(enc).items():
            k = int(probs[w, p].argmax())
            tags[word], conf[word] = self.config.tags[k], float(probs[w, p, k])
        out = []
        for i, j, label in bio_to_word_spans(tags):
            start, end = spans[i][0], spans[j - 1][1]
            ent = {"start": start, "end": end, "label": label, "text": text[start:end],
                   "score": round(sum(conf[i:j]) / (j - i), 4)}
            if label == "TOPIC":
                ent["topic"] = self.topics.topic_of(ent["text"])
            else:
                person = self.gazetteer.lookup(ent["text"])
                if person is not None:
                    ent["canonical"] = person.name
            out.append(ent)
        return out
