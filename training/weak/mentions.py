"""Later mentions of a person found once in an article, and one class per person.

Once "Steve Witkoff" is tagged, a later "Witkoff" (surname), "Steve" (first name), a
middle name ("Dasco" of "Sufmi Dasco Ahmad"), the full name again, an acronym of its
initials first given in brackets ("Budi Gunadi Sadikin (BGS)"; "Sukamta (PKS)" names a
party), or a nickname the article declares ("X, yang akrab disapa Pras"; "Menurut Roy,
sapaan akrabnya, …" for the person named last) takes the same class, unless that word
belongs to two tagged people of the article. Words that are frequent Indonesian words
or appear in lower case in the article are never tagged alone, and pronouns never are.
A person keeps the class of the highest office found for them anywhere in the article:
"penasihat Presiden Donald Trump" and "Presiden Trump" make every "Trump" a LEADER.

>>> doc = Document.from_text("Menlu Fulan Wibisana tiba. Wibisana lalu bertemu Fulan.")
>>> people = [Hit(1, 3, "OFFICIAL")]
>>> [(doc.span_text(h.start, h.end), h.payload) for h in Mentions.find(doc, people, set(), set())]
[('Fulan Wibisana', 'OFFICIAL'), ('Wibisana', 'OFFICIAL'), ('Fulan', 'OFFICIAL')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sorot.inference.text.gazetteer import NAME_PARTICLES, family_names, middle_names
from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, is_capitalised, keys_of, same_line
from sorot.models.schema import PERSON_TYPES
from sorot.training.weak.aliases import (
    MAX_ALIAS,
    alias_after,
    alias_pairs,
    aliases_of,
    declared_nicknames,
    initials_of,
    name_keys,
    nickname_word,
)
from sorot.training.weak.context import beside_saying
from sorot.training.weak.names import is_bare_verb, is_common_word, is_derived_word

#: on a disagreement, the earlier person type of the schema wins (LEADER over OFFICIAL)
_RANK = {t: len(PERSON_TYPES) - k for k, t in enumerate(PERSON_TYPES)}


def _person_keys(doc: Document, hit: Hit, aliases: dict[tuple, tuple]) -> tuple[str, ...]:
    """The keys of the person ``hit`` names: its name's, or, for a nickname the article
    gave in brackets, the full name's ("Menurut Jokowi, …" is Joko Widodo)."""
    keys = name_keys(doc, hit)
    return aliases.get(keys, keys)


def _classes(doc: Document, people: list[Hit], aliases: dict[tuple, tuple]) -> dict[tuple, str]:
    """One class per person: the highest found for them or for a shorter or longer form
    of their name ("Trump" and "Donald Trump"), or for their bracketed nickname."""
    best: dict[tuple, str] = {}
    for hit in people:
        keys = _person_keys(doc, hit, aliases)
        best[keys] = max(best.get(keys, hit.payload), hit.payload, key=_RANK.get)
    return {keys: max((lbl for other, lbl in best.items()
                       if set(other) <= set(keys) or set(keys) <= set(other)), key=_RANK.get)
            for keys in best}


