"""Aliases an article declares for a person it names: initials and nicknames in brackets
("Joko Widodo (Jokowi)", "Prasetyo Hadi (PH)"), after "atau" ("Abdul Muhaimin Iskandar
atau Cak Imin"), after "yang akrab disapa" or at "sapaan akrabnya" ("Menurut Roy, sapaan
akrabnya, …" for the nearest person whose name makes "Roy"), and other full names
("X, yang dikenal sebagai Abu Mohammed al-Julani", "X alias Abu Mazen"). Read by
:mod:`sorot.training.weak.mentions`, which tags each alias as its person.

>>> doc = Document.from_text("Menlu Prasetyo Hadi, yang akrab disapa Pras, tiba.")
>>> [(alias, doc.span_text(h.start, h.end)) for alias, h in alias_pairs(doc, [Hit(1, 3, "OFFICIAL")])]
[('Pras', 'Prasetyo Hadi')]
"""

from __future__ import annotations

from sorot.inference.text.gazetteer import NAME_PARTICLES, are_initials
from sorot.inference.text.phrases import Document, Hit, is_capitalised, keys_of, same_line
from sorot.training.weak.name_shapes import KUNYAS
from sorot.training.weak.names import is_common_word


def name_keys(doc: Document, hit: Hit) -> tuple[str, ...]:
    return tuple(k for k in doc.keys[hit.start:hit.end] if k not in NAME_PARTICLES)


def aliases_of(doc: Document, pairs: list[tuple[str, Hit]]) -> dict[tuple, tuple]:
    """The keys of each alias of :func:`alias_pairs` mapped to its person's name's keys:
    ("jokowi",) -> ("joko", "widodo")."""
    return {keys_of(alias): name_keys(doc, hit) for alias, hit in pairs}


#: Words that declare the nickname after them ("X, yang akrab disapa Pras, …") and, after
#: a comma, the one before them ("Menurut Roy, sapaan akrabnya, …" names the last person).
_CALLED = (("yang", "akrab", "disapa"), ("akrab", "disapa"), ("yang", "biasa", "disapa"), ("biasa", "disapa"))
_NICKNAME = (("sapaan", "akrabnya"), ("sapaan", "akrab"), ("sapaannya",))
#: Forms of address that open a declared nickname: "disapa Gus Ipul", "disapa Cak Imin".
_ADDRESSES = frozenset({"gus", "cak", "kang", "bang", "bung", "mas", "ning"})
#: Words that declare another full name of the person before them, a nom de guerre or a
#: kunya: "X, yang dikenal sebagai Abu Mohammed al-Julani".
_KNOWN_AS = (("yang", "dikenal", "sebagai"), ("dikenal", "sebagai"), ("yang", "dikenal", "dengan", "nama"),
             ("dikenal", "dengan", "nama"))
#: Words that declare a call sign or an alias, which may be one word: "X, yang dikenal
#: dengan nama panggilan Madyar", "X alias Abu Mazen".
_CALL_SIGNS = tuple((*known, *call) for known in (("yang", "dikenal", "dengan"), ("dikenal", "dengan"), ("dengan",), ())
                    for call in (("nama", "panggilan"), ("nama", "sandi"))) + (("alias",),)
#: Quotes around a declared nickname, as the reader's normalisation leaves them.
_QUOTES = frozenset({'"', "'"})
MAX_ALIAS = 5
#: Words from the last person's name within which a declared nickname may name them.
_NICKNAME_REACH = 60


def alias_pairs(doc: Document, people: list[Hit]) -> list[tuple[str, Hit]]:
    """Each alias of the article with the person it names: bracketed after the name
    ("Joko Widodo (Jokowi)"), declared after it ("Prasetyo Hadi, yang akrab disapa Pras"),
    or declared at the alias for the person named last before it ("Rolliansyah Soemirat
    … Menurut Roy, sapaan akrabnya, …")."""
    pairs = [(alias, hit) for hit in people if (alias := alias_after(doc, hit))]
    return pairs + declared_nicknames(doc, people)


