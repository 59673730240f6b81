"""Names listed after a plural role: "tiga wakil menteri, yakni A, B, dan C", "Dua pejabat
Kremlin hadir, yaitu A dan B", "Para pemimpin senior Hamas terlibat, yakni A dan B".

A list marker ("yakni", "yaitu", "antara lain", "di antaranya", "termasuk", "seperti"),
or a comma right after the plural role and its office's words, opens the list; a role,
or a word for members of a leadership ("petinggi", "pejabat", "perunding"), that a plural
word ("para", "dua", "beberapa", "sejumlah" …) makes plural must come before it in the
same sentence, at most ``_REACH`` words back. Each bare name of the list is an OFFICIAL:
members of a group of office holders hold the lesser office ("para pemimpin Hamas" are
its leaders, not its head), except heads of state and government listed as such ("para
presiden", "para pemimpin dunia, yakni A dan B", "tiga pemimpin Eropa, A, B dan C",
"kedua pemimpin, A dan B"). An
item that opens with its own role ("yakni Menteri Luar Negeri A") is left to the role
rules. A role with no plural word heads a list of two names or more when only words like
"yang dilantik" stand between ("Wakil menteri yang dilantik antara lain A dan B"), and
"adalah"/"ialah" mark a list too ("Anggota Wantimpres yang dilantik ialah A, B, dan C").

>>> from sorot.training.weak.context import RoleRules
>>> lists = PluralRoles(RoleRules.load())
>>> doc = Document.from_text("Dua pejabat Kremlin hadir, yaitu Yuri Orlov dan Pavel Semin.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in lists.find(doc, set(), ArticleContext.of(doc))]
[('Yuri Orlov', 'OFFICIAL'), ('Pavel Semin', 'OFFICIAL')]
"""

from __future__ import annotations

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, is_capitalised, same_line
from sorot.models.schema import LEADER, OFFICIAL
from sorot.training.weak.casing import SENTENCE_END, ArticleContext
from sorot.training.weak.context import RoleRules
from sorot.training.weak.office_kinds import PLURAL_WORDS

_MARKERS = ["yakni", "yaitu", "antara lain", "di antaranya", "diantaranya", "termasuk", "seperti",
            # a copula, after a plural role: "Tiga wakil menteri yang dilantik adalah A, B, dan C"
            "adalah", "ialah"]
#: Words between a role with no plural word and the marker of a list of two names or more
#: that it heads: "Wakil menteri yang dilantik antara lain A, B, dan C". Anything else
#: ("Juru bicara Kemlu mengatakan korban antara lain …") tells of others.
_LIST_GAP = frozenset({"yang", "baru", "dilantik", "hadir", "ditunjuk", "diangkat", "terpilih", "tersebut",
                       "itu", "ini", "lainnya", "kini", "telah", "sudah", "juga"})
#: Plural roles whose members are heads of state or government (LEADER).
_HEADS = frozenset({"presiden", "perdana menteri", "kepala negara", "kepala pemerintahan", "kanselir", "raja"})
_SEPARATORS = frozenset({",", ";", "dan", "serta"})
#: Members of a leadership or a delegation, no office of their own: "dua petinggi Hamas",
#: "para pemimpin senior Hamas", "tiga perunding Ukraina".
_MEMBERS = frozenset({"pemimpin", "pimpinan", "petinggi", "pejabat", "perunding", "negosiator", "utusan"})
_REACH = 12


def _of_states(doc: Document, i: int, end: int) -> bool:
    """"para pemimpin dunia/negara", and "kedua pemimpin, A dan B" with no group named
    (the two leaders of a summit): the leaders at word ``i`` head states."""
    return doc.keys[i] == "pemimpin" and (doc.keys[end:end + 1] in (["dunia"], ["negara"])
                                          or (end == i + 1 and doc.keys[end:end + 1] == [","]))


