"""The gazetteer of leaders and officials: loading, validation and lookup.

The gazetteer is data (``data/gazetteer.yaml``) that users extend. Each person has
a canonical name, a class (``LEADER`` or ``OFFICIAL``), a role, a country, the
conflicts they are tied to, and the aliases and spellings Indonesian media use.
Lookup is by folded words (case and accents ignored), so "ERDOGAN" and "Erdoğan"
find the same person, while a capitalised alias never matches a lower-case word.

>>> g = Gazetteer.from_records([{"name": "Vladimir Putin", "type": "LEADER",
...     "role": "Presiden Rusia", "country": "Rusia", "aliases": ["Putin"]}])
>>> doc = Document.from_text("Kata Putin kepada Vladimir Putin.")
>>> [(doc.span_text(h.start, h.end), h.payload.name) for h in g.find(doc)]
[('Putin', 'Vladimir Putin'), ('Vladimir Putin', 'Vladimir Putin')]
>>> g.lookup("PUTIN").type
'LEADER'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, is_capitalised, keys_of
from sorot.inference.text.resources import data_path, load_yaml
from sorot.inference.text.slips import MISSPELLING_MIN_LETTERS, Slips
from sorot.models.errors import SorotError
from sorot.models.schema import ARTICLE_LABELS, LEADER, PERSON_TYPES

T = TypeVar("T")


@dataclass(frozen=True)
class Person:
    name: str
    type: str
    role: str = ""
    country: str = ""
    conflicts: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=())


#: Limits that keep a hostile or broken gazetteer from exhausting memory.
MAX_PEOPLE = 200_000
MAX_ALIASES = 500
MAX_NAME_CHARS = 200


class GazetteerError(SorotError, ValueError):
    """A gazetteer file or entry is invalid; the message names the entry."""


def _person(record: dict, where: str) -> Person:
    if not isinstance(record, dict) or not record.get("name"):
        raise GazetteerError(f"{where}: an entry needs at least 'name' and 'type'")
    if record.get("type") not in PERSON_TYPES:
        raise GazetteerError(f"{where} ({record['name']}): type must be one of "
                             f"{', '.join(PERSON_TYPES)}, got {record.get('type')!r}")
    conflicts = tuple(record.get("conflicts") or ())
    unknown = [c for c in conflicts if c not in ARTICLE_LABELS]
    if unknown:
        raise GazetteerError(f"{where} ({record['name']}): unknown conflict {unknown[0]!r}")
    aliases = record.get("aliases") or ()
    if not isinstance(aliases, (list, tuple)) or len(aliases) > MAX_ALIASES or any(
            not isinstance(a, (str, int)) or len(str(a)) > MAX_NAME_CHARS for a in aliases):
        raise GazetteerError(f"{where} ({record['name']}): aliases must be a list of at most "
                             f"{MAX_ALIASES} names of at most {MAX_NAME_CHARS} characters")
    known = {"name", "type", "role", "country", "conflicts", "aliases"}
    extra = sorted(set(record) - known)
    if extra:
        raise GazetteerError(f"{where} ({record['name']}): unknown field {extra[0]!r}")
    return Person(str(record["name"]), record["type"], str(record.get("role", "")),
                  str(record.get("country", "")), conflicts,
                  tuple(str(a) for a in record.get("aliases") or ()))


#: Lower-case words and marks that join the parts of one name ("Mohammed bin Salman",
#: "Ursula von der Leyen", "Abdel-Fattah"): inside a name, never its end, never a given name.
NAME_PARTICLES = frozenset({"al", "el", "bin", "binti", "ibn", "van", "von", "der", "de", "da", "abu",
                            "abdel", "abdul", "-", "'", "ad", "as", "ben"})


def are_initials(acronym: str, keys: tuple[str, ...]) -> bool:
    """Whether ``acronym`` (folded, 2+ letters) spells the first letters of a name's words
    (``keys``), its particles counted or not: "mbs" of Mohammed bin Salman, "ph" of
    Prasetyo Hadi. The weak labeler and the model's outputs share this test.

    >>> are_initials("mbs", ("mohammed", "bin", "salman")), are_initials("ms", ("mohammed", "bin", "salman"))
    (True, True)
    >>> are_initials("nato", ("torvald", "eklund"))
    False
    """
    words = [k for k in keys if k[:1].isalnum()]
    return len(acronym) > 1 and acronym in {"".join(k[0] for k in words),
                                            "".join(k[0] for k in words if k not in NAME_PARTICLES)}


def family_names(names: Iterable[tuple[tuple[str, ...], T]]) -> dict[str, T | None]:
    """The last word of each full name (folded ``keys``, two or more) of an article, and
    whom it names there: ``None`` when two people of the article share it. A family name
    alone then names the person the article gave in full ("Asim Munir … Munir"), even
    where it is no alias ("Munir" alone is too common a name). The weak labeler and the
    model's outputs share this.

    >>> family_names([(("asim", "munir"), "A"), (("anthony", "albanese"), "B"),
    ...               (("francesca", "albanese"), "C"), (("al", "thani", "al"), "D")])
    {'munir': 'A', 'albanese': None}
    """
    out: dict[str, T | None] = {}
    for keys, person in names:
        if len(keys) > 1 and keys[-1] not in NAME_PARTICLES:
            out[keys[-1]] = person if out.get(keys[-1], person) == person else None
    return out


def middle_names(names: Iterable[tuple[tuple[str, ...], T]]) -> dict[str, T | None]:
    """Like :func:`family_names`, for the inner words of full names of three words or
    more: Indonesian media call "Sufmi Dasco Ahmad" "Dasco". Never a particle, a word
    after one ("Abdulrahman" of "Mohammed bin Abdulrahman Al Thani" is his father's name)
    or an initial.

    >>> middle_names([(("sufmi", "dasco", "ahmad"), "A"), (("george", "w", ".", "bush"), "B"),
    ...               (("mohammed", "bin", "abdulrahman", "al", "thani"), "C")])
    {'dasco': 'A'}
    """
    out: dict[str, T | None] = {}
    for keys, person in names:
        for k in range(1, len(keys) - 1):
            key = keys[k]
            if len(key) >= 3 and key.isalpha() and key not in NAME_PARTICLES and keys[k - 1] not in NAME_PARTICLES:
                out[key] = person if out.get(key, person) == person else None
    return out


def family_owners(names: list[tuple[tuple[str, ...], T]]) -> list[T]:
    """Each name's person (``names``: folded keys and the gazetteer's person, in article
    order), except that a one-word name whose gazetteer person the article never names in
    full goes to the one person the article names in full with that family name:
    "Mohammed Sinwar … Sinwar" is Mohammed, though the gazetteer gives "Sinwar" alone to
    his brother Yahya. The weak labeler and the model's outputs share this.

    >>> family_owners([(("mohammed", "sinwar"), "M"), (("sinwar",), "Y")])
    ['M', 'M']
    >>> family_owners([(("yahya", "sinwar"), "Y"), (("mohammed", "sinwar"), "M"), (("sinwar",), "Y")])
    ['Y', 'M', 'Y']
    """
    full = {person for keys, person in names if len(keys) > 1}
    families = family_names(names)
    return [families[keys[0]] if len(keys) == 1 and person not in full and families.get(keys[0]) is not None
            else person for keys, person in names]


#: An Arabic article particle and what joins it to the next name word: media write
#: "Al Thani", "al-Thani" and "Al-Thani" for one name.
#: Arabic article particles ("al-Hayya", "el-Sisi", "ash-Sharaa").
ARTICLE_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
_PARTICLE = re.compile(rf"\b({'|'.join(sorted(ARTICLE_PARTICLES, key=lambda p: (-len(p), p)))})([ -])(?=[^\W\d_])",
                       re.IGNORECASE)


def spellings(alias: str) -> list[str]:
    """``alias``, and the same name with each article particle spaced and hyphenated, in
    lower case (a lower-case word of a phrase matches either case).

    >>> spellings("Mohammed bin Abdulrahman Al Thani")
    ['Mohammed bin Abdulrahman Al Thani', 'Mohammed bin Abdulrahman al Thani', 'Mohammed bin Abdulrahman al-Thani']
    """
    if not _PARTICLE.search(alias):
        return [alias]
    spaced = _PARTICLE.sub(lambda m: m.group(1).lower() + " ", alias)
    joined = _PARTICLE.sub(lambda m: m.group(1).lower() + "-", alias)
    return list(dict.fromkeys([alias, spaced, joined]))


def _slip_targets(people: list[Person]) -> dict[str, set[str]]:
    """Family names a typing slip may stand for, each with the first words of its
    bearer's longer names: foreign leaders' only. Indonesian names are written natively,
    and a name one letter off is another person's ("Sugianto" is not "Subianto"); a
    father's name after "bin" and "Abdul-" names vary by the bearer."""
    out: dict[str, set[str]] = {}
    for person in people:
        if person.type != LEADER or person.country == "Indonesia":
            continue
        aliases = [keys_of(a) for a in (person.name, *person.aliases)]
        firsts = {keys[0] for keys in aliases if len(keys) > 1}
        for keys in aliases:
            if not keys[-1].startswith("abd") and (len(keys) < 2 or keys[-2] not in ("bin", "ibn", "bint")):
                out.setdefault(keys[-1], set()).update(firsts)
    return out


