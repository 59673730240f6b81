"""Tokenised documents and longest-match phrase lookup over their words.

A :class:`Document` tokenises a text once (words with offsets, plus a folded
matching key per word); a :class:`PhraseMatcher` finds listed phrases in it,
leftmost-longest and without overlap. The gazetteer, the topic lexicon and the
conflict cues are all phrase matchers, so they see words exactly alike.

>>> m = PhraseMatcher()
>>> m.add("Vladimir Putin", "putin"); m.add("Putin", "putin"); m.add("gencatan senjata", "cf")
>>> doc = Document.from_text("Presiden Vladimir Putin menolak Gencatan Senjata.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in m.find(doc)]
[('Vladimir Putin', 'putin'), ('Gencatan Senjata', 'cf')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sorot.inference.text.normalize import fold, normalize
from sorot.inference.text.words import Span, word_spans


@dataclass(frozen=True)
class Document:
    """``text`` with its word spans and one folded key per word."""

    text: str
    words: list[Span]
    keys: list[str]

    @classmethod
    def from_text(cls, text: str) -> Document:
        norm = normalize(text)
        words = word_spans(text, norm)
        return cls(text, words, [fold(text[s:e]) for s, e in words])

    def word(self, i: int) -> str:
        s, e = self.words[i]
        return self.text[s:e]

    def char_span(self, start: int, end: int) -> Span:
        """Character span of words ``[start, end)``."""
        return self.words[start][0], self.words[end - 1][1]

    def span_text(self, start: int, end: int) -> str:
        s, e = self.char_span(start, end)
        return self.text[s:e]


@dataclass(frozen=True)
class Hit:
    """Words ``[start, end)`` of a document matched a phrase carrying ``payload``."""

    start: int
    end: int
    payload: Any


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def same_line(doc: Document, i: int, j: int) -> bool:
    """Whether words ``i`` < ``j`` stand on one line."""
    return "\n" not in doc.text[doc.words[i][1]:doc.words[j][0]]


class PhraseMatcher:
    """Phrases keyed by their folded words; a capitalised word of a phrase must be
    capitalised in the text too, so names do not match common words."""

    def __init__(self) -> None:
        # phrase keys -> (capitalisation, payload) in the order added; and, per first word,
        # the distinct phrase lengths, longest first. Adding is O(1) and a lookup costs one
        # dict probe per distinct length, however many phrases share a first word (a
        # gazetteer of 100,000 "Muhammad …" names was quadratic to build and to match).
        self._phrases: dict[tuple[str, ...], list[tuple[tuple[bool, ...], Any]]] = {}
        self._lengths: dict[str, list[int]] = {}

    def add(self, phrase: str, payload: Any) -> None:
        doc = Document.from_text(phrase)
        keys = tuple(doc.keys)
        if not keys:
            raise ValueError(f"phrase {phrase!r} has no words")
        caps = tuple(is_capitalised(doc.word(i)) for i in range(len(keys)))
        self._phrases.setdefault(keys, []).append((caps, payload))
        lengths = self._lengths.setdefault(keys[0], [])
        if len(keys) not in lengths:
            lengths.append(len(keys))
            lengths.sort(reverse=True)  # few distinct lengths: cheap

    def vocabulary(self) -> set[str]:
        """Every folded word of every phrase."""
        return {k for phrase in self._phrases for k in phrase}

    def get(self, keys: tuple[str, ...]) -> Any | None:
        """The payload of the phrase with exactly these folded keys, if any."""
        entries = self._phrases.get(tuple(keys)) if keys else None
        return entries[0][1] if entries else None

    def match_at(self, doc: Document, i: int) -> Hit | None:
        """The longest phrase that starts at word ``i`` (none past the last word: callers
        look one word ahead, and a scraped text may stop at any word, "(" included)."""
        if i >= len(doc.keys):
            return None
        for length in self._lengths.get(doc.keys[i], ()):
            end = i + length
            if end > len(doc.keys):
                continue
            for caps, payload in self._phrases.get(tuple(doc.keys[i:end]), ()):
                if all(not cap or is_capitalised(doc.word(j)) for j, cap in zip(range(i, end), caps)):
                    return Hit(i, end, payload)
        return None

    def find(self, doc: Document, blocked: set[int] | None = None) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits, skipping words in ``blocked``."""
        hits, after, lengths = [], 0, self._lengths
        for i, key in enumerate(doc.keys):
            # most words start no phrase: one dict probe, no call (every matcher, every article)
            if i < after or key not in lengths or (blocked and i in blocked):
                continue
            hit = self.match_at(doc, i)
            if hit and not (blocked and blocked.intersection(range(hit.start, hit.end))):
                hits.append(hit)
                after = hit.end
        return hits


def keys_of(phrase: str) -> tuple[str, ...]:
    """Folded word keys of a phrase, as the matcher indexes it."""
    return tuple(Document.from_text(phrase).keys)
