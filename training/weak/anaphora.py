"""A role that points back: "Wibowo menolak usulan itu. Presiden Rusia itu menyebutnya
tidak realistis." The second sentence opens with a role, its office's words and "itu"
("that president"), and so names the subject of the sentence before it: the name that
opens that sentence, right before its lower-case verb, takes the role's class. A
sentence that gives its speaker after a verb of saying names its subject there ("…,"
kata Wibowo. Presiden Rusia itu …", "Menurut Wibowo, …").

>>> from sorot.training.weak.context import RoleRules
>>> rules = PointingRoles(RoleRules.load())
>>> doc = Document.from_text("Wibowo menolak usulan itu. Presiden Rusia itu menyebutnya tidak realistis.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.find(doc, set(), ArticleContext.of(doc))]
[('Wibowo', 'LEADER')]
"""

from __future__ import annotations

from sorot.inference.text.phrases import Document, Hit, is_capitalised, same_line
from sorot.training.weak.casing import SENTENCE_END, ArticleContext
from sorot.training.weak.context import SAYS_BEFORE, RoleRules

#: Words a role list may lack before a role: "Wakil pemimpin Hamas itu", "Mantan Presiden AS itu".
_BEFORE_ROLE = frozenset({"wakil", "mantan", "deputi"})


class PointingRoles:
    """Finds the subjects that a sentence-opening "<role> … itu" points back to."""

    def __init__(self, roles: RoleRules) -> None:
        self.roles = roles

    def find(self, doc: Document, blocked: set[int], context: ArticleContext) -> list[Hit]:
        hits = []
        for role, opener in self._pointing_roles(doc, context.lower):
            subject = self._subject_before(doc, opener, context.lower)
            if subject is not None and blocked.isdisjoint(range(*subject)) and subject[0] not in context.headline:
                hits.append(Hit(*subject, self.roles._deputy(doc, role).payload))
        return hits

    def _pointing_roles(self, doc: Document, lower: set[str]) -> list[tuple[Hit, int]]:
        """Each role that opens its sentence (at the word returned with it, "Wakil" before a
        role included) and whose office's words close with "itu" before a lower-case word.
        Only the few sentences with "itu" are read: the role lists are not scanned again."""
        out = []
        for that in (j for j, key in enumerate(doc.keys) if key == "itu"):
            if that + 1 >= len(doc.keys) or not doc.word(that + 1)[:1].islower():
                continue  # "Presiden Rusia itu menyebut …": a verb follows the pointing role
            opener = that
            while opener > max(0, that - 12) and not _opens_sentence(doc, opener):
                opener -= 1
            start = opener + (doc.keys[opener] in _BEFORE_ROLE)  # "Wakil pemimpin Hamas itu …"
            role = self.roles.roles.match_at(doc, start)
            if role is None or not (_opens_sentence(doc, opener) and is_capitalised(doc.word(opener))):
                continue
            # the office's words step over "itu" after a body ("Menteri Luar Negeri Polandia
            # itu"), not right after the role ("Presiden itu")
            if self.roles._skip_modifiers(doc, role.end, lower) in (that, that + 1) and same_line(doc, opener, that):
                out.append((role, opener))
        return out

    def _subject_before(self, doc: Document, i: int, lower: set[str]) -> tuple[int, int] | None:
        """The name that opens the sentence ending right before word ``i``, when a
        lower-case word follows it ("Wibowo menolak …"); ``None`` otherwise."""
        if i < 2 or doc.keys[i - 1] not in SENTENCE_END:
            return None
        first = i - 1
        while first > 0 and doc.keys[first - 1] not in SENTENCE_END and same_line(doc, first - 1, first):
            first -= 1
        end = self.roles._name_at(doc, first, lower)
        if end == first or end >= i - 1 or not doc.word(end)[:1].islower() or \
                not self.roles.is_name_word(doc, first, lower):  # "Usulan Wibowo ditolak": no subject
            return self._speaker_in(doc, first, i - 1, lower)
        return first, end

    def _speaker_in(self, doc: Document, first: int, last: int, lower: set[str]) -> tuple[int, int] | None:
        """The name right after the last verb of saying in words ``first``..``last`` (the
        sentence's end mark), closed by a lower-case word, a comma or that end: '"…," ujar
        Wibowo dalam rekaman.' A role after the verb ("kata juru bicara X") is another's
        speaker."""
        says = [k for k in range(first, last) if doc.keys[k] in SAYS_BEFORE and doc.word(k)[:1].islower()
                or (k == first and doc.keys[k] == "menurut")]
        if not says or not self.roles.is_name_word(doc, says[-1] + 1, lower):
            return None
        start = says[-1] + 1
        end = self.roles._name_at(doc, start, lower)
        if end == start or end > last or not (end == last or doc.keys[end] == "," or doc.word(end)[:1].islower()):
            return None
        return start, end


def _opens_sentence(doc: Document, i: int) -> bool:
    return i > 0 and (doc.keys[i - 1] in SENTENCE_END or not same_line(doc, i - 1, i))
