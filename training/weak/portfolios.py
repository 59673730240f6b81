"""Names with their portfolio in brackets, in a cabinet's list: "Sjafrie Sjamsoeddin
(Pertahanan), Sugiono (Luar Negeri) dan Tito Karnavian (Dalam Negeri)". The brackets
hold no role word ("Wamenaker" and "Menhan" are the appositive rule's), only the
ministry's field (``portfolios:`` of ``roles.yaml``); so the list must be a cabinet's: it
has two such names, or its line, or the line before, has a minister's word.

>>> from sorot.training.weak.appositive import AppositiveRules
>>> from sorot.training.weak.context import RoleRules
>>> rules = AppositiveRules(RoleRules.load())
>>> doc = Document.from_text("Menteri yang hadir: Dimas Prakoso (Pertahanan) dan Sinta Handayani (Luar Negeri).")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.portfolios.find(doc, ArticleContext.of(doc))]
[('Dimas Prakoso', 'OFFICIAL'), ('Sinta Handayani', 'OFFICIAL')]
"""

from __future__ import annotations

from collections.abc import Callable

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, same_line
from sorot.models.schema import OFFICIAL
from sorot.training.weak.casing import ArticleContext, line_end, line_first
from sorot.training.weak.context import RoleRules

#: Words that make one bracketed portfolio a cabinet's: "Menteri yang hadir: X (Pertahanan)".
_CABINET = frozenset({"menteri", "menteri-menteri", "para menteri", "kabinet", "wamen", "wakil menteri",
                      "dilantik", "melantik", "reshuffle", "perombakan", "kementerian"})


class Portfolios:
    """Finds the names a cabinet's list gives with a bracketed portfolio; payload
    ``OFFICIAL``. ``name_before(doc, end, lower)`` is where the name ending at word
    ``end`` starts."""

    def __init__(self, roles: RoleRules, name_before: Callable[[Document, int, set[str]], int]) -> None:
        self.portfolios = PhraseMatcher()
        for portfolio in roles.portfolios:
            self.portfolios.add(portfolio, portfolio)
        self.name_before = name_before

    def find(self, doc: Document, context: ArticleContext) -> list[Hit]:
        items = []
        for k, key in enumerate(doc.keys):
            if key != "(" or k == 0:
                continue
            field = self.portfolios.match_at(doc, k + 1)
            if field is None or field.end >= len(doc.keys) or doc.keys[field.end] != ")":
                continue
            start = self.name_before(doc, k, context.lower)
            if start < k and not _after_a_capital(doc, start):
                items.append(Hit(start, k, OFFICIAL))
        if len(items) >= 2:
            return items
        return [h for h in items if self._in_a_cabinet(doc, h.start)]

    @staticmethod
    def _in_a_cabinet(doc: Document, i: int) -> bool:
        """Word ``i``'s line, or the line before it, has a minister's word."""
        first = line_first(doc, i)
        first = line_first(doc, first - 1) if first else first
        words = doc.keys[first:line_end(doc, i)]
        return any(w in _CABINET or " ".join(words[j:j + 2]) in _CABINET for j, w in enumerate(words))


def _after_a_capital(doc: Document, start: int) -> bool:
    """A capitalised word the name search stopped at stands right before the name, on its
    line: a firm's or a body's ("PT Pindad (Pertahanan)"), not a person's."""
    return start > 0 and same_line(doc, start - 1, start) and doc.word(start - 1)[:1].isupper()
