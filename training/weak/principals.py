"""Aides and the people they serve: "utusan khusus Donald Trump untuk Timur Tengah" names
the envoy's principal, "Juru bicara Presiden Rusia X" the spokesman, and "Penasihat
Presiden Donald Trump, Steve Witkoff" both, each with their class.

>>> from sorot.training.weak.context import RoleRules
>>> rules = RoleRules.load()
>>> doc = Document.from_text("Juru bicara Presiden Rusia Dmitri Vasnetsov menolak.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.find(doc)]
[('Dmitri Vasnetsov', 'OFFICIAL')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sorot.inference.text.phrases import Document, Hit, same_line
from sorot.models.schema import LEADER, OFFICIAL

if TYPE_CHECKING:
    from sorot.training.weak.context import RoleRules

#: Words that open an office's field: "Penasihat Khusus Presiden Bidang Pertahanan".
_FIELDS = frozenset({"bidang", "urusan"})
_SENTENCE_END = frozenset({".", "!", "?", ";"})
#: Words that open the post an envoy serves their principal in: "utusan khusus X untuk
#: Timur Tengah"; "di" too where the envoy is named after it ("… di Moskow, Y").
_POSTS = ("untuk", "bagi", "ke")
_POSTS_AT = (*_POSTS, "di")
#: Spokespeople's roles, which Indonesia's presidency also has as an office's title.
_SPOKESPEOPLE = frozenset({("juru", "bicara"), ("jubir",)})
#: Envoys' roles: an envoy is sent by a head or a state, seldom by a company, so a one-word
#: name before a comma after the role may be the principal ("Utusan Hartono, X"), where
#: "Penasihat Danantara, X" or "Juru bicara Pertamina, X" names a company.
_ENVOYS = frozenset({("utusan",), ("utusan", "khusus"), ("perwakilan", "khusus")})
#: Aides named only by their principal's office, which is then their office's title too:
#: "Kepala Staf Presiden X Y" (Indonesia's presidential chief of staff). Not envoys: a
#: chief of staff is no one's principal ("Kepala Staf TNI X ke Papua" names the chief).
_TITLED_AIDES = _SPOKESPEOPLE | {("kepala", "staf")}


class Principals:
    """Which name after an aide's role is the aide's and which the principal's."""

    def __init__(self, rules: RoleRules) -> None:
        self.rules = rules

    def serves(self, role: Hit, doc: Document, name_end: int, posts: tuple[str, ...] = _POSTS) -> bool:
        """Whether the name after ``role`` is the one its holder serves, not the holder:
        "utusan khusus Donald Trump untuk Timur Tengah", "juru bicara Presiden ..."."""
        phrase = doc.span_text(role.start, role.end).lower()
        return phrase in self.rules.principal_roles and name_end < len(doc.keys) and doc.keys[name_end] in posts

    def _aide_after_post(self, doc: Document, i: int, lower: set[str]) -> tuple[int, int] | None:
        """The aide's name after the post's place or field at word ``i`` ("… untuk Timur
        Tengah, Steve Witkoff", "… di Moskow, X"), on the same line, or ``None``."""
        start = self.rules._skip_modifiers(doc, i, lower)
        if start == i or start >= len(doc.keys) or not same_line(doc, i, start) or \
                not _SENTENCE_END.isdisjoint(doc.keys[i:start]):
            return None
        end = self.rules._name_at(doc, start, lower)
        return (start, end) if end > start else None

    def _after_aide(self, doc: Document, role: Hit) -> bool:
        """A head's role right after an aide's: "Juru bicara Presiden …", "Penasihat PM …"."""
        before = [doc.keys[max(role.start - n, 0):role.start] for n in (1, 2, 3)]
        return role.payload == LEADER and any(
            " ".join(keys) in self.rules.principal_roles or tuple(keys) in _TITLED_AIDES for keys in before)

    def _aide_after_comma(self, doc: Document, end: int, lower: set[str]) -> tuple[int, int]:
        """The name after a comma at word ``end`` ("Penasihat Presiden AS X, Y"), if any."""
        if end + 1 < len(doc.keys) and doc.keys[end] == ",":
            return end + 1, self.rules._name_at(doc, end + 1, lower)
        return end, end

    def aides_office(self, doc: Document, role: Hit, start: int, end: int, lower: set[str]) -> bool:
        """An aide's office named by its principal's office and country ("Juru bicara
        Presiden Rusia X", "Penasihat Presiden AS X"): X is the aide, unless another name
        follows after a comma ("Penasihat Presiden AS X, Y": X serves, Y advises). Heads of
        state are in the gazetteer, so an unknown name here is rarely the president."""
        after = self._aide_after_comma(doc, end, lower)
        # a full name and a prose word after it (or a headline's verb: "… X Y Bantah
        # Kabar"): a head is often named by the family name alone, and on a Title Case
        # headline every role is capitalised
        prose = end >= len(doc.keys) or not doc.word(end)[:1].isupper() or self.rules._verb_at(doc, end)
        titled = start == role.end and end - start >= 2 and prose and self._one_title(doc, role)
        office = self._office_named(doc, role) or titled
        return self._after_aide(doc, role) and office and after[1] == after[0]

    def _office_named(self, doc: Document, role: Hit) -> bool:
        """The head's role is followed by a country ("Presiden Rusia") or a field, which a
        head of state never has: "Staf Khusus Presiden Bidang Hubungan Internasional X"."""
        return role.end < len(doc.keys) and (
            doc.keys[role.end] in _FIELDS or self.rules.places.match_at(doc, role.end) is not None)

    def _one_title(self, doc: Document, role: Hit) -> bool:
        """A spokesperson's and the head's words are one capitalised title, as an office's
        name is written before its holder: "Juru Bicara Presiden X Y" ("juru bicara
        Presiden X Y" serves X Y; "Penasihat Presiden X Y" stays the president's)."""
        for n in (1, 2):
            if role.start - n >= 0 and tuple(doc.keys[role.start - n:role.start]) in _TITLED_AIDES:
                return all(doc.word(k)[:1].isupper() for k in range(role.start - n, role.end))
        return False

    def holder_and_principal(self, doc: Document, role: Hit, start: int, end: int,
                             lower: set[str]) -> list[Hit]:
        """The name after a role, or, after an envoy's role, the principal (LEADER) and
        the holder: "Utusan Trump Steve Witkoff" when "Trump" stands alone elsewhere."""
        if self.serves(role, doc, end, posts=_POSTS_AT) and \
                (aide := self._aide_after_post(doc, end + 1, lower)):
            return [Hit(start, end, LEADER), Hit(*aide, OFFICIAL)]  # "utusan khusus Trump untuk Ukraina, X"
        if self.serves(role, doc, end):
            return [Hit(start, end, LEADER)]
        if (named := self._principal_before_comma(doc, role, start, lower)) is not None:
            return [named, Hit(start, end, OFFICIAL)]
        aide = self._aide_after_comma(doc, end, lower) if self._after_aide(doc, role) else (end, end)
        if aide[1] > aide[0]:  # "Penasihat Presiden Donald Trump, Steve Witkoff": the aide after the comma
            return [Hit(start, end, LEADER), Hit(*aide, OFFICIAL)]
        principal = doc.span_text(role.start, role.end).lower() in self.rules.principal_roles
        if principal and end - start >= 3 and self._stands_alone(doc, start, lower):
            return [Hit(start, start + 1, LEADER), Hit(start + 1, end, role.payload)]
        return [Hit(start, end, role.payload)]

    def _principal_before_comma(self, doc: Document, role: Hit, start: int, lower: set[str]) -> Hit | None:
        """The head named before the aide's name and a comma ("Juru bicara Presiden
        Hartawan, Rina Kartika, menyatakan"): the head (LEADER), or ``None``. With no
        head's role, only after an envoy's role (``_ENVOYS``), and only a one-word name the
        article names alone elsewhere ("Utusan Hartono, Rina Kartika, … Hartono
        berharap")."""
        if not (start - 1 > role.end and doc.keys[start - 1] == ","):
            return None
        first = self.rules._skip_modifiers(doc, role.end, lower)
        last = self.rules._name_at(doc, first, lower)
        if not first < last == start - 1:
            return None
        if self._after_aide(doc, role):
            return Hit(first, last, LEADER)
        envoy = tuple(doc.keys[role.start:role.end]) in _ENVOYS
        alone = last == first + 1 and not doc.word(first).isupper() and self._stands_alone(doc, first, lower)
        return Hit(first, last, LEADER) if envoy and alone else None

    def _stands_alone(self, doc: Document, i: int, lower: set[str]) -> bool:
        """Whether word ``i``'s key also appears elsewhere as a one-word name."""
        key = doc.keys[i]
        return any(doc.keys[k] == key and (k + 1 == len(doc.keys) or not self.rules.is_name_word(doc, k + 1, lower))
                   and (k == 0 or not self.rules.is_name_word(doc, k - 1, lower))
                   for k in range(len(doc.keys)) if k != i)
