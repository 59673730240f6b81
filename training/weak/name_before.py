"""Where a name starts that ends right before a role, an appointment verb or a link: the
name words and particles before it ("Khalil al-Hayya, pejabat Hamas"), a kunya opening
it ("Abu Zuhri, …"), initials ("George W. Bush"), a quoted nickname, a month or a place
that opens the sentence as a given name ("Juli Hartono, …", "Israel Katz, …"), a
frequent word as a given name ("melantik Bagus Santoso sebagai …"), and a title that "al-"
makes a family name ("Hussein al-Sheikh"). Shared by the appositive, handover,
"respectively" and portfolio rules.

>>> from sorot.training.weak.context import RoleRules
>>> doc = Document.from_text("Menurut Khalil al-Hayya, pejabat Hamas, itu benar.")
>>> doc.span_text(NameBefore(RoleRules.load()).start(doc, 5, set()), 5)
'Khalil al-Hayya'
"""

from __future__ import annotations

from sorot.inference.text.gazetteer import NAME_PARTICLES
from sorot.inference.text.phrases import Document, is_capitalised
from sorot.training.weak.casing import SENTENCE_END
from sorot.training.weak.context import RoleRules, same_line, title_length
from sorot.training.weak.name_shapes import KUNYAS, hyphenated_syllable
from sorot.training.weak.names import initial_length, joins

QUOTES = frozenset({'"', "'", "\u201d", "\u201c", "\u00bb", "\u00ab"})
#: Marks after which a list's item opens, as a sentence does: "…: Bintang X sebagai …".
ITEM_MARKS = frozenset({":", ";", ","})


class NameBefore:
    """Name boundaries read backwards from a word, for a rule set's ``roles``."""

    def __init__(self, roles: RoleRules) -> None:
        self.roles = roles

    def start(self, doc: Document, end: int, lower: set[str]) -> int:
        """Start of the name ending at word ``end`` (``end`` itself when there is none):
        name words and the particles between them ("Khalil al-Hayya")."""
        start = k = end
        while k > 0 and end - k < 7 and (k == end or same_line(doc, k - 1, k)):
            if self._opens_with_a_connective(doc, k - 1):
                break  # "Adapun X dipercaya memimpin …": the sentence's connective, not a name
            if self.roles.is_name_word(doc, k - 1, lower) or (k == end and self._family_title(doc, k - 1)):
                k -= 1
                start = k
            elif k == start and k < end and doc.keys[k - 1] in KUNYAS and is_capitalised(doc.word(k - 1)):
                k -= 1  # "Abu Zuhri, pejabat senior Hamas": a kunya opens the name, not a particle
                start = k
            elif doc.keys[k - 1] in NAME_PARTICLES and k < end and joins(doc, k - 1) and not doc.word(k - 1).isupper():
                k -= 1  # kept only if a name word comes before it
            elif k >= 3 and hyphenated_syllable(doc, k - 2):
                k -= 2  # "Lee Jae-myung": kept only if a name word comes before it
            elif k >= 2 and k < end and initial_length(doc, k - 2):
                k -= 2  # "George W. Bush", "M. Herindra"
                start = k
            elif k == start and k < end and (quoted := self._quoted_before(doc, k, lower)):
                k -= quoted  # 'Dmitry "Dima" Polyanskiy': kept only if a name word comes before it
            elif k == start and k < end and self.roles._month_starts_name(doc, k - 1, lower) and \
                    not (k >= 2 and doc.keys[k - 2].isdigit()):
                k -= 1  # "Juli Hartono, Wakil Menteri …" ("12 Juli" is a date)
                start = k
            elif k == start and k == end - 1 and self._place_as_given_name(doc, k - 1):
                k -= 1  # "Israel Katz, Menteri Pertahanan": a place opening the sentence
                start = k
            elif k == start and k < end and self._given_name_inside(doc, k - 1, lower):
                k -= 1  # "melantik Bagus Santoso sebagai ...": a frequent word as given name
                start = k
            else:
                break
        names = self.roles._name_words(doc, start, end, lower)
        if (place := self.roles.places.match_at(doc, start)) is not None and place.end == end:
            return end  # "tiba di Abu Dhabi, Menteri Luar Negeri UEA menyambut": a place
        return start + title_length(doc, start, end) if 0 < names <= 4 else end  # "H. Dedi …"

    @staticmethod
    def _family_title(doc: Document, i: int) -> bool:
        """A title that a particle and a hyphen make a family name, at word ``i``:
        "Hussein al-Sheikh" ("Sheikh" alone opens a name and stays outside it)."""
        return i >= 2 and doc.keys[i - 1] == "-" and doc.keys[i - 2] in NAME_PARTICLES and \
            is_capitalised(doc.word(i)) and doc.word(i).isalpha()

    def _quoted_before(self, doc: Document, k: int, lower: set[str]) -> int:
        """How many words a quoted nickname ending right before word ``k`` takes (0: none)."""
        return next((n for n in (3, 4) if k - n >= 1 and self.roles._quoted_nickname(doc, k - n, lower) == n), 0)

    def _place_as_given_name(self, doc: Document, i: int) -> bool:
        """A one-word place at ``i`` before a one-word name that opens its sentence or a
        list's item ("Hadir: Israel Katz (Pertahanan), …"), or follows a closed-class
        opener ("Menurut Israel Katz, …"), is a given name: neither starts with a country
        and a bare surname."""
        place = self.roles.places.match_at(doc, i)
        if place is None or place.end != i + 1:
            return False
        return opens(doc, i, SENTENCE_END | ITEM_MARKS) or doc.keys[i - 1] in self.roles.sentence_openers

    def _opens_with_a_connective(self, doc: Document, i: int) -> bool:
        """Word ``i`` is a closed-class opener (``sentence_openers``: "Adapun", "Namun")
        that starts its sentence."""
        return doc.keys[i] in self.roles.sentence_openers and opens(doc, i, SENTENCE_END)

    def _given_name_inside(self, doc: Document, i: int, lower: set[str]) -> bool:
        """A frequent capitalised word before a name word where its capital marks a name:
        after a lower-case word ("melantik Bagus Santoso"), after another name word ("Ayu
        Putri Lestari"), or opening a sentence when it is no closed-class word ("Bintang
        Santoso, mantan menteri": "Menurut Santoso, ..." starts at Santoso)."""
        if not self.roles._common_given_name(doc, i, lower):
            return False
        if opens(doc, i, SENTENCE_END | ITEM_MARKS):
            # a sentence or a list's item opens there: "…: Bintang Perkasa sebagai Wamenhan"
            return doc.keys[i] not in self.roles.sentence_openers
        return doc.keys[i - 1] not in QUOTES and (
            doc.word(i - 1)[:1].islower() or self.roles.is_name_word(doc, i - 1, lower))


def opens(doc: Document, i: int, marks: frozenset[str]) -> bool:
    """Word ``i`` opens its text, its line, or what follows one of ``marks`` (a sentence's
    end; also a list item's mark)."""
    return i == 0 or not same_line(doc, i - 1, i) or doc.keys[i - 1] in marks
