"""Unicode and whitespace normalisation that keeps a map back to the original text.

Scraped pages mix curly quotes, non-breaking spaces, zero-width joiners, soft
hyphens, full-width letters and decomposed accents. Matching wants one spelling;
users want offsets into the text *as read*. So normalisation never edits in place:
it builds a new string plus, for every output character, the ``[start, end)`` of
the original characters it came from.

>>> n = normalize("Presiden\\u00a0“Putin”\\u200b")
>>> n.text
'Presiden "Putin"'
>>> n.to_original(10, 15)
(10, 15)
>>> n.original[10:15]
'Putin'
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

# Characters that carry no text: zero-width space/joiners, BOM, soft hyphen, word joiner.
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
}
# An HTML character reference, named or numeric, after any "amp;" of double escaping.
_CHAR_REF = re.compile(r"&(?:amp;)*(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
# Printable ASCII and newlines need no change: copied as whole runs (the hot path),
# minus a last character that a combining mark follows.
_PLAIN_RUN = re.compile(
    r"[\x20-\x7e\n]+(?![\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])")


@dataclass(frozen=True)
class NormalizedText:
    """A normalised string with a per-character map into ``original``.

    ``src_start[i]`` / ``src_end[i]`` give the original span of output character ``i``;
    both arrays have ``len(text)`` entries.
    """

    original: str
    text: str
    src_start: array
    src_end: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to a span of ``original``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside a text of length {len(self.text)}")
        if start == end:
            pos = self.src_start[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.src_start[start], self.src_end[end - 1]


def _map_char(cluster: str) -> str:
    """Normalise one grapheme-like cluster (a base character plus combining marks)."""
    if cluster in _DROP:
        return ""
    if cluster in _QUOTES:
        return _QUOTES[cluster]
    if cluster in _DASHES:
        return "-"
    if cluster == "\r\n" or cluster == "\r":
        return "\n"
    if cluster == "\t" or (cluster.isspace() and cluster != "\n"):
        return " "
    out = unicodedata.normalize("NFKC", cluster)
    # NFKC may turn a lone character into quotes or dashes again (e.g. full-width forms).
    return "".join(_QUOTES.get(c, "-" if c in _DASHES else c) for c in out if c not in _DROP)


def _clusters(text: str, i: int = 0, n: int | None = None):
    """Yield ``(start, end)`` of each base character with its trailing combining marks
    in ``text[i:n]``."""
    n = len(text) if n is None else n
    while i < n:
        j = i + 1
        if text[i] == "\r" and j < n and text[j] == "\n":
            j += 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield i, j
        i = j


def normalize(text: str) -> NormalizedText:
    """Return ``text`` with NFKC, ASCII quotes and dashes, plain spaces and no invisible
    characters, plus the offset map back to ``text``."""
    out: list[str] = []
    starts, ends = array("l"), array("l")
    pos = 0
    for m in [*_PLAIN_RUN.finditer(text), None]:
        stop = m.start() if m else len(text)
        for i, j in _clusters(text, pos, stop):
            mapped = _map_char(text[i:j])
            out.append(mapped)
            starts.extend([i] * len(mapped))
            ends.extend([j] * len(mapped))
        if m:
            _plain(text, m.start(), m.end(), out, starts, ends)
            pos = m.end()
    return NormalizedText(text, "".join(out), starts, ends)


def _plain(text: str, start: int, end: int, out: list[str], starts: array, ends: array) -> None:
    """Copy the printable run ``text[start:end]``, each HTML character reference in it
    ("&nbsp;", "&quot;", "&#8220;", a doubly escaped "&amp;quot;") read as the character
    it stands for, mapped to the whole reference."""
    pos = start
    if "&" in text[start:end]:
        for ref in _CHAR_REF.finditer(text, start, end):
            reference = f"&{ref.group(1)};"
            char = html.unescape(reference)
            if char == reference:
                continue  # no reference: "&foo;" stays text
            _copy(text, pos, ref.start(), out, starts, ends)
            mapped = "".join(_map_char(c) for c in char)
            out.append(mapped)
            starts.extend([ref.start()] * len(mapped))
            ends.extend([ref.end()] * len(mapped))
            pos = ref.end()
    _copy(text, pos, end, out, starts, ends)


def _copy(text: str, start: int, end: int, out: list[str], starts: array, ends: array) -> None:
    """Copy ``text[start:end]`` as it is, each character mapped to itself."""
    out.append(text[start:end])
    starts.extend(range(start, end))
    ends.extend(range(start + 1, end + 1))


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Matching key of a word: case-folded, accents stripped, quotes and dashes unified.

    >>> fold("Erdoğan"), fold("ZELENSKYY"), fold("Al–Hayya")
    ('erdogan', 'zelenskyy', 'al-hayya')
    """
    text = normalize(word).text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
