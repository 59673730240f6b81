"""The ``tiny`` preset: a small BERT and a WordPiece tokenizer trained from scratch.

It makes the whole pipeline (train -> save -> load -> predict) run on a 2-core CPU
in minutes. It is a pipeline demo, not a useful model: real quality needs a
pretrained IndoBERT on a GPU.

>>> tok = train_wordpiece(["Presiden Putin tiba di Kyiv.", "Gencatan senjata di Gaza."] * 5, 200)
>>> tok.tokenize("Putin tiba")[:2]
['putin', 'tiba']
"""

from __future__ import annotations

from collections.abc import Iterable

from transformers import BertConfig, BertTokenizerFast

TINY_WINDOW_LENGTH = 128
TINY_WINDOW_STRIDE = 32


def train_wordpiece(texts: Iterable[str], vocab_size: int = 4000) -> BertTokenizerFast:
    """A lower-casing BERT WordPiece tokenizer whose vocabulary is built from ``texts``.

    The vocabulary is deterministic (the ``tokenizers`` trainer breaks ties at random,
    which would make a resumed run differ): every character, as a word start and as a
    ``##`` continuation, then the most frequent whole words, word starts and word
    endings (ties alphabetical), so unseen words split into a few known pieces.
    """
    from collections import Counter

    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    normalizer, pre = normalizers.BertNormalizer(lowercase=True), pre_tokenizers.BertPreTokenizer()
    words = Counter(w for t in texts for w, _ in pre.pre_tokenize_str(normalizer.normalize_str(t)))
    chars = sorted({c for w in words for c in w})
    vocab = specials + chars + [f"##{c}" for c in chars]
    room = max(vocab_size - len(vocab), 0)
    pieces: Counter = Counter()
    for w, n in words.items():
        pieces[w] += 2 * n  # whole words first
        for k in range(2, min(len(w), 6)):
            pieces[w[:k]] += n
            pieces[f"##{w[-k:]}"] += n
    ranked = sorted((p for p in pieces if len(p.removeprefix("##")) > 1),
                    key=lambda p: (-pieces[p], p))
    vocab += ranked[:room]
    tk = Tokenizer(models.WordPiece({v: i for i, v in enumerate(vocab)}, unk_token="[UNK]"))
    tk.normalizer, tk.pre_tokenizer = normalizer, pre
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", vocab.index("[CLS]")), ("[SEP]", vocab.index("[SEP]"))])
    return BertTokenizerFast(tokenizer_object=tk, unk_token="[UNK]", pad_token="[PAD]",
                             cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                             do_lower_case=True)


def tiny_backbone_config(vocab_size: int) -> BertConfig:
    """A 2-layer, 128-wide BERT: the same family as IndoBERT, a thousandth of the size."""
    return BertConfig(vocab_size=vocab_size, hidden_size=128, num_hidden_layers=2,
                      num_attention_heads=2, intermediate_size=256,
                      max_position_embeddings=TINY_WINDOW_LENGTH)