def _parts(doc: Document, people: list[Hit], lower: set[str], places: PhraseMatcher | None,
           pairs: list[tuple[str, Hit]]) -> dict[str, set]:
    """Phrase -> the people (full-name keys) it may stand for, the aliases of ``pairs``
    (:func:`alias_pairs`) included. A first or last name that is a place ("Israel" of
    "Israel Katz") never stands alone for the person."""
    aliases = aliases_of(doc, pairs)
    owners: dict[str, set] = defaultdict(set)
    for hit in people:
        keys = _person_keys(doc, hit, aliases)
        owners[doc.span_text(hit.start, hit.end)].add(keys)
        parts = [i for i in range(hit.start, hit.end) if doc.keys[i] not in NAME_PARTICLES]
        if len(parts) > 1:
            inner = middle_names([(tuple(doc.keys[hit.start:hit.end]), keys)])  # "Dasco" of "Sufmi Dasco Ahmad"
            for i in (parts[0], *(k for k in parts[1:-1] if doc.keys[k] in inner), parts[-1]):
                if _may_stand_alone(doc, i, lower, places, common=True):
                    owners[doc.word(i)].add(keys)  # a common word: mid-sentence only (Mentions.find)
        if family := _family_name(doc, hit):
            owners[family].add(keys)
        if len(parts) >= 3 and all(_may_stand_alone(doc, i, lower, places) for i in parts[-2:]):
            owners[doc.span_text(parts[-2], hit.end)].add(keys)  # "Aboul Gheit" of "Ahmed Aboul Gheit"
        if len(parts) >= 3 and parts[1] == parts[0] + 1 and all(
                is_capitalised(doc.word(i)) and doc.keys[i] not in lower for i in parts[:2]):
            # "Bambang Eko" of "Bambang Eko Suhariyanto"; two words together are specific
            # enough for a common word or a month ("Raja Juli" of "Raja Juli Antoni")
            owners[doc.span_text(parts[0], parts[1] + 1)].add(keys)
    for alias, hit in pairs:
        keys = _person_keys(doc, hit, aliases)
        owners[alias].add(keys)
        if " " not in alias and hit.end - hit.start > 1 and doc.word(hit.end - 1)[:1].isupper():
            owners[f"{alias} {doc.word(hit.end - 1)}"].add(keys)  # "Dudi Zini": the nickname, the family name
    return owners


def _may_stand_alone(doc: Document, i: int, lower: set[str], places: PhraseMatcher | None,
                     common: bool = False) -> bool:
    """Word ``i`` of a name may be (part of) a shorter mention: never lower case elsewhere
    (a lower-case part is a name the article capitalises elsewhere: ArticleContext keeps
    it out of ``lower``), no frequent word (unless ``common``: a capitalised one, no
    derived word) and no one-word place."""
    word, key = doc.word(i), doc.keys[i]
    frequent = is_common_word(key)
    return (is_capitalised(word) or (word.islower() and not frequent)) and key not in lower and \
        (not frequent or (common and not is_derived_word(key))) and not _one_word_place(doc, i, places)


#: Words before a common noun, never before a name: "Sang Raja menyambut".
_DETERMINERS = frozenset({"sang", "seorang", "sebuah", "para", "sebagai", "menjadi", "the", "si"})


def _mid_sentence(doc: Document, i: int) -> bool:
    """Word ``i`` follows a word or a comma on its line, no determiner: capitalised there,
    a common word is a name ("kata Indah"); opening a sentence it may be the word ("Indah
    sekali …"), and after "sang" a noun ("Sang Raja")."""
    return i > 0 and same_line(doc, i - 1, i) and (doc.keys[i - 1][:1].isalnum() or doc.keys[i - 1] == ",") \
        and doc.keys[i - 1] not in _DETERMINERS


def _one_word_place(doc: Document, i: int, places: PhraseMatcher | None) -> bool:
    hit = places.match_at(doc, i) if places is not None else None
    return hit is not None and hit.end == i + 1


def _family_name(doc: Document, hit: Hit) -> str | None:
    """The last name with the particles before it ("Al-Hayya" of "Khalil Al-Hayya", "bin
    Farhan"), when it has any (never the first word): later mentions use it whole, and
    its last word alone would be refused for the name-like particle before it."""
    last = hit.end - 1
    k = last
    while k - 1 > hit.start and doc.keys[k - 1] in NAME_PARTICLES:
        k -= 1
    return doc.span_text(k, last + 1) if k < last else None


def _one_person(keys_set: set) -> tuple | None:
    """The person a part stands for, when the candidates are forms of one name."""
    longest = max(keys_set, key=len)
    return longest if all(set(k) <= set(longest) for k in keys_set) else None


