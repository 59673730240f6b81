"""Prediction in three stages, with plain data between them.

1. :func:`prepare` (CPU): texts → words with offsets, sub-tokens, windows, the plan of
   forward passes, the padded input tensors of every pass, and which window position
   gives each word its tag (the window where it has the most context);
2. :func:`forward` (device): the passes → per word its best tag id and probability
   (only the words not tagged ``O`` come back), per article the label probabilities;
3. :func:`sorot.inference.decode.decode` (CPU): entity spans with character offsets,
   canonical names, topic ids, labels and ``primary``.

:class:`~sorot.inference.predictor.Predictor`, ``sorot predict`` (in one process, in
worker processes, under ``accelerate launch``) and the Ray engine all run these same
functions. A :class:`Prepared` holds only lists, strings and CPU tensors, so it crosses
process boundaries cheaply (tensors through shared memory) and the device process does
nothing but copy tensors and run the encoder.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

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
    def of(cls, config, tokenizer, **limits) -> PrepareSpec:
        return cls(config.window_length, config.window_stride, tokenizer.pad_token_id or 0,
                   special_ids(tokenizer), **limits)


@dataclass
class Prepared:
    """A batch of articles after the CPU-side work.

    Windows are numbered across articles, in order; ``passes[p]`` lists the windows of
    forward pass ``p``, longest first, and ``inputs[p]`` holds its ``input_ids`` and
    ``attention_mask``, both ``(B_p, L_p)`` int64. Words are numbered across articles
    too: article ``a`` owns words ``word_offsets[a]`` to ``word_offsets[a + 1]``;
    ``gathers[p]`` is ``(rows, cols, words)``, three ``(n_p,)`` int64 tensors: word
    ``words[k]`` takes its tag from row ``rows[k]``, position ``cols[k]`` of pass ``p``.
    """

    texts: list[str]
    spans: list[list[Span]]
    encoded: list[EncodedArticle]
    passes: list[list[int]]
    has_words: list[bool]
    inputs: list[tuple[torch.Tensor, torch.Tensor]]
    gathers: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]
    #: ``(W,)`` int64: the article of each window
    window_article: torch.Tensor
    word_offsets: list[int]

    @property
    def windows(self) -> list[list[int]]:
        return [w.input_ids for enc in self.encoded for w in enc.windows]

    @property
    def num_tokens(self) -> int:
        return sum(len(w.input_ids) for enc in self.encoded for w in enc.windows)

    def pin_memory(self) -> Prepared:
        """Page-locked input tensors, so host-to-device copies can overlap compute (the
        DataLoader calls this in its pinning thread when ``pin_memory=True``)."""
        self.inputs = [(ids.pin_memory(), mask.pin_memory()) for ids, mask in self.inputs]
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
    enc = tokenizer([words[k] for k in nonempty], is_split_into_words=True, add_special_tokens=False)
    return {k: (enc["input_ids"][j], enc.word_ids(j)) for j, k in enumerate(nonempty)}


def _inputs(windows: list[list[int]], passes: list[list[int]], pad_id: int):
    out = []
    for mb in passes:
        width = len(windows[mb[0]])  # the pass's first window is its longest
        ids = torch.full((len(mb), width), pad_id, dtype=torch.long)
        mask = torch.zeros((len(mb), width), dtype=torch.long)
        for r, i in enumerate(mb):
            ids[r, :len(windows[i])] = torch.tensor(windows[i])
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
    return [tuple(torch.tensor(x, dtype=torch.long) for x in plan) for plan in plans]


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
    offsets = [0]
    for sp in spans:
        offsets.append(offsets[-1] + len(sp))
    window_article = torch.tensor([a for a, e in enumerate(encoded) for _ in e.windows], dtype=torch.long)
    return Prepared(texts, spans, encoded, passes, [_has_word(t, sp) for t, sp in zip(texts, spans)],
                    _inputs(windows, passes, spec.pad_id), _gathers(encoded, passes, offsets),
                    window_article, offsets)


@torch.inference_mode()
def forward(model, prep: Prepared, device: torch.device, outside_tag: int = 0) -> Forwarded:
    """Run every pass of ``prep`` on ``device``; only tensors move, one read-back at the end.

    Per pass: tag probabilities ``(B, L, T)`` → best tag and its probability ``(B, L)``,
    gathered at the words' positions; window vectors ``(B, H)`` go to their window's row.
    The article heads then pool all windows per article in one call."""
    n_words, n_windows = prep.word_offsets[-1], len(prep.window_article)
    tags = torch.full((n_words,), outside_tag, dtype=torch.long, device=device)
    probs = torch.ones(n_words, device=device)
    vecs = None
    for (ids, mask), (rows, cols, words), mb in zip(prep.inputs, prep.gathers, prep.passes):
        logits, v = model.encode_windows(ids.to(device, non_blocking=True),
                                         mask.to(device, non_blocking=True))
        p, t = logits.float().softmax(-1).max(-1)  # (B, L)
        rows, cols, words = (x.to(device, non_blocking=True) for x in (rows, cols, words))
        tags[words], probs[words] = t[rows, cols], p[rows, cols]
        if vecs is None:
            vecs = v.new_zeros((n_windows, v.shape[-1]))
        vecs[torch.tensor(mb, device=device)] = v
    if vecs is None:  # no windows at all
        return Forwarded([], [], [], [], [])
    art, prim, _ = model.classify_articles(vecs, prep.window_article.to(device), len(prep.texts))
    tagged = (tags != outside_tag).nonzero().squeeze(-1)
    return Forwarded(tagged.tolist(), tags[tagged].tolist(), probs[tagged].tolist(),
                     art.float().sigmoid().tolist(), prim.float().softmax(-1).tolist())