class Gazetteer:
    """Known people, found in documents by any of their names, in any usual spelling of
    their particles ("Al Thani", "al-Thani")."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.matcher = PhraseMatcher()
        owners: dict[tuple, str] = {}
        for person in people:
            for alias in dict.fromkeys((person.name, *person.aliases)):
                keys = keys_of(alias)
                if keys in owners and owners[keys] != person.name:
                    raise GazetteerError(f"alias {alias!r} of {person.name!r} is already a name of "
                                         f"{owners[keys]!r}; give it to one person only")
                if keys not in owners:
                    owners[keys] = person.name
                    self.matcher.add(alias, person)
        for person in people:  # after every written alias: a spelling never takes one's place
            for alias in (person.name, *person.aliases):
                for spelling in spellings(alias)[1:]:
                    if (keys := keys_of(spelling)) not in owners:
                        owners[keys] = person.name
                        self.matcher.add(spelling, person)
        # foreign leaders' family names, as scraped news misspells them ("Zelenksy",
        # "Pezeskhian"); any other word of a known name is never read as a slip of one
        self._slip_firsts = _slip_targets(people)
        self.slips = Slips(set(self._slip_firsts), {k for keys in owners for k in keys})

    @classmethod
    def from_records(cls, records: list[dict], source: str = "gazetteer") -> Gazetteer:
        return cls([_person(r, f"{source} entry {i + 1}") for i, r in enumerate(records)])

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Load a YAML or JSON gazetteer (``people: [...]``); the shipped one by default."""
        path = Path(path) if path else data_path("gazetteer.yaml")
        data = load_yaml(path, GazetteerError)
        if not isinstance(data, dict) or not isinstance(data.get("people"), list):
            raise GazetteerError(f"{path}: expected a mapping with a 'people' list")
        if len(data["people"]) > MAX_PEOPLE:
            raise GazetteerError(f"{path}: {len(data['people']):,} people, over the limit of "
                                 f"{MAX_PEOPLE:,}")
        return cls.from_records(data["people"], str(path))

    def find(self, doc: Document, blocked: set[int] | None = None) -> list[Hit]:
        """Every mention of a known person in ``doc`` (payload: :class:`Person`), a
        leader's family name also with one typing slip (see :meth:`unslipped`)."""
        return self.matcher.find(self.unslipped(doc), blocked)

    def unslipped(self, doc: Document) -> Document:
        """``doc`` with each capitalised word of 8+ letters that is one slip from exactly
        one foreign leader's family name, and shares its first letter, read as that name
        where the leader is vouched for: right after one of their given names
        ("Volodymyr Zelenksy"), or named exactly elsewhere in ``doc``. A lone
        "Nasrullah", a common Indonesian name, stays no "Nasrallah".

        >>> g = Gazetteer.from_records([{"name": "Volodymyr Zelensky", "type": "LEADER",
        ...     "aliases": ["Zelensky"]}])
        >>> [h.payload.name for h in g.find(Document.from_text("Volodymyr Zelenksy tiba. Zelenksy dan zelenksy."))]
        ['Volodymyr Zelensky', 'Volodymyr Zelensky']
        >>> g.find(Document.from_text("Presiden Zelenksy tiba."))
        []
        """
        slipped = {i: known for i, key in enumerate(doc.keys)
                   if len(key) >= MISSPELLING_MIN_LETTERS and (known := self.slips.correct(key)) is not None
                   and known[0] == key[0] and is_capitalised(doc.word(i))}
        if not slipped:
            return doc
        # one vouched slip vouches for the same slip elsewhere ("Zelenksy" later alone)
        exact = set(doc.keys)
        vouched = {known for i, known in slipped.items()
                   if known in exact or (i > 0 and doc.keys[i - 1] in self._slip_firsts[known])}
        if not vouched:
            return doc
        keys = list(doc.keys)
        for i, known in slipped.items():
            if known in vouched:
                keys[i] = known
        return Document(doc.text, doc.words, keys)

    @cached_property
    def given_name_owners(self) -> dict[str, tuple[Person, ...]]:
        """Folded first words of multi-word names that are no one's alias nor a particle,
        with the people who have them: "steve" (Steve Witkoff), "agus" (every Agus of the
        list), but not "abbas" (Mahmoud Abbas's alias, Abbas Araghchi's first name) nor
        "al". An article that names one of several owners means that one by the word."""
        owners: dict[str, dict[str, None]] = {}
        for person in self.people:
            for alias in (person.name, *person.aliases):
                keys = keys_of(alias)
                if len(keys) > 1:
                    owners.setdefault(keys[0], {})[person.name] = None
        by_name = {p.name: p for p in self.people}
        return {key: tuple(by_name[name] for name in names) for key, names in owners.items()
                if self.matcher.get((key,)) is None and key.isalpha() and key not in NAME_PARTICLES}

    @cached_property
    def given_names(self) -> dict[str, Person]:
        """The given names of :attr:`given_name_owners` that only one person has: "steve"
        of Steve Witkoff, but not "mohammad" (ten people)."""
        return {key: people[0] for key, people in self.given_name_owners.items() if len(people) == 1}

    def lookup(self, name: str) -> Person | None:
        """The person whose name or alias is exactly ``name`` (folded), if any, or a
        leader's with one slip in a capitalised family name ("Zelenksy")."""
        person = self.matcher.get(keys_of(name))
        if person is None and name.strip():
            doc = self.unslipped(Document.from_text(name))
            person = self.matcher.get(tuple(doc.keys))
        return person

    def __len__(self) -> int:
        return len(self.people)