def declared_nicknames(doc: Document, people: list[Hit]) -> list[tuple[str, Hit]]:
    """The nicknames the article declares, with the person each names: after the name
    ("Prasetyo Hadi, yang akrab disapa Pras") or at the nickname, for the person named
    last before it ("… Menurut Roy, sapaan akrabnya, …")."""
    pairs = [(alias, hit) for hit in people if (alias := _called(doc, hit.end))]
    if "sapaan" not in doc.keys and "sapaannya" not in doc.keys:
        return pairs  # most articles: no scan of every word
    ordered = sorted(people, key=lambda h: h.start)
    for i in range(0, len(doc.keys) - 2):
        if doc.keys[i + 1] == "," and any(tuple(doc.keys[i + 2:i + 2 + len(p)]) == p for p in _NICKNAME) \
                and _declared_word(doc.word(i)) and not any(h.start <= i < h.end for h in people):
            # the nearest person before it whose name it is made from: "Arrmanatha Nasir
            # bertemu Sergei Tolchenov. Tata, sapaan akrabnya, …" is Arrmanatha
            near = [h for h in ordered if h.end <= i and i - h.end <= _NICKNAME_REACH]
            owner = next((h for h in reversed(near) if _from_name(doc.keys[i], doc, h)), None)
            if owner is not None:
                pairs.append((doc.word(i), owner))
    return pairs


def _declared_word(word: str) -> bool:
    """A word that a declaration may make a nickname: capitalised letters, not an
    acronym. A common word may be one ("Tata", "Raja"): "X, sapaan akrabnya," says so, and
    the name it is made from is checked too."""
    return is_capitalised(word) and word.isalpha() and not word.isupper() and len(word) >= 3


def _from_name(nickname: str, doc: Document, hit: Hit) -> bool:
    """Whether a nickname may be made from the name: its first two letters are in it, at
    most one letter between them ("Roy" of Rolliansyah; "Tata" of Arrmanatha, where an "h"
    stands between); another's nickname rarely is.

    >>> doc = Document.from_text("Arrmanatha Nasir tiba")
    >>> _from_name("tata", doc, Hit(0, 2, None)), _from_name("budi", doc, Hit(0, 2, None))
    (True, False)
    """
    head, second = nickname[:1], nickname[1:2]
    return any(key[j] == head and second in key[j + 1:j + 3]
               for key in name_keys(doc, hit) for j in range(len(key) - 1))


def _called(doc: Document, end: int) -> str | None:
    """The nickname or other name declared right after a name ending at word ``end`` (a
    comma between)."""
    i = end + 1 if doc.keys[end:end + 1] == [","] else end
    for phrase in _CALL_SIGNS:
        k = i + len(phrase)
        if tuple(doc.keys[i:k]) == phrase and k < len(doc.keys) and \
                (alias := _full_alias(doc, k) or (doc.word(k) if nickname_word(doc, k) else None)):
            return alias
    for phrase in _KNOWN_AS:
        if tuple(doc.keys[i:i + len(phrase)]) == phrase and (alias := _full_alias(doc, i + len(phrase))):
            return alias
    for phrase in _CALLED:
        k = i + len(phrase)
        if tuple(doc.keys[i:k]) != phrase or k >= len(doc.keys):
            continue
        if doc.keys[k] in _QUOTES and k + 1 < len(doc.keys):
            k += 1  # a quoted nickname: 'yang akrab disapa "Dudi"'
        if doc.keys[k] in _ADDRESSES and is_capitalised(doc.word(k)) and k + 1 < len(doc.keys) and \
                nickname_word(doc, k + 1):
            return doc.span_text(k, k + 2)  # "yang akrab disapa Gus Ipul": the form of address too
        if nickname_word(doc, k):
            return doc.word(k)
    return None


