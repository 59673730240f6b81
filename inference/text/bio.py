"""Character spans <-> word-level IOB2 tags.

Training turns annotated spans into one tag per word; decoding turns predicted
tags back into spans. Both directions use the word spans of
:mod:`sorot.inference.text.words`, so a span always starts and ends on word boundaries.

>>> words = [(0, 8), (9, 17), (18, 23), (24, 30)]   # "Presiden Vladimir Putin tiba."
>>> tags = spans_to_bio(words, [{"start": 9, "end": 23, "label": "LEADER"}])
>>> tags
['O', 'B-LEADER', 'I-LEADER', 'O']
>>> bio_to_spans(words, tags)
[(9, 23, 'LEADER')]
>>> bio_to_spans(words, ["O", "I-LEADER", "I-LEADER", "B-TOPIC"])   # I- after O opens a span
[(9, 23, 'LEADER'), (24, 30, 'TOPIC')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from sorot.inference.text.words import Span
from sorot.models.errors import SorotError


class AlignmentError(SorotError, ValueError):
    """A span does not fit the words: it cuts a word, overlaps another, or is empty."""


def entity_word_range(words: list[Span], start: int, end: int, strict: bool = True) -> tuple[int, int]:
    """Indices ``[i, j)`` of the words a character span covers.

    With ``strict``, a span that cuts a word raises :class:`AlignmentError`; otherwise
    every word it overlaps is taken.
    """
    i = bisect_right([e for _, e in words], start)
    j = bisect_left([s for s, _ in words], end)
    if i >= j:
        raise AlignmentError(f"span [{start}, {end}) covers no word")
    if strict and (words[i][0] != start or words[j - 1][1] != end):
        raise AlignmentError(f"span [{start}, {end}) cuts a word: words there are "
                             f"[{words[i][0]}, {words[j - 1][1]})")
    return i, j


def spans_to_bio(words: list[Span], entities: list[dict], strict: bool = True) -> list[str]:
    """One IOB2 tag per word; overlapping entities raise :class:`AlignmentError`."""
    tags = ["O"] * len(words)
    for ent in sorted(entities, key=lambda e: e["start"]):
        i, j = entity_word_range(words, ent["start"], ent["end"], strict)
        if any(t != "O" for t in tags[i:j]):
            raise AlignmentError(f"span [{ent['start']}, {ent['end']}) {ent['label']} overlaps "
                                 "another entity")
        tags[i] = f"B-{ent['label']}"
        tags[i + 1:j] = [f"I-{ent['label']}"] * (j - i - 1)
    return tags


def bio_to_word_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Word ranges ``(i, j, type)`` of IOB2 tags. Rule for invalid sequences: an ``I-X``
    that does not continue an ``X`` span (after ``O`` or another type) opens a new span,
    as seqeval's lenient reading and the HF pipelines do."""
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    for k, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if prefix == "I" and cur is not None and cur[2] == typ:
            cur[1] = k + 1
            continue
        if cur is not None:
            spans.append(tuple(cur))
            cur = None
        if prefix in ("B", "I"):
            cur = [k, k + 1, typ]
    if cur is not None:
        spans.append(tuple(cur))
    return spans


def sparse_bio_to_word_spans(words: list[int], tags: list[str]) -> list[tuple[int, int, str]]:
    """:func:`bio_to_word_spans` over only the words not tagged ``O``: ``words`` are their
    indices, ascending, and ``tags`` their tags. Returns ``(i, j, type)`` as indices into
    ``words``, so a span covers words ``words[i]`` to ``words[j - 1]`` (a gap is an ``O``).

    >>> sparse_bio_to_word_spans([1, 2, 5, 6], ["B-LEADER", "I-LEADER", "I-TOPIC", "I-TOPIC"])
    [(0, 2, 'LEADER'), (2, 4, 'TOPIC')]
    """
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    for k, (word, tag) in enumerate(zip(words, tags)):
        prefix, _, typ = tag.partition("-")
        if prefix == "I" and cur is not None and cur[2] == typ and words[k - 1] == word - 1:
            cur[1] = k + 1
            continue
        if cur is not None:
            spans.append(tuple(cur))
        cur = [k, k + 1, typ]
    if cur is not None:
        spans.append(tuple(cur))
    return spans


def bio_to_spans(words: list[Span], tags: list[str]) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, type)`` of IOB2 tags over ``words``."""
    return [(words[i][0], words[j - 1][1], typ) for i, j, typ in bio_to_word_spans(tags)]
