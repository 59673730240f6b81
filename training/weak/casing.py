r"""What an article's casing says: its Title Case headline lines, and the words it writes
in lower case (common words, never names), less names the source misspelt in lower case.
A capitalised first word ("Ia") is no evidence either way.

>>> ctx = ArticleContext.of(Document.from_text("Trump Setop Perang Dagang Dunia Sekarang\nIa bicara."))
>>> sorted(ctx.headline), sorted(ctx.lower)
([0, 1, 2, 3, 4, 5], ['bicara'])
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from sorot.inference.text.phrases import Document, is_capitalised, same_line
from sorot.training.weak.names import zipf

#: Zipf frequency under which a word is no Indonesian word: written in lower case beside
#: its capitalised form, it is a name the source misspelt ("Abbas araghchi").
NAME_CASE_ZIPF = 2.5
#: Word keys that end a sentence.
SENTENCE_END = frozenset({".", "!", "?"})
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleContext:
    """Per-article facts the name rules use: headline word indices, and the folded
    words that appear in lower case somewhere in the article (so are common words)."""

    headline: set[int]
    lower: set[str]

    @classmethod
    def of(cls, doc: Document) -> ArticleContext:
        """``lower`` leaves out a name the source once wrote in lower case ("Abbas araghchi"
        beside "kata Araghchi"): a word no Indonesian text uses (:data:`NAME_CASE_ZIPF`) that
        the article capitalises right after a lower-case word at least once, capitalises at
        least as often as not, and never writes in lower case inside a URL.

        >>> doc = Document.from_text("Kata araghchi, itu benar. Presiden menyambut Araghchi.")
        >>> "araghchi" in ArticleContext.of(doc).lower
        False
        >>> doc = Document.from_text("Setop perang! Janji setop perang itu.")
        >>> "setop" in ArticleContext.of(doc).lower
        True
        """
        lower: dict[str, int] = {}
        upper: dict[str, int] = {}
        in_prose: set[str] = set()  # capitalised right after a lower-case word: "kata Araghchi"
        in_urls: set[str] = set()  # a URL's slug is lower case whatever the word is
        text = doc.text
        urls = [m.span() for m in _URL.finditer(text)] if "/" in text else []
        starts = [s for s, _ in urls]
        after_lower, last_end = False, 0  # one pass, each word sliced once (every article)
        for k, (at, end) in zip(doc.keys, doc.words):
            word = text[at:end]
            if word.islower():
                lower[k] = lower.get(k, 0) + 1
                if urls and (u := bisect_right(starts, at) - 1) >= 0 and at < urls[u][1]:
                    in_urls.add(k)
                after_lower = True
            else:
                if after_lower and is_capitalised(word) and "\n" not in text[last_end:at]:
                    in_prose.add(k)
                if is_capitalised(word):
                    upper[k] = upper.get(k, 0) + 1
                after_lower = False
            last_end = end
        # slang is as unknown to word lists as foreign names are ("setop", "Araghchi"):
        # a sentence's first word or a Title Case run ("Trump Setop Perang") proves nothing
        names = {k for k, n in lower.items() if k in in_prose and upper[k] >= n and k not in in_urls
                 and k.isalpha() and zipf(k) < NAME_CASE_ZIPF}
        return cls(headline_words(doc), set(lower) - names)


def headline_words(doc: Document) -> set[int]:
    """Indices of words on headline lines: Title Case, no closing full stop."""
    out: set[int] = set()
    line: list[int] = []
    for i in range(len(doc.words) + 1):
        newline = i == len(doc.words) or (i and "\n" in doc.text[doc.words[i - 1][1]:doc.words[i][0]])
        if newline and line:
            long_words = [k for k in line if len(doc.word(k)) > 3 and doc.word(k).isalpha()]
            caps = sum(is_capitalised(doc.word(k)) for k in long_words)
            ends_sentence = doc.word(line[-1]) in {".", "!", "?", '"', "'", "”"}
            if len(long_words) >= 5 and caps / len(long_words) >= 0.7 and not ends_sentence:
                out.update(line)
            line = []
        if i < len(doc.words):
            line.append(i)
    return out


#: Words that open an item of a bulleted list ("- ", "• "); numbered items are "1." / "1)".
_BULLETS = frozenset({"-", "\u2022", "*", "\u00b7", "\u2013", "\u2014", "\u25aa", "\u25cf"})


def line_first(doc: Document, i: int) -> int:
    """The first word of word ``i``'s line."""
    while i > 0 and same_line(doc, i - 1, i):
        i -= 1
    return i