class Mentions:
    @staticmethod
    def find(doc: Document, people: list[Hit], blocked: set[int], lower: set[str],
             headline: set[int] = frozenset(), places: PhraseMatcher | None = None,
             honorifics: frozenset = frozenset()) -> list[Hit]:
        """``people`` relabelled to one class per person, plus their later mentions
        outside ``blocked`` words and outside ``people``; ``places`` are never a mention
        alone, and ``honorifics`` before one are no part of a longer name ("Sheikh Hamad")."""
        pairs = alias_pairs(doc, people)  # once an article: the nickname scan reads every word
        aliases = aliases_of(doc, pairs)
        classes = _classes(doc, people, aliases)
        out = [Hit(h.start, h.end, classes[_person_keys(doc, h, aliases)]) for h in people]
        matcher = PhraseMatcher()
        common: set[str] = set()  # one-word parts that are common words ("Indah", "Raja")
        for phrase, owners in _parts(doc, people, lower, places, pairs).items():
            person = _one_person(owners)
            if person is not None:
                matcher.add(phrase, classes[person])
                if " " not in phrase and is_common_word(phrase.lower()):
                    common.add(phrase.lower())
                elif not lower.intersection(keys_of(phrase)):
                    # no word of it is lower case elsewhere, unless as the name itself
                    # ("Kata araghchi"): ArticleContext keeps such names out of ``lower``
                    matcher.add(phrase.lower(), classes[person])
        taken = blocked | {i for h in people for i in range(h.start, h.end)}
        found = matcher.find(doc, taken)
        # "pertemuan Trump-Zelenskyy": two people joined by a hyphen are two mentions
        ends = {h.end for h in [*people, *found]}
        starts = {h.start for h in [*people, *found]}
        for hit in found:
            # next to another name-like word it is part of a longer name, except on a Title
            # Case headline, where every word looks like a name
            # (a word on another line is no part of it: "… Jadi Pengusaha\nMorrow tiba")
            left = _name_like(doc, hit.start - 1, lower) and not _paired(doc, hit.start - 1, ends, starts) \
                and doc.keys[hit.start - 1] not in honorifics and same_line(doc, hit.start - 1, hit.start)
            right = _name_like(doc, hit.end, lower) and not _paired(doc, hit.end, ends, starts) \
                and same_line(doc, hit.end - 1, hit.end)
            if doc.keys[hit.start] in common and hit.end == hit.start + 1 and \
                    (hit.start in headline or not _mid_sentence(doc, hit.start)):
                continue  # "Indah sekali …", a Title Case headline's word
            if hit.start in headline or not (left or right):
                out.append(hit)
        return out


def _paired(doc: Document, k: int, ends: set[int], starts: set[int]) -> bool:
    """Word ``k`` is a hyphen between the mention of one person and another's."""
    return doc.keys[k] == "-" and k in ends and k + 1 in starts


def _name_like(doc: Document, i: int, lower: set[str]) -> bool:
    if not 0 <= i < len(doc.keys):
        return False
    word, key = doc.word(i), doc.keys[i]
    # "Pernyataan Trump": a derived noun before a known person opens the sentence, it is no
    # name; nor is a short headline's bare verb ("Trump Telepon Putin")
    return key in NAME_PARTICLES or (is_capitalised(word) and word.isalpha() and not word.isupper()
                                 and key not in lower and not is_common_word(key) and not is_derived_word(key)
                                 and not is_bare_verb(key))


