"""Words -> overlapping encoder windows, and back.

An article's words are tokenised once into sub-tokens; the sub-token sequence is
cut into windows of ``window_length`` (special tokens included) that overlap by
``window_stride`` sub-tokens. Only the first sub-token of a word carries its tag. A word
seen in several windows takes its tag from the window where its first sub-token
has the most context on both sides (the larger of the two smaller margins).

>>> from transformers import BertTokenizerFast
>>> tok = toy_tokenizer()
>>> enc = encode_words(["Putin", "tiba", "di", "Kyiv"] * 3, tok, window_length=8, window_stride=2)
>>> len(enc.windows), enc.windows[0].input_ids[:3], enc.windows[0].first_of_word[:4]
(3, [2, 5, 6], [-1, 0, 1, 2])
>>> best = best_windows(enc)
>>> best[0], best[5], best[11]
((0, 1), (1, 2), (2, 4))
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Window:
    """One encoder input: ``input_ids`` with special tokens; ``first_of_word[p]`` is the
    index of the word whose first sub-token sits at position ``p``, else -1."""

    input_ids: list[int]
    first_of_word: list[int]
    start: int  # position of the window's first body sub-token in the article


@dataclass
class EncodedArticle:
    windows: list[Window] = field(default_factory=list)
    num_words: int = 0
    num_subtokens: int = 0


def special_ids(tokenizer) -> tuple[list[int], list[int]]:
    """Ids that open and close a single sequence (``[CLS]`` … ``[SEP]``, ``<s>`` … ``</s>``)."""
    enc = tokenizer(["a"], is_split_into_words=True, add_special_tokens=True)
    word_ids = enc.word_ids()
    body = [k for k, w in enumerate(word_ids) if w is not None]
    return enc["input_ids"][:body[0]], enc["input_ids"][body[-1] + 1:]


def window_starts(n: int, body: int, window_stride: int) -> list[int]:
    """Start positions of windows of ``body`` sub-tokens over ``n``, overlapping by ``window_stride``.

    >>> window_starts(10, 4, 1), window_starts(3, 4, 1), window_starts(0, 4, 1)
    ([0, 3, 6], [0], [0])
    """
    step = body - window_stride
    starts = [0]
    while starts[-1] + body < n:
        starts.append(starts[-1] + step)
    return starts


def encode_subtokens(ids: list[int], word_ids: list[int | None], specials: tuple[list[int], list[int]],
                     window_length: int, window_stride: int, num_words: int) -> EncodedArticle:
    """Windows over an already tokenised article (``word_ids`` from a fast tokenizer);
    ``specials`` are the tokenizer's :func:`special_ids`, asked once, not per article."""
    head, tail = specials
    body = window_length - len(head) - len(tail)
    if body <= window_stride:
        raise ValueError(f"window_length {window_length} leaves {body} sub-tokens a window, not more "
                         f"than the window_stride {window_stride}")
    first = [w if w is not None and (q == 0 or word_ids[q - 1] != w) else -1
             for q, w in enumerate(word_ids)]
    enc = EncodedArticle(num_words=num_words, num_subtokens=len(ids))
    for a in window_starts(len(ids), body, window_stride):
        b = min(a + body, len(ids))
        enc.windows.append(Window(head + ids[a:b] + tail,
                                  [-1] * len(head) + first[a:b] + [-1] * len(tail), a))
    return enc


def encode_words(words: list[str], tokenizer, window_length: int, window_stride: int) -> EncodedArticle:
    """Tokenise ``words`` (one article) and cut the result into windows."""
    if not words:
        return encode_subtokens([], [], special_ids(tokenizer), window_length, window_stride, 0)
    enc = tokenizer(words, is_split_into_words=True, add_special_tokens=False)
    return encode_subtokens(enc["input_ids"], enc.word_ids(), special_ids(tokenizer), window_length,
                            window_stride, len(words))


def best_windows(enc: EncodedArticle) -> dict[int, tuple[int, int]]:
    """For each word with a sub-token: ``(window, position)`` with the most context."""
    if len(enc.windows) == 1:  # most news articles: one window, nothing to choose
        return {word: (0, p) for p, word in enumerate(enc.windows[0].first_of_word) if word >= 0}
    best: dict[int, tuple[int, int, int]] = {}
    for w, win in enumerate(enc.windows):
        real = [p for p, word in enumerate(win.first_of_word) if word >= 0]
        if not real:
            continue
        lo, hi = min(real), max(real)
        for p in real:
            word = win.first_of_word[p]
            context = min(p - lo, hi - p)
            if word not in best or context > best[word][0]:
                best[word] = (context, w, p)
    return {word: (w, p) for word, (_, w, p) in best.items()}


def toy_tokenizer():
    """A tiny WordPiece tokenizer for examples and tests."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
    from transformers import BertTokenizerFast

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "putin", "tiba", "di", "kyiv", "##nya"]
    tk = Tokenizer(models.WordPiece({v: i for i, v in enumerate(vocab)}, unk_token="[UNK]"))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True)
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    from tokenizers.processors import TemplateProcessing

    tk.post_processor = TemplateProcessing(single="[CLS] $A [SEP]", special_tokens=[
        ("[CLS]", 2), ("[SEP]", 3)])
    return BertTokenizerFast(tokenizer_object=tk, unk_token="[UNK]", pad_token="[PAD]",
                             cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
