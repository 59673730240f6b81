"""What makes a conflict's cue a passing mention rather than its sentence's subject
(``in_passing:`` of ``conflicts.yaml``): a comparison's clause, an epithet, a phone call,
what markets watch, a country that is a team; and a relative clause, which says who
someone is (:func:`in_relative_clause`).

>>> passing = InPassing.of({"comparison": ["seperti"], "window": 8})
>>> doc = Document.from_text("Serangan itu seperti perang di Ukraina.")
>>> [doc.keys[h.start] for h in passing.kept(doc, [Hit(5, 6, ("russia_ukraine", 2))], 0, 7)]
[]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from sorot.inference.text.phrases import Document, Hit, keys_of
from sorot.inference.text.resources import refuse_unknown_keys

#: "Amid" and "in the middle of" are one phrase in Indonesian: a backdrop, or a place.
_AMID = frozenset({("di", "tengah"), ("ditengah",)})
#: A time reference: after a war's toll ("tewas sejak perang Gaza pecah") it names the war counted.
_SINCE = frozenset({("sejak",), ("semenjak",)})
#: Reporting verbs after "seperti"/"sebagaimana": an attribution ("Seperti dilansir Al
#: Jazeera, Israel …", often with no comma), not a comparison.
_REPORTED = frozenset({"dilansir", "dikutip", "dilaporkan", "diberitakan", "disampaikan", "dikatakan",
                       "diketahui", "disebutkan", "dijelaskan", "ditulis", "dimuat", "diwartakan", "dinyatakan",
                       "diungkapkan", "dikabarkan", "disiarkan", "melansir", "mengutip", "dilansirkan",
                       "tertulis", "tercantum", "terlihat", "tampak"})
#: Words that close a clause: punctuation and the conjunctions that open another.
CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "tetapi", "namun", "sementara"})


@dataclass(frozen=True)
class InPassing:
    """Cues that do not make their sentence about a conflict (``in_passing:``): one
    named in the clause of a comparison word, at most ``window`` words after it ("lebih
    parah daripada perang di Ukraina"), one right after an epithet's word ("Hamas yang
    didukung Iran"), a conflict's person in a sentence about a phone call ("Trump
    juga menelepon Zelensky"), what markets watch ("Investor mewaspadai konflik Israel
    dan Iran": a ``watch`` verb at most three words after one of its ``by`` words), a
    country that is a team in a sentence about sport ("Timnas Indonesia menang 2-0 atas
    Palestina"), and a war listed with wars outside the schema ("… menengahi gencatan
    senjata di Gaza dan mendamaikan Thailand-Kamboja")."""

    comparison: frozenset = frozenset()  # word keys of one or two words
    window: int = 4
    call: frozenset = frozenset()
    person_cues: frozenset = frozenset()
    aside: frozenset = frozenset()
    epithet: frozenset = frozenset()  # word keys of one or two words
    watch: frozenset = frozenset()
    watchers: frozenset = frozenset()
    sport: frozenset = frozenset()
    teams: frozenset = frozenset()
    other_wars: frozenset = frozenset()  # word keys of one or more words
    places: frozenset = frozenset()  # words after "di tengah" that make it a place's middle
    tolls: frozenset = frozenset()  # a war's toll before "sejak": the sentence is the war's
    background: frozenset = frozenset()  # aside words that an event told does not make coverage

    @classmethod
    def of(cls, data: dict) -> InPassing:
        refuse_unknown_keys(data, ("comparison", "window", "call", "person_cues", "aside", "epithet", "markets",
                                   "sport", "other_wars", "places", "tolls", "background"),
                            "conflict cues: in_passing has")
        markets, sport = data.get("markets") or {}, data.get("sport") or {}
        refuse_unknown_keys(markets, ("watch", "by"), "conflict cues: in_passing: markets has")
        refuse_unknown_keys(sport, ("words", "teams"), "conflict cues: in_passing: sport has")

        def words(key, where=data):
            return frozenset(w.lower() for w in where.get(key, ()))
        return cls(frozenset(keys_of(w) for w in data.get("comparison", ())), int(data.get("window", 4)),
                   words("call"), words("person_cues"), words("aside"),
                   frozenset(keys_of(w) for w in data.get("epithet", ())), words("watch", markets),
                   words("by", markets), words("words", sport), words("teams", sport),
                   frozenset(keys_of(w) for w in data.get("other_wars", ())), words("places"), words("tolls"),
                   words("background"))

    @cached_property
    def comparison_firsts(self) -> frozenset:
        """The first words of the comparison phrases: most words are none, and are passed
        over without building a phrase."""
        return frozenset(phrase[0] for phrase in self.comparison)

    @cached_property
    def other_war_firsts(self) -> frozenset:
        """The first words of the wars outside the schema."""
        return frozenset(phrase[0] for phrase in self.other_wars)

    @cached_property
    def epithet_lasts(self) -> frozenset:
        """The last words of the epithets."""
        return frozenset(phrase[-1] for phrase in self.epithet)

    def kept(self, doc: Document, hits: list[Hit], start: int, end: int) -> list[Hit]:
        words = doc.keys[start:end]
        call, sport = not self.call.isdisjoint(words), not self.sport.isdisjoint(words)
        others = not self.other_war_firsts.isdisjoint(words)  # most sentences name no other war
        return [h for h in hits if not self._compared(doc, h.start, start) and not self._epithet(doc, h.start, start)
                and not (call and doc.span_text(h.start, h.end).lower() in self.person_cues)
                and not (sport and doc.span_text(h.start, h.end).lower() in self.teams)
                and not self._watched(doc, h.start, start)
                and not (others and self._listed_with_other_wars(doc, h.start, start, end))]

    def _listed_with_other_wars(self, doc: Document, i: int, first: int, end: int) -> bool:
        """The cue at word ``i`` stands in a list with a war outside the schema, at most
        ``window`` words apart in one clause list (commas and "dan" between, no other
        clause end): "jasanya menengahi gencatan senjata di Gaza dan mendamaikan
        Thailand-Kamboja" counts someone's credits, and none of them is the sentence's
        subject."""
        lo, hi = max(first, i - self.window), min(end, i + self.window + 1)
        for k in range(lo, hi):
            if doc.keys[k] not in self.other_war_firsts:
                continue  # most words open no war's name: no phrase is built for them
            size = next((n for n in (3, 2, 1) if tuple(doc.keys[k:k + n]) in self.other_wars), 0)
            between = doc.keys[min(i, k) + 1:max(i, k)]
            if size and not (CLAUSE_ENDS - {",", "("}).intersection(between):
                return True
        return False

    def _watched(self, doc: Document, i: int, first: int) -> bool:
        """A market's watch verb stands before word ``i`` in its clause: "Investor
        mewaspadai eskalasi konflik antara Israel dan Iran", "pelaku pasar masih mencermati
        perundingan damai Rusia dan Ukraina" (the market is what the sentence is about)."""
        k = self._in_clause_before(doc, i, first, lambda k: doc.keys[k] in self.watch)
        return k is not None and not self.watchers.isdisjoint(doc.keys[max(first, k - 3):k])

    def _in_clause_before(self, doc: Document, i: int, first: int, found: Callable[[int], bool]) -> int | None:
        """The nearest word ``k`` before word ``i``, at most ``window`` words back and in
        its clause (no comma or full stop between), for which ``found(k)``."""
        for k in range(i - 1, max(first, i - self.window) - 1, -1):
            if doc.keys[k] in CLAUSE_ENDS:
                return None
            if found(k):
                return k
        return None

    def _epithet(self, doc: Document, i: int, first: int) -> bool:
        """The cue at word ``i`` names a backer or a maker right after an epithet ("Hamas
        yang didukung Iran", "yang didukung oleh Iran", "drone buatan Iran"): it says who
        a party is, not what the sentence is about."""
        k = i - (i - 1 > first and doc.keys[i - 1] == "oleh")  # the epithet ends before word k
        return k > first and doc.keys[k - 1] in self.epithet_lasts and \
            any(tuple(doc.keys[k - n:k]) in self.epithet for n in (1, 2) if k - n >= first)

    def _compared(self, doc: Document, i: int, first: int) -> bool:
        """A comparison word stands before word ``i`` in its clause, at most ``window``
        words back: "lebih kecil daripada lonjakan saat invasi Rusia ke Ukraina"."""
        def compares(k: int) -> bool:  # a word or a phrase of two ("berbeda dengan")
            if doc.keys[k] not in self.comparison_firsts:
                return False
            phrase = next((p for p in ((doc.keys[k],), tuple(doc.keys[k:k + 2])) if p in self.comparison), None)
            return phrase is not None and not self._says_more(doc, phrase, k, i, first)
        return self._in_clause_before(doc, i, first, compares) is not None

    def _says_more(self, doc: Document, phrase: tuple, k: int, i: int, first: int) -> bool:
        """The comparison ``phrase`` at word ``k`` does not make the cue at word ``i`` a
        passing one: "di tengah" before the cue or one of ``places`` is a place's middle
        ("di tengah Jalur Gaza", "di tengah wilayah Donetsk"; "di tengah perang Gaza" is a
        backdrop), and "sejak" after one of ``tolls``, or opening a sentence whose clause
        has one, names the war counted ("tewas sejak perang Gaza pecah"; "tertinggi sejak
        invasi Rusia" only dates the price); and a
        reporting verb after the phrase makes it an attribution ("Seperti dilansir Al
        Jazeera Israel …")."""
        after = k + len(phrase)
        if after < len(doc.keys) and doc.keys[after] in _REPORTED:
            return True  # "Seperti dilansir Al Jazeera Israel kembali menyerang Gaza"
        if phrase in _AMID:
            return after == i or (after < len(doc.keys) and doc.keys[after] in self.places)
        if phrase not in _SINCE:
            return False
        # the toll before "sejak" ("tewas sejak perang Gaza pecah") or after its clause when
        # it opens the sentence with no comma ("Sejak Israel menyerang Gaza … warga tewas")
        clause_end = next((j for j in range(i, len(doc.keys)) if doc.keys[j] in CLAUSE_ENDS), len(doc.keys))
        return not self.tolls.isdisjoint(doc.keys[first:k]) or \
            (k == first and not self.tolls.isdisjoint(doc.keys[i:clause_end]))


def in_relative_clause(doc: Document, i: int, first: int, end: int) -> bool:
    """Word ``i`` (of the sentence ``[first, end)``) stands in a clause that opens with ", yang"
    and closes with a comma before a lower-case word, mid-sentence: "Presiden Rusia
    Vladimir Putin, yang pasukannya masih bertempur di Ukraina, menyerukan …" says who
    Putin is, not what the sentence is about; so does a bracketed one ("drone Shahed
    (yang kemudian digunakan Rusia di Ukraina)")."""
    k = i - 1
    while k > first and doc.keys[k] not in CLAUSE_ENDS:
        k -= 1
    if not (k > first and doc.keys[k] in (",", "(") and doc.keys[k + 1] == "yang" and k + 1 < i):
        return False
    close = next((j for j in range(i + 1, end) if doc.keys[j] in CLAUSE_ENDS), end)
    if doc.keys[k] == "(":  # "drone Shahed (yang kemudian digunakan di Ukraina)"
        return close < end and doc.keys[close] == ")"
    return close < end - 1 and doc.keys[close] == "," and doc.word(close + 1)[:1].islower()