def line_end(doc: Document, i: int) -> int:
    """The index after the last word of word ``i``'s line."""
    end = i
    while end < len(doc.keys) and same_line(doc, i, end):
        end += 1
    return end


def item_first(doc: Document, i: int) -> int:
    """The first word of word ``i``'s line after a list marker ("- ", "• ", "1.", "2)").

    >>> doc = Document.from_text("1. Menteri Keuangan: Dimas Prakoso\\n- Sinta Handayani")
    >>> item_first(doc, 4), item_first(doc, 8)
    (2, 8)
    """
    first = line_first(doc, i)
    if first + 1 < len(doc.keys) and same_line(doc, first, first + 1):
        if doc.keys[first] in _BULLETS:
            return first + 1
        if doc.keys[first].isdigit() and doc.keys[first + 1] in (".", ")") and first + 2 < len(doc.keys):
            return first + 2
    return first


def _numbered(doc: Document, k: int) -> bool:
    """Words ``k`` and ``k + 1`` are a number marker ("2." or "2)") on one line."""
    return doc.keys[k].isdigit() and doc.keys[k + 1] in (".", ")") and same_line(doc, k, k + 1)


def opens_item(doc: Document, i: int) -> bool:
    """Word ``i`` opens a list item: the first word of its line after any marker, or the
    first after a number marker or a semicolon mid-line, where a scraper flattened the
    list onto one line ("1. Dimas Prakoso - Wakil Menteri Sosial 2. Sinta Handayani - …").

    >>> doc = Document.from_text("1. Dimas Prakoso - Menkeu 2. Sinta Handayani - Menkop")
    >>> [doc.word(i) for i in range(len(doc.keys)) if opens_item(doc, i)]
    ['Dimas', 'Sinta']
    """
    if i == item_first(doc, i):
        return True
    return i >= 2 and same_line(doc, i - 1, i) and (doc.keys[i - 1] == ";" or _numbered(doc, i - 2))


def item_end(doc: Document, i: int) -> int:
    """The index after the last word of word ``i``'s list item: its line's end, or the
    next number marker or semicolon on the line (see :func:`opens_item`)."""
    end = line_end(doc, i)
    return next((k for k in range(i + 1, end - 2) if doc.keys[k] == ";" or _numbered(doc, k)), end)


def neighbour_items(doc: Document, i: int) -> list[int]:
    """The first words (after any list marker) of the lines right above and below word
    ``i``'s line."""
    first, end = line_first(doc, i), line_end(doc, i)
    return ([item_first(doc, first - 1)] if first else []) + ([item_first(doc, end)] if end < len(doc.keys) else [])


def profiled_start(doc: Document, start: int, end: int, headline: set[int], openers: frozenset) -> int | None:
    """Where the name of words ``start``..``end`` begins on a Title Case headline that is
    about that person: the name opens the line, or follows one of the ``openers`` (keys
    tuples: "Sosok", "Profil", "Mengenal") that does, and the article's body names them
    again by the name's last word, capitalised. ``None`` otherwise: on a headline every
    word is capitalised, so only that evidence tells a name from the words around it.

    >>> doc = Document.from_text("Sosok Dana Morrow, Utusan Khusus\\nKemarin Morrow tiba.")
    >>> profiled_start(doc, 0, 3, set(range(6)), frozenset({("sosok",)}))
    1
    >>> doc = Document.from_text("Sosok Dana Morrow, Utusan Khusus\\nKemarin ia tiba.")
    >>> profiled_start(doc, 0, 3, set(range(6)), frozenset({("sosok",)})) is None
    True
    """
    first = line_first(doc, start)
    for _ in range(2):  # "Wawancara Eksklusif", "Video Profil"
        first += next((n for n in (2, 1) if tuple(doc.keys[first:first + n]) in openers), 0)
    if not start <= first < end:
        return None
    last = doc.keys[end - 1]
    body = (k for k in range(len(doc.keys)) if k not in headline and doc.keys[k] == last)
    return first if any(is_capitalised(doc.word(k)) for k in body) else None