def known_person_mentions(doc: Document, known: list[Hit], given: dict, blocked: set[int], lower: set[str],
                          not_names: Callable[[int], bool]) -> list[Hit]:
    """Mentions of a known person the gazetteer cannot match, payload its person: the given
    name alone in an article that names the person ("Steve Witkoff tiba … kata Steve",
    "Witkoff tiba … kata Steve"), the family name
    alone that is no alias ("Asim Munir … Munir menambahkan": "Munir" alone is a common
    Indonesian name, so only the full name in the same article makes it this person, and
    only when no other person of the article has it), and the initials
    bracketed after the full name, there and later ("Prasetyo Hadi (PH) … PH menambahkan").
    ``known`` are the gazetteer's hits, ``given`` its given names with their owners
    (:attr:`Gazetteer.given_name_owners`; a shared one means the only owner this article
    names: "Agus Subiyanto … Menurut Agus,"). A given name must stand alone (no name-like word
    beside it) and be no common word, place or role (``not_names(i)``).

    >>> from sorot.inference.text.gazetteer import Gazetteer
    >>> g = Gazetteer.from_records([{"name": "Steve Witkoff", "type": "OFFICIAL"}])
    >>> doc = Document.from_text("Steve Witkoff (SW) tiba. Kata Steve, SW siap.")
    >>> [(doc.span_text(h.start, h.end), h.payload.name)
    ...  for h in known_person_mentions(doc, g.find(doc), g.given_name_owners, {0, 1}, set(), lambda i: False)]
    [('SW', 'Steve Witkoff'), ('Steve', 'Steve Witkoff'), ('SW', 'Steve Witkoff')]
    """
    initials = {}
    nicknames = {" ".join(keys_of(alias)): hit.payload for alias, hit in declared_nicknames(doc, known)}
    names = [(tuple(doc.keys[h.start:h.end]), h.payload) for h in known]
    lasts = {**middle_names(names), **family_names(names)}  # "Dasco" and "Munir" alone
    named = {hit.payload.name for hit in known}  # by any name: "Witkoff … kata Steve" too
    # a given name several people of the list share means the one this article names,
    # where it speaks ("Agus Subiyanto … Menurut Agus,"): elsewhere it may be another's
    firsts = {key: owners[0] for key in given.keys() & set(doc.keys)
              if len(owners := [p for p in given[key] if p.name in named]) == 1} if known else {}
    shared = {key for key in firsts if len(given[key]) > 1}
    for hit in known:
        if (acronym := alias_after(doc, hit)) and acronym.isupper() and initials_of(doc, hit, acronym.lower()):
            initials[acronym.lower()] = hit.payload
    out = []
    for i, key in enumerate(doc.keys):
        if i in blocked:
            continue
        if key in initials and doc.word(i).isupper() and not not_names(i):  # "AS" stays the country
            out.append(Hit(i, i + 1, initials[key]))
        elif key in nicknames and nickname_word(doc, i) and not not_names(i):
            out.append(Hit(i, i + 1, nicknames[key]))
        elif nicknames and (n := _declared_at(doc, i, nicknames, blocked)):
            # "Gus Ipul" (a form of address and a nickname), "Abu Mohammed al-Julani"
            out.append(Hit(i, i + n, nicknames[" ".join(doc.keys[i:i + n])]))
        elif _alone_given_name(doc, i, firsts, lower, not_names) and (key not in shared or beside_saying(doc, i)):
            out.append(Hit(i, i + 1, firsts[key]))
        elif lasts.get(key) and _alone_given_name(doc, i, lasts, lower, not_names):
            out.append(Hit(i, i + 1, lasts[key]))
    return out


def _declared_at(doc: Document, i: int, nicknames: dict, blocked: set[int]) -> int:
    """How many words a declared name of two words or more takes at word ``i`` (0: none)."""
    return next((n for n in range(min(MAX_ALIAS, len(doc.keys) - i), 1, -1) if " ".join(doc.keys[i:i + n]) in nicknames
                 and blocked.isdisjoint(range(i, i + n))), 0)


def _alone_given_name(doc: Document, i: int, firsts: dict, lower: set[str], not_names: Callable[[int], bool]) -> bool:
    key, word = doc.keys[i], doc.word(i)
    if key not in firsts or not is_capitalised(word) or len(word) < 3 or key in lower \
            or is_common_word(key) or not_names(i):  # no particle: Gazetteer.given_name_owners has none
        return False
    return not (_name_like(doc, i - 1, lower) or _name_like(doc, i + 1, lower))