class PluralRoles:
    """Finds the bare names of a list that a plural role introduces."""

    def __init__(self, roles: RoleRules) -> None:
        self.roles = roles
        self.markers = PhraseMatcher()
        for marker in _MARKERS:
            self.markers.add(marker, marker)

    def find(self, doc: Document, blocked: set[int], context: ArticleContext,
             after_roles: list[Hit] = ()) -> list[Hit]:
        """The listed names, and those listed after a name that an official's role
        introduces (``after_roles``, the role rules' hits): "Wakil Menteri Luar Negeri A,
        B, dan C" holds one office three times."""
        out: dict[int, Hit] = {}  # by start: two markers may open the same list
        for end, label in self._markers(doc, context.lower):
            out.update((s, Hit(s, e, label)) for s, e in self._items(doc, end, context.lower)
                       if blocked.isdisjoint(range(s, e)) and s not in out)
        for hit in after_roles:
            out.update((s, Hit(s, e, OFFICIAL)) for s, e in self._same_office(doc, hit, context.lower)
                       if blocked.isdisjoint(range(s, e)) and s not in out)
        return sorted(out.values(), key=lambda h: h.start)

    def _same_office(self, doc: Document, hit: Hit, lower: set[str]) -> list[tuple[int, int]]:
        """Bare names listed right after an official's name, two or more, the list closed by
        "dan" or "serta" ("A, B, dan C") and followed by no capitalised word: each item two
        name words or more, none with a role of its own. A leader's office is left alone
        ("Presiden A, B dan C" lists others more often than presidents)."""
        items, i = [], hit.end
        if hit.payload != OFFICIAL:
            return []
        if doc.keys[i:i + 1] in (["dan"], ["serta"]):
            return self._paired(doc, i + 1, lower)
        if doc.keys[i:i + 1] != [","]:
            return []
        while i < len(doc.keys) and doc.keys[i] in _SEPARATORS and same_line(doc, hit.start, i):
            j = i + 1 + (doc.keys[i] == "," and doc.keys[i + 1:i + 2] in (["dan"], ["serta"]))
            end = self.roles._name_at(doc, j, lower) if j < len(doc.keys) else j
            if self.roles._name_words(doc, j, end, lower) < 2 or not same_line(doc, i, j):
                return []
            items.append((j, end))
            if doc.keys[j - 1] in ("dan", "serta"):  # "A, dan B" alone may name B's own office
                closed = end >= len(doc.keys) or not doc.word(end)[:1].isupper()
                return items if closed and len(items) >= 2 else []
            i = end
        return []

    def _paired(self, doc: Document, j: int, lower: set[str]) -> list[tuple[int, int]]:
        """One bare full name joined to an official's name by "dan" and closing the
        phrase shares the office: "Wakil Menteri Luar Negeri A B dan C D hadir"."""
        end = self.roles._name_at(doc, j, lower) if j < len(doc.keys) else j
        closed = end >= len(doc.keys) or not doc.word(end)[:1].isupper()
        return [(j, end)] if closed and self.roles._name_words(doc, j, end, lower) >= 2 and \
            same_line(doc, j - 1, j) else []

    def _markers(self, doc: Document, lower: set[str]) -> list[tuple[int, str]]:
        """Where each list starts and its class: after a list marker with a plural role
        before it, or after a comma right after a plural role and its office's words
        ("Dua pejabat senior Hamas, A dan B")."""
        out = [(m.end, found[0]) for m in self.markers.find(doc)
               if (found := self._plural_role_before(doc, m.start) or self._bare_role_before(doc, m, lower))]
        for p, key in enumerate(doc.keys[:-1]):
            if key in PLURAL_WORDS and (found := self._plural_role_at(doc, p + 1)) is not None and \
                    (c := self.roles._skip_modifiers(doc, found[1], lower) - 1) >= found[1] and \
                    doc.keys[c] == "," and same_line(doc, p, c):
                out.append((c + 1, found[0]))
        return out

    def _plural_role_before(self, doc: Document, end: int) -> tuple[str, int] | None:
        """The class and end of the nearest plural role before word ``end`` in its
        sentence."""
        for i in range(end - 1, max(end - _REACH, 0), -1):
            if doc.keys[i] in SENTENCE_END or not same_line(doc, i, end):
                return None
            if doc.keys[i - 1] in PLURAL_WORDS and (found := self._plural_role_at(doc, i)) is not None:
                return found
        return None

    def _bare_role_before(self, doc: Document, marker: Hit, lower: set[str]) -> tuple[str, int] | None:
        """The class and end of a role with no plural word that a list of two names or more
        after ``marker`` makes plural, only :data:`_LIST_GAP` words between them: "Anggota
        Wantimpres yang dilantik ialah A, B, dan C"."""
        k = marker.start
        while k > 0 and doc.keys[k - 1] in _LIST_GAP and marker.start - k < 4:
            k -= 1
        for i in range(k - 1, max(k - 8, -1), -1):
            if doc.keys[i] in SENTENCE_END:
                return None
            if i > 1 and is_capitalised(doc.word(i - 1)) and same_line(doc, i - 2, i) and \
                    doc.keys[i - 2] not in SENTENCE_END:
                continue  # inside a body's name: "Dewan Pertimbangan Presiden" (a sentence's first word is none)
            found = self._plural_role_at(doc, i) or self._members_of_body(doc, i)
            if found is not None and self.roles._skip_modifiers(doc, found[1], lower) == k:
                return found if len(self._items(doc, marker.end, lower)) >= 2 else None
        return None

    @staticmethod
    def _members_of_body(doc: Document, i: int) -> tuple[str, int] | None:
        """"anggota" before a capitalised body, and the end of the body's name ("Anggota
        Wantimpres", "anggota Dewan Pertimbangan Presiden"); a family's members are no
        officials."""
        end = i + 1
        while end < len(doc.keys) and is_capitalised(doc.word(end)) and same_line(doc, i, end):
            end += 1
        return (OFFICIAL, end) if doc.keys[i] == "anggota" and end > i + 1 else None

    def _plural_role_at(self, doc: Document, i: int) -> tuple[str, int] | None:
        """The class and end of a role or a leadership's word at word ``i``, which a
        plural word before it makes plural."""
        role = self.roles.roles.match_at(doc, i)
        if role is not None:
            # "para pemimpin Eropa" are heads of state; "para pemimpin Hamas" its leadership
            place = self.roles.places.match_at(doc, i + 1) if doc.keys[i] == "pemimpin" else None
            heads = doc.span_text(role.start, role.end).lower() in _HEADS or (
                place is not None and place.end == role.end
                and tuple(doc.keys[role.start:role.end]) not in self.roles.group_roles)
            return (LEADER if heads or _of_states(doc, i, role.end) else OFFICIAL), role.end
        if doc.keys[i] in _MEMBERS:  # "para pemimpin dunia/negara" are heads of state
            return (LEADER if _of_states(doc, i, i + 1) else OFFICIAL), i + 1
        return None

    def _items(self, doc: Document, i: int, lower: set[str]) -> list[tuple[int, int]]:
        """The bare names of the list from word ``i``; an item that opens with a role is
        stepped over, and anything else ends the list."""
        out = []
        while i < len(doc.keys) and same_line(doc, i - 1, i):
            if doc.keys[i] in _SEPARATORS:
                i += 1
            elif self.roles.roles.match_at(doc, i) is not None:
                i = self._next_item(doc, i)
            elif (end := self.roles._name_at(doc, i, lower)) > i:
                out.append((i, end))
                i = self._past_country(doc, end)
            else:
                break
        return out

    def _past_country(self, doc: Document, i: int) -> int:
        """After an item's country: "A dari Yordania", "A (Arab Saudi)"."""
        if doc.keys[i:i + 1] == ["dari"] and (place := self.roles.places.match_at(doc, i + 1)) is not None:
            return place.end
        if doc.keys[i:i + 1] == ["("] and (place := self.roles.places.match_at(doc, i + 1)) is not None \
                and doc.keys[place.end:place.end + 1] == [")"]:
            return place.end + 1
        return i

    @staticmethod
    def _next_item(doc: Document, i: int) -> int:
        while i < len(doc.keys) and doc.keys[i] not in {",", ";", ".", "dan"}:
            i += 1
        return i
