"""Typing slips: a word one letter off a long known word ("fasiliats" for "fasilitas",
"Zelenksy" for "Zelensky"). Shared by the topic lexicon and the gazetteer.

>>> slips = Slips({"fasilitas", "zelensky"})
>>> slips.correct("fasiliats"), slips.correct("zelenksy"), slips.correct("fasilitas")
('fasilitas', 'zelensky', None)
"""

from __future__ import annotations

from sorot.inference.text.phrases import Document

#: Known words this long or longer (without "-nya") match with one typing slip.
MISSPELLING_MIN_LETTERS = 8


def one_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one inserted, dropped or changed letter,
    or two neighbours swapped (Damerau distance 1).

    >>> one_slip("fasiliats", "fasilitas"), one_slip("negoisasi", "negosiasi"), one_slip("sanksi", "sanksi")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


_UNSEEN = object()


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class Slips:
    """Maps a word one slip from a long known word to that word (a deletion index: two
    words one slip apart share a word with at most one letter dropped). ``real_words``
    are never slips; a real word covers its "-nya" form, and the length counts without
    "-nya"."""

    def __init__(self, cue_words: set[str], real_words: set[str] = frozenset()) -> None:
        self.cue_words = cue_words
        self.real_words = real_words
        self._index: dict[str, set[str]] = {}
        for word in cue_words:
            if len(word) >= MISSPELLING_MIN_LETTERS and word.isalpha():
                for d in _deletes(word):
                    self._index.setdefault(d, set()).add(word)
        self._seen: dict[str, str | None] = {}

    def correct(self, key: str) -> str | None:
        """The known word ``key`` is a slip of, if exactly one."""
        if (seen := self._seen.get(key, _UNSEEN)) is not _UNSEEN:
            return seen  # most words of an article were seen before: one lookup
        base = key[:-3] if key.endswith("nya") else key  # the slip must be in the word itself
        if len(self._seen) > 1 << 16:
            self._seen.clear()
        if len(base) < MISSPELLING_MIN_LETTERS or key in self.cue_words or not key.isalpha() \
                or key in self.real_words or base in self.real_words:
            self._seen[key] = None
            return None
        near = {w for d in _deletes(key) for w in self._index.get(d, ()) if one_slip(key, w)}
        self._seen[key] = near.pop() if len(near) == 1 else None
        return self._seen[key]

    def apply(self, doc: Document) -> Document:
        """``doc`` with each slipped word's key replaced by its known word's."""
        keys = [self.correct(k) or k for k in doc.keys]
        return doc if keys == doc.keys else Document(doc.text, doc.words, keys)
