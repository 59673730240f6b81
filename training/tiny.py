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

TINY_MAX_LENGTH = 128
TINY_STRIDE = 32


def train_wordpiece(texts: Iterable[str], vocab_size: int = 4000) -> BertTokenizerFast:
    """A lower-casing BERT WordPiece tokenizer trained on ``texts``."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tk = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True)
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=vocab_size,
                                                            special_tokens=specials))
    cls_id, sep_id = tk.token_to_id("[CLS]"), tk.token_to_id("[SEP]")
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)])
    return BertTokenizerFast(tokenizer_object=tk, unk_token="[UNK]", pad_token="[PAD]",
                             cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                             do_lower_case=True)


def tiny_backbone_config(vocab_size: int) -> BertConfig:
    """A 2-layer, 128-wide BERT: the same family as IndoBERT, a thousandth of the size."""
    return BertConfig(vocab_size=vocab_size, hidden_size=128, num_hidden_layers=2,
                      num_attention_heads=2, intermediate_size=256,
                      max_position_embeddings=TINY_MAX_LENGTH)
