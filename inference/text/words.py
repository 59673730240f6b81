"""Word and sentence segmentation for Indonesian news, with character offsets.

Words are the unit of BIO tagging, so their boundaries must fall where entity
boundaries can fall:

* reduplication stays one word: ``negara-negara``, ``situs-situs``, ``besar-besaran``;
* other hyphen compounds split, so names joined by a hyphen are separate words:
  ``Trump-Putin`` -> ``Trump`` ``-`` ``Putin`` (and ``Putin-nya`` -> ``Putin`` ``-`` ``nya``);
* dates and numbers stay whole: ``(14/6)`` -> ``(`` ``14/6`` ``)``, ``1.000``, ``14:28``;
* quotes, curly or straight, are their own tokens, and an apostrophe inside a word
  (``Ma'ruf``) does not split it.

Segmentation runs on the normalised text and maps every span back, so
``text[start:end]`` is always a slice of the original string.

>>> text = "Pertemuan Trump-Putin (14/6) membahas negara-negara “Barat”."
>>> [text[s:e] for s, e in word_spans(text)]
['Pertemuan', 'Trump', '-', 'Putin', '(', '14/6', ')', 'membahas', 'negara-negara', '“', 'Barat', '”', '.']
"""

from __future__ import annotations

import re

from sorot.inference.text.normalize import NormalizedText, normalize

Span = tuple[int, int]

_TOKEN = re.compile(
    r"(?P<url>https?://[^\s\"'<>]+[^\s\"'<>.,;:!?)]|www\.[^\s\"'<>]+[^\s\"'<>.,;:!?)])"
    r"|(?P<num>\d+(?:[./,:-]\d+)*(?![^\W_]))"
    r"|(?P<word>[^\W_]+(?:'[^\W_]+)*(?:-[^\W_]+(?:'[^\W_]+)*)*)"
    r"|(?P<punct>\S)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")


def _is_reduplication(parts: list[str]) -> bool:
    if len(parts) != 2:
        return False
    a, b = parts[0].casefold(), parts[1].casefold()
    return len(a) > 1 and (b.startswith(a) or a.endswith(b))


def _split_word(norm: str, start: int, end: int) -> list[Span]:
    """Split one regex word into sub-words at hyphens and a trailing ``'s``."""
    piece = norm[start:end]
    parts = piece.split("-")
    if len(parts) > 1 and not _is_reduplication(parts):
        spans: list[Span] = []
        pos = start
        for k, part in enumerate(parts):
            if k:
                spans.append((pos, pos + 1))
                pos += 1
            spans.extend(_split_word(norm, pos, pos + len(part)) if part else [])
            pos += len(part)
        return spans
    if piece.endswith("'s") and len(piece) > 2:
        return [(start, end - 2), (end - 2, end)]
    return [(start, end)]


def _normalized_spans(norm: str) -> list[Span]:
    spans: list[Span] = []
    for m in _TOKEN.finditer(norm):
        if m.lastgroup == "word":
            spans.extend(_split_word(norm, m.start(), m.end()))
        else:
            spans.append(m.span())
    return spans


def word_spans(text: str, normalized: NormalizedText | None = None) -> list[Span]:
    """``[start, end)`` of every word and punctuation token of ``text``, in order."""
    norm = normalized or normalize(text)
    out = []
    starts, ends = norm.src_start, norm.src_end  # NormalizedText.to_original, inlined: the hot loop
    for s, e in _normalized_spans(norm.text):  # never empty, so the map is start and end - 1
        os_, oe = starts[s], ends[e - 1]
        if out and os_ < out[-1][1]:
            # One original character expanded to several ("¼" -> "1⁄4"): keep it one word.
            out[-1] = (out[-1][0], max(oe, out[-1][1]))
        elif oe > os_:
            out.append((os_, oe))
    return out


def sentence_spans(text: str) -> list[Span]:
    """``[start, end)`` of each sentence: split at line breaks and at ``.!?`` before a
    capital, with surrounding whitespace trimmed.

    >>> t = "Putin tiba. Ia bertemu Xi.\\nBaca juga: berita lain"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Putin tiba.', 'Ia bertemu Xi.', 'Baca juga: berita lain']
    """
    spans: list[Span] = []
    pos = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        cut = m.start() if m else len(text)
        seg = text[pos:cut]
        stripped = seg.strip()
        if stripped:
            s = pos + (len(seg) - len(seg.lstrip()))
            spans.append((s, s + len(stripped)))
        pos = m.end() if m else len(text)
    return spans
