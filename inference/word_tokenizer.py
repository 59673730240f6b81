"""Sub-word tokenisation without transformers, for the ONNX backend.

A saved sorot model carries ``tokenizer.json``: the fast tokenizer's own
``tokenizers.Tokenizer``, which transformers only wraps. :class:`WordTokenizer` reads it
directly and answers the one call :func:`sorot.inference.stages.prepare` makes, so the
ONNX path imports neither transformers nor (through it) torch, and tokenises exactly as
the torch path does (``tests/test_onnx.py`` compares them on real articles).

>>> from sorot.inference.windows import toy_tokenizer
>>> tok = WordTokenizer(toy_tokenizer().backend_tokenizer, pad_token="[PAD]")
>>> enc = tok([["Putin", "tiba"]], is_split_into_words=True, add_special_tokens=False)
>>> len(enc["input_ids"][0]) == len(enc.word_ids(0)), enc.word_ids(0)[0]
(True, 0)
"""

from __future__ import annotations

import json
from pathlib import Path

from sorot.models.errors import SorotError


class WordEncoding:
    """The slice of transformers' ``BatchEncoding`` that preparing reads: ``["input_ids"]``
    and ``word_ids(j)``, for one sequence or a batch."""

    def __init__(self, encodings: list, single: bool) -> None:
        self.encodings, self.single = encodings, single

    def __getitem__(self, key: str):
        if key != "input_ids":
            raise KeyError(key)
        ids = [e.ids for e in self.encodings]
        return ids[0] if self.single else ids

    def word_ids(self, index: int = 0) -> list[int | None]:
        return self.encodings[index].word_ids


class WordTokenizer:
    """A ``tokenizers.Tokenizer`` with the call signature of a transformers fast tokenizer
    for pre-split words (no truncation, no padding: windows are cut and padded later)."""

    def __init__(self, tokenizer, pad_token: str = "[PAD]") -> None:
        self.tokenizer = tokenizer
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self.pad_token_id = tokenizer.token_to_id(pad_token)

    @classmethod
    def from_folder(cls, folder: str | Path) -> WordTokenizer:
        from tokenizers import Tokenizer

        path = Path(folder) / "tokenizer.json"
        if not path.is_file():
            raise SorotError(f"{folder} has no tokenizer.json, which the ONNX backend reads; save the "
                             "model with a fast tokenizer (`sorot train` does) or use --backend torch")
        return cls(Tokenizer.from_file(str(path)), _pad_token(Path(folder)))

    def __len__(self) -> int:
        return self.tokenizer.get_vocab_size(with_added_tokens=True)

    def __call__(self, batch, is_split_into_words: bool = True, add_special_tokens: bool = True,
                 verbose: bool = True) -> WordEncoding:
        if not is_split_into_words:
            raise ValueError("WordTokenizer reads pre-split words only")
        single = bool(batch) and isinstance(batch[0], str)
        seqs = [batch] if single else list(batch)
        encodings = self.tokenizer.encode_batch(seqs, is_pretokenized=True, add_special_tokens=add_special_tokens)
        return WordEncoding(encodings, single)


def _pad_token(folder: Path) -> str:
    """The pad token the folder's tokenizer config names (a string or an AddedToken dict)."""
    for name in ("tokenizer_config.json", "special_tokens_map.json"):
        try:
            pad = json.loads((folder / name).read_text(encoding="utf-8")).get("pad_token")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(pad, dict):
            pad = pad.get("content")
        if isinstance(pad, str):
            return pad
    return "[PAD]"
