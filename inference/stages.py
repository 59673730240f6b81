"""Prediction in three stages, with plain data between them.

1. :func:`prepare` (CPU): texts → words with offsets, sub-tokens, windows, the plan of
   forward passes, the padded input tensors of every pass, and which window position
   gives each word its tag (the window where it has the most context);
2. forward (device; :mod:`sorot.inference.torch_backend` or
   :mod:`sorot.inference.onnx_backend`): the passes → per word its best tag id and probability
   (only the words not tagged ``O`` come back), per article the label probabilities;
3. :func:`sorot.inference.decode.decode` (CPU): entity spans with character offsets,
   canonical names, topic ids, labels and ``primary``.

:class:`~sorot.inference.predictor.Predictor`, ``sorot predict`` (in one process, in
worker processes, under ``accelerate launch``) and the Ray engine all run these same
functions. A :class:`Prepared` holds only lists, strings and NumPy arrays, so it crosses
process boundaries as plain bytes (torch tensors would each pass a file descriptor and
a handshake: 1.3 ms a tensor, measured, more than preparing the article) and the device
process does nothing but copy arrays to the device and run the encoder. Nothing here
imports torch.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np

from sorot.inference.passes import plan_passes
from sorot.inference.text.words import Span, word_spans
from sorot.inference.windows import EncodedArticle, best_windows, encode_subtokens, special_ids


@dataclass(frozen=True)
class PrepareSpec:
    """What preparing needs from the model and the tokenizer, read once (plain values:
    reading a ``PretrainedConfig`` attribute costs microseconds, a million times a run)."""

    window_length: int
    window_stride: int
    pad_id: int
    specials: tuple[list[int], list[int]]
    #: the most windows and padded tokens in one forward pass, and what one more pass costs
    max_windows: int = 32
    max_batch_tokens: int = 8192
    batch_overhead: int = 128

    @classmethod
    def of(cls, config, tokenizer, device_type: str = "cpu", max_windows: int = 32,
           max_batch_tokens: int = 8192, batch_overhead: int | None = None) -> PrepareSpec:
        """The spec for a model on ``device_type``: a pass holds at least one whole window,
        and one more pass costs 128 padded tokens on a CPU (measured on 2 cores: a pass of
        128 tokens costs about as much as 200 in a full one) and 1,024 on a GPU (a base-size
        encoder's kernel launches take about as long as 1k tokens of work)."""
        if batch_overhead is None:
            batch_overhead = 128 if device_type == "cpu" else 1024
        return cls(config.window_length, config.window_stride, tokenizer.pad_token_id or 0,
                   special_ids(tokenizer), max_windows, max(max_batch_tokens, config.window_length),
                   batch_overhead)


@dataclass
class Words:
    """What decoding needs of a prepared batch: the texts, where each word starts and ends
    (one ``array`` of each per article: they pickle as bytes, a list of tuples does not),
    whether each text has a word with a letter or digit, and where each article's words
    start in the batch's numbering (article ``a`` owns words ``offsets[a]`` to ``offsets[a + 1]``)."""

    texts: list[str]
    starts: list[array]
    ends: list[array]
    has_words: list[bool]
    offsets: list[int]

    @classmethod
    def of(cls, texts: list[str], spans: list[list[Span]]) -> Words:
        offsets = [0]
        for sp in spans:
            offsets.append(offsets[-1] + len(sp))
        return cls(texts, [array("l", (s for s, _ in sp)) for sp in spans],
                   [array("l", (e for _, e in sp)) for sp in spans],
                   [_has_word(t, sp) for t, sp in zip(texts, spans)], offsets)


@dataclass
class Prepared:
    """A batch of articles after the CPU-side work.

    Windows are numbered across articles, in order; ``passes[p]`` lists the windows of
    forward pass ``p``, longest first, and ``inputs[p]`` holds its ``input_ids`` and
    ``attention_mask``, both ``(B_p, L_p)`` int64. Words are numbered across articles
    too (:class:`Words`);
    ``gathers[p]`` is ``(rows, cols, words)``, three ``(n_p,)`` int64 arrays: word
    ``words[k]`` takes its tag from row ``rows[k]``, position ``cols[k]`` of pass ``p``.
    """

    words: Words
    #: each article's windows; ``None`` once :meth:`for_device` dropped them
    encoded: list[EncodedArticle] | None
    passes: list[list[int]]
    inputs: list[tuple[np.ndarray, np.ndarray]]
    gathers: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
    #: ``(W,)`` int64: the article of each window
    window_article: np.ndarray
    num_tokens: int

    @property
    def texts(self) -> list[str]:
        return self.words.texts

    @property
    def windows(self) -> list[list[int]]:
        return [w.input_ids for enc in self.encoded for w in enc.windows]

    def for_device(self) -> Prepared:
        """Without the per-article windows, which only the CPU side reads: what crosses
        from a worker process to the device process is the tensors and the words."""
        self.encoded = None
        return self

    def pin_memory(self) -> Prepared:
        """Page-locked input tensors, so host-to-device copies can overlap compute (the
        DataLoader calls this in its pinning thread when ``pin_memory=True``; only a GPU
        run pins, so torch is imported here and the ONNX path never needs it)."""
        import torch

        self.inputs = [(torch.from_numpy(ids).pin_memory(), torch.from_numpy(mask).pin_memory())
                       for ids, mask in self.inputs]
        return self


@dataclass
class Forwarded:
    """What the device gives back for a :class:`Prepared`, as plain lists.

    ``tagged`` lists the words (numbered as in :class:`Prepared`) whose best tag is not
    ``O``, in order, with ``tag_ids`` and ``tag_probs`` beside them; ``article_probs``
    is ``(A, C)`` label probabilities and ``primary_probs`` ``(A, P)``."""

    tagged: list[int]
    tag_ids: list[int]
    tag_probs: list[float]
    article_probs: list[list[float]]
    primary_probs: list[list[float]]


def _has_word(text: str, spans: list[Span]) -> bool:
    """Whether any word of ``text`` holds a letter or a digit (punctuation alone does not)."""
    return any(any(c.isalnum() for c in text[s:e]) for s, e in spans)


def _tokenize(texts: list[str], spans: list[list[Span]], tokenizer) -> dict[int, tuple]:
    """``{article: (sub-token ids, word ids)}`` for the articles with words, in one call."""
    words = [[t[s:e] for s, e in sp] for t, sp in zip(texts, spans)]
    nonempty = [k for k, w in enumerate(words) if w]
    if not nonempty:
        return {}
    # whole articles, cut into windows later: no "longer than the maximum length" warning
    enc = tokenizer([words[k] for k in nonempty], is_split_into_words=True, add_special_tokens=False,
                    verbose=False)
    return {k: (enc["input_ids"][j], enc.word_ids(j)) for j, k in enumerate(nonempty)}


def _inputs(windows: list[list[int]], passes: list[list[int]], pad_id: int):
    out = []
    for mb in passes:
        width = len(windows[mb[0]])  # the pass's first window is its longest
        ids = np.full((len(mb), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(mb), width), dtype=np.int64)
        for r, i in enumerate(mb):
            ids[r, :len(windows[i])] = windows[i]
            mask[r, :len(windows[i])] = 1
        out.append((ids, mask))
    return out


def _gathers(encoded: list[EncodedArticle], passes: list[list[int]], word_offsets: list[int]):
    """Per pass, which (row, position) tags which word: each word's most-context window."""
    where = {i: (p, r) for p, mb in enumerate(passes) for r, i in enumerate(mb)}
    plans: list[tuple[list[int], list[int], list[int]]] = [([], [], []) for _ in passes]
    base = 0
    for a, enc in enumerate(encoded):
        for word, (w, pos) in best_windows(enc).items():
            p, r = where[base + w]
            rows, cols, words = plans[p]
            rows.append(r)
            cols.append(pos)
            words.append(word_offsets[a] + word)
        base += len(enc.windows)
    return [tuple(np.array(x, dtype=np.int64) for x in plan) for plan in plans]


def prepare(texts: list[str], tokenizer, spec: PrepareSpec) -> Prepared:
    """Words, windows, passes and input tensors of a batch (sub-word tokenisation in one
    call; passes of at most ``spec.max_windows`` windows and ``spec.max_batch_tokens``
    padded tokens with the least padding, :mod:`sorot.inference.passes`)."""
    for t in texts:
        if not isinstance(t, str):
            raise TypeError(f"texts must be strings, got {type(t).__name__}")
    spans = [word_spans(t) for t in texts]
    tokens = _tokenize(texts, spans, tokenizer)
    encoded = [encode_subtokens(*tokens.get(k, ([], [])), spec.specials, spec.window_length,
                                spec.window_stride, len(spans[k])) for k in range(len(texts))]
    windows = [w.input_ids for e in encoded for w in e.windows]
    passes = plan_passes([len(w) for w in windows], spec.max_windows, spec.max_batch_tokens,
                         spec.batch_overhead)
    words = Words.of(texts, spans)
    window_article = np.array([a for a, e in enumerate(encoded) for _ in e.windows], dtype=np.int64)
    return Prepared(words, encoded, passes, _inputs(windows, passes, spec.pad_id),
                    _gathers(encoded, passes, words.offsets), window_article, sum(map(len, windows)))
