"""Names listed before "masing-masing sebagai" and the offices listed after it, paired in
order: "melantik X dan Y masing-masing sebagai Wakil Menteri Pertahanan dan Wakil Menteri
Luar Negeri" makes X and Y officials. Appointment news lists a reshuffle this way; the
appositive rule sees no name right before "sebagai" ("masing-masing" is none).

>>> from sorot.training.weak.appositive import AppositiveRules
>>> from sorot.training.weak.context import RoleRules
>>> rules = AppositiveRules(RoleRules.load())
>>> doc = Document.from_text("Ia melantik Dimas Prakoso dan Sinta Handayani masing-masing sebagai "
...                          "Wakil Menteri Pertahanan dan Duta Besar RI untuk Rusia.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.respectively.find(doc, ArticleContext.of(doc))]
[('Dimas Prakoso', 'OFFICIAL'), ('Sinta Handayani', 'OFFICIAL')]
"""

from __future__ import annotations

from collections.abc import Callable

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, is_capitalised, same_line
from sorot.training.weak.casing import SENTENCE_END, ArticleContext
from sorot.training.weak.context import RoleRules

#: Words that pair the names before them with the offices after them, in order.
_RESPECTIVELY = [f"{who}{each} {how}" for who in ("", "yang ")
                 for each in ("masing-masing", "secara berurutan", "berturut-turut")
                 for how in ("sebagai", "menjadi", "selaku", "menjabat", "menjabat sebagai", "adalah")]
#: Words that join the items of a list of names or of offices.
_JOINS = frozenset({",", "dan", "serta"})
#: Lower-case words inside an office's name ("Duta Besar RI untuk Rusia").
_INSIDE = frozenset({"untuk", "di", "bagi", "bidang", "urusan"})
#: The most items one list pairs.
_MOST = 6


class Respectively:
    """Finds the names a "masing-masing sebagai" list pairs with its offices; payloads are
    LEADER / OFFICIAL. ``name_before(doc, end, lower)`` is where the name ending at word
    ``end`` starts."""

    def __init__(self, roles: RoleRules, name_before: Callable[[Document, int, set[str]], int]) -> None:
        self.roles = roles
        self.name_before = name_before
        self.links = PhraseMatcher()
        for link in _RESPECTIVELY:
            self.links.add(link, link)

    def find(self, doc: Document, context: ArticleContext) -> list[Hit]:
        """Each listed name with the class of its office: the office in the same place
        of the other list, or, when the lists differ in length, the one class all the
        offices share (nobody when they share none)."""
        hits = []
        for link in self.links.find(doc):
            end = link.start - 1 if link.start > 0 and doc.keys[link.start - 1] == "," else link.start
            names = self._names_before(doc, end, context.lower)
            offices = self._offices_after(doc, link.end)
            if len(names) < 2 or not offices or link.start in context.headline:
                continue
            if len(offices) != len(names):
                if len(set(offices)) != 1:
                    continue
                offices = offices[:1] * len(names)
            hits.extend(Hit(start, stop, office) for (start, stop), office in zip(names, offices))
        return hits

    def _names_before(self, doc: Document, end: int, lower: set[str]) -> list[tuple[int, int]]:
        """The names of a list ending at word ``end`` ("X, Y dan Z"), first to last."""
        names: list[tuple[int, int]] = []
        while len(names) < _MOST:
            start = self.name_before(doc, end, lower)
            if start == end:
                break
            names.append((start, end))
            join = start
            while join > 0 and start - join < 2 and doc.keys[join - 1] in _JOINS and same_line(doc, join - 1, start):
                join -= 1  # ",", "dan", ", dan"
            if join == start:
                break
            end = join
        return names[::-1]

    def _offices_after(self, doc: Document, i: int) -> list[str]:
        """The classes of the offices listed from word ``i`` on ("Wakil Menteri Pertahanan
        dan Duta Besar RI untuk Rusia"): a capitalised role word after each join, up to the
        first word that belongs to no office."""
        offices: list[str] = []
        while i < len(doc.keys) and len(offices) < _MOST:
            role = self.roles.roles.match_at(doc, i)
            if role is None or not same_line(doc, i - 1, i) or not is_capitalised(doc.word(i)):
                break  # "sebagai ketua dan sekretaris panitia": a committee's, not an office
            offices.append(self.roles._deputy(doc, role).payload)
            i = self._next_office(doc, role.end)
            if i is None:
                break
        return offices

    def _next_office(self, doc: Document, i: int) -> int | None:
        """Where the next office of the list starts after the office words from ``i``: past
        a join with a role right after it; ``None`` at the list's end."""
        while i < len(doc.keys) and doc.keys[i] not in SENTENCE_END:
            k = i
            while k < len(doc.keys) and doc.keys[k] in _JOINS:
                k += 1
            if k > i and k < len(doc.keys) and self.roles.roles.match_at(doc, k) is not None:
                return k
            word = doc.word(i)
            if not (is_capitalised(word) or word.isupper() or doc.keys[i] in _INSIDE or doc.keys[i] in _JOINS):
                return None
            i += 1
        return None
