"""Typing slips: a word one letter off a long known word ("fasiliats" for "fasilitas",
"Zelenksy" for "Zelensky"). Shared by the topic lexicon and the gazetteer.

>>> slips = Slips({"fasilitas", "zelensky"})
>>> slips.correct("fasiliats"), slips.correct("zelenksy"), slips.correct("fasilitas")
('fasilitas', 'zelensky', None)

A shorter word (five to seven letters) slips only inside a known pair of words, next to
its partner spelt right, and only when it is no Indonesian word itself: "gencatan
sanjata" is "gencatan senjata", but "pertukaran tahunan" (a yearly exchange) stays.

>>> pairs = Slips({"gencatan", "senjata"}, pairs={("gencatan", "senjata")})
>>> pairs.apply(Document.from_text("gencatan sanjata dan sanjata")).keys
['gencatan', 'senjata', 'dan', 'sanjata']
"""

from __future__ import annotations

from sorot.inference.text.phrases import Document

#: Known words this long or longer (without "-nya") match with one typing slip.
MISSPELLING_MIN_LETTERS = 8
#: Shorter known words from this length match with one slip next to their partner.
PAIR_MIN_LETTERS = 5
#: Indonesian Zipf frequency from which a word is a real word, never a slip.
REAL_WORD_ZIPF = 2.0


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

    def __init__(self, cue_words: set[str], real_words: set[str] = frozenset(),
                 pairs: set[tuple[str, str]] = frozenset()) -> None:
        self.cue_words = cue_words
        self.real_words = real_words
        self.pairs = frozenset(pairs)
        self._index: dict[str, set[str]] = {}
        for word in cue_words:
            if len(word) >= MISSPELLING_MIN_LETTERS and word.isalpha():
                for d in _deletes(word):
                    self._index.setdefault(d, set()).add(word)
        self._short: dict[str, set[str]] = {}  # deletion index of the pairs' shorter words
        for word in {w for pair in self.pairs for w in pair}:
            if PAIR_MIN_LETTERS <= len(word) < MISSPELLING_MIN_LETTERS and word.isalpha():
                for d in _deletes(word):
                    self._short.setdefault(d, set()).add(word)
        self._seen: dict[str, str | None] = {}
        self._seen_short: dict[str, frozenset[str]] = {}

    def correct(self, key: str) -> str | None:
        """The known word ``key`` is a slip of, if exactly one."""
        if (seen := self._seen.get(key, _UNSEEN)) is not _UNSEEN:
            return seen  # most words of an article were seen before: one lookup
        base = key[:-3] if key.endswith("nya") else key  # the slip must be in the word itself
        if len(self._seen) > 1 << 16:
            self._seen.clear()
        # a dropped letter leaves one fewer ("seranga" for "serangan"; the known word is long),
        # though never in a "-nya" form, whose known form would be a short word's
        shortest = MISSPELLING_MIN_LETTERS - (base == key)
        if len(base) < shortest or key in self.cue_words or not key.isalpha() \
                or key in self.real_words or base in self.real_words:
            self._seen[key] = None
            return None
        near = {w for d in _deletes(key) for w in self._index.get(d, ()) if one_slip(key, w)}
        self._seen[key] = near.pop() if len(near) == 1 else None
        return self._seen[key]

    def _near_short(self, key: str) -> frozenset[str]:
        """The pairs' shorter words ``key`` is one slip from, unless it is a word itself
        (computed once a key: :meth:`apply` reads the cache first)."""
        near: frozenset[str] = frozenset()
        if PAIR_MIN_LETTERS - 1 <= len(key) <= MISSPELLING_MIN_LETTERS and key.isalpha() \
                and key not in self.cue_words and key not in self.real_words:
            near = frozenset(w for d in _deletes(key) for w in self._short.get(d, ()) if one_slip(key, w))
            if near and _is_word(key):
                near = frozenset()
        if len(self._seen_short) > 1 << 16:
            self._seen_short.clear()
        self._seen_short[key] = near
        return near

    def _pair_slip(self, keys: list[str], i: int, near: frozenset[str]) -> str | None:
        """The one of ``near`` (word ``i``'s candidates) that a neighbour, as written,
        pairs with in a cue."""
        fits = {w for w in near
                if (i > 0 and (keys[i - 1], w) in self.pairs) or (i + 1 < len(keys) and (w, keys[i + 1]) in self.pairs)}
        return fits.pop() if len(fits) == 1 else None

    def apply(self, doc: Document) -> Document:
        """``doc`` with each slipped word's key replaced by its known word's."""
        keys: list[str] | None = None  # a copy only when a word slipped: most documents have none
        seen_short = self._seen_short  # a hot loop: every word of every article
        for i, key in enumerate(doc.keys):
            known = None
            if self._short:  # first: a partner beside it is the stronger evidence ("gencatan
                near = seen_short.get(key)  # senjatan" is no "genjatan", one slip away too)
                if near is None:
                    near = self._near_short(key)
                if near:
                    known = self._pair_slip(doc.keys, i, near)  # neighbours as written: one slip per cue
            if known is None:
                known = self.correct(key)
            if known is not None:
                keys = keys or list(doc.keys)
                keys[i] = known
        return doc if keys is None else Document(doc.text, doc.words, keys)


def _is_word(key: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(key, "id") >= REAL_WORD_ZIPF