def _full_alias(doc: Document, k: int) -> str | None:
    """The name of two to five words at word ``k``: capitalised words, the particles and
    hyphens between them ("Abu Mohammed al-Julani"); ``None`` when there is none."""
    end = k
    while end < len(doc.keys) and end - k < MAX_ALIAS and (
            (is_capitalised(doc.word(end)) and doc.word(end).isalpha() and not doc.word(end).isupper())
            or (end > k and doc.keys[end] in NAME_PARTICLES | {"-"})):
        end += 1
    while end > k and not is_capitalised(doc.word(end - 1)):
        end -= 1  # a name ends on a name word
    first = doc.keys[k] if k < len(doc.keys) else ""
    if end - k < 2 or not (first in KUNYAS or nickname_word(doc, k)):
        return None
    return doc.span_text(k, end)


def nickname_word(doc: Document, i: int) -> bool:
    word = doc.word(i)
    return is_capitalised(word) and word.isalpha() and not word.isupper() and len(word) >= 3 \
        and not is_common_word(doc.keys[i])


def initials_of(doc: Document, hit: Hit, acronym: str) -> bool:
    """Whether ``acronym`` spells the mention's initials, or those of the mention and the
    title kept outside its span: "Seyed Abbas Araghchi (SAA)"."""
    keys = tuple(doc.keys[hit.start:hit.end])
    titled = hit.start > 0 and same_line(doc, hit.start - 1, hit.start) and \
        is_capitalised(doc.word(hit.start - 1)) and doc.word(hit.start - 1).isalpha()
    return are_initials(acronym, keys) or (titled and are_initials(acronym, (doc.keys[hit.start - 1], *keys)))


def alias_after(doc: Document, hit: Hit) -> str | None:
    """``XY`` when the mention is followed by "(XY)", an all-capitals acronym of the name's
    initials ("Zulkarnain Harahap (ZH)"; "Sukamta (PKS)" names his party), or by a
    bracketed nickname made from the name's first part ("Joko Widodo (Jokowi)") or a kunya
    ("Mahmoud Abbas (Abu Mazen)"), or by "atau" and a nickname made from the name, with
    its form of address ("Abdul Muhaimin Iskandar atau Cak Imin", "Joko Widodo atau
    Jokowi"; "Putin atau Zelensky" offers two people)."""
    i = hit.end
    if doc.keys[i:i + 1] == ["atau"]:
        return _or_nickname(doc, hit, i + 1)
    if doc.keys[i:i + 1] == ["("] and doc.keys[i + 1:i + 2] and doc.keys[i + 1] in KUNYAS and \
            (alias := _full_alias(doc, i + 1)) and doc.keys[i + 1 + len(keys_of(alias)):][:1] == [")"]:
        return alias  # "Mahmoud Abbas (Abu Mazen)"
    if i + 2 < len(doc.keys) and doc.keys[i] == "(" and doc.keys[i + 2] == ")":
        word = doc.word(i + 1)
        if word.isupper() and word.isalpha() and 2 <= len(word) <= 6:
            return word if initials_of(doc, hit, word.lower()) else None
        parts = name_keys(doc, hit)
        if (is_capitalised(word) and word.isalpha() and len(word) >= 4 and len(parts) > 1
                and doc.keys[i + 1] not in parts and doc.keys[i + 1][:3] == parts[0][:3]):
            return word
    return None


def _or_nickname(doc: Document, hit: Hit, k: int) -> str | None:
    """The nickname at word ``k``, after "atau" (see :func:`alias_after`), or ``None``."""
    first = k + 1 if doc.keys[k:k + 1] and doc.keys[k] in _ADDRESSES and is_capitalised(doc.word(k)) else k
    # a form of address declares a nickname on its own ("Saifullah Yusuf atau Gus Ipul":
    # "Ipul" is made from the name's middle, where the first two letters are not)
    if first >= len(doc.keys) or not nickname_word(doc, first) or \
            (first == k and not _from_name(doc.keys[first], doc, hit)):
        return None
    if first + 1 < len(doc.keys) and is_capitalised(doc.word(first + 1)) and same_line(doc, first, first + 1):
        return None  # "… atau Joko Santoso": another full name
    return doc.span_text(k, first + 1)
