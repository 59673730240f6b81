"""What office a role word names: a deputy's, a body's head's, a group's regional head's,
a company founder's (none), and a second office of one holder.

A mixin of :class:`~sorot.training.weak.context.RoleRules`, which holds the word lists
(``places``, ``ranks``, ``groups`` …) these read.

>>> from sorot.training.weak.context import RoleRules
>>> rules = RoleRules.load()
>>> doc = Document.from_text("Presiden Ukraina sekaligus Panglima Tertinggi Taras Melnyk hadir.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.find(doc)]
[('Taras Melnyk', 'LEADER')]
"""

from __future__ import annotations

from sorot.inference.text.phrases import Document, Hit, is_capitalised, same_line
from sorot.models.schema import LEADER, OFFICIAL
from sorot.training.weak.name_shapes import INSTITUTIONS
from sorot.training.weak.organisations import english_body_end, english_organisation_end

_DEPUTIES = frozenset({"wakil", "deputi"})
#: Bodies named by a group's head word: "Dewan Pimpinan Hamas" is its leadership council.
_GROUP_BODIES = frozenset({"dewan", "majelis", "komite", "biro"})
#: A compass word after a place names a region of it: "di Lebanon Selatan".
_COMPASS = frozenset({"selatan", "utara", "timur", "barat", "tengah"})
#: "One of": "salah satu pemimpin Hamas" is one of its leaders, not its top one.
_ONE_OF = frozenset({("salah", "satu"), ("salah", "seorang")})
#: Words that make a role plural: "para pemimpin Hamas", "kedua menteri".
PLURAL_WORDS = frozenset({"para", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                          "sepuluh", "beberapa", "sejumlah", "kedua", "ketiga", "keempat", "kelima", "banyak"})
#: Words that join two offices of one holder: "Perdana Menteri Qatar sekaligus Menteri
#: Luar Negeri X", "Presiden Ukraina yang juga Panglima Tertinggi, X".
_JOINT_LINKS = frozenset({("sekaligus",), ("merangkap",), ("yang", "merangkap"), ("yang", "juga"),
                          ("yang", "sekaligus"), ("sekaligus", "juga")})


class OfficeKinds:
    """Role hits re-read by what stands around them; payloads are ``LEADER``/``OFFICIAL``."""

    def _group_region(self, doc: Document, role: Hit, key: tuple[str, ...] | None = None) -> Hit:
        """"Pemimpin Hamas di Gaza": a group's head in one region is an OFFICIAL, and the
        name comes after the region. In the group's home country ("Pemimpin Hizbullah di
        Lebanon") the head is still the group's, a LEADER."""
        i = role.end
        homes = self.group_roles.get(key or tuple(doc.keys[role.start:i]))
        if homes is None or doc.keys[i:i + 1] != ["di"] or i + 1 >= len(doc.keys):
            return role
        if doc.keys[i + 1:i + 3] == ["luar", "negeri"]:
            return Hit(role.start, i + 3, OFFICIAL)  # "Pemimpin Hamas di luar negeri X": abroad
        if (place := self.places.match_at(doc, i + 1)) is not None:
            if place.end < len(doc.keys) and doc.keys[place.end] in _COMPASS:
                return Hit(role.start, place.end + 1, OFFICIAL)  # "di Lebanon Selatan": one region of home
            return Hit(role.start, place.end, LEADER if place.payload.lower() in homes else OFFICIAL)
        if doc.keys[i + 1] == "luar" and (place := self.places.match_at(doc, i + 2)) is not None:
            return Hit(role.start, place.end, OFFICIAL)  # "Pemimpin Hamas di luar Gaza, X": abroad
        return role

    def _civil_rank(self, doc: Document, role: Hit) -> bool:
        """A rank before a team's or a craft's word (``civil_after_ranks``): no officer."""
        rank = self.ranks.match_at(doc, role.start)
        return rank is not None and rank.end == role.end < len(doc.keys) and \
            doc.keys[role.end] in self.civil_after_ranks

    def _head_of_a_club(self, doc: Document, role: Hit) -> bool:
        """A role before a club's word (``clubs``): "Presiden Klub Persija X", "Ketua klub
        suporter X" head a private body, and private persons are not tagged (SCHEMA)."""
        return role.end < len(doc.keys) and doc.keys[role.end] in self.clubs

    def _founder_of_a_company(self, doc: Document, role: Hit) -> bool:
        """A founder's role before one capitalised name that is no group, institution,
        acronym or English organisation: a company's ("Pendiri Gojek X"), whose founder is
        a private person. Founders of think tanks ("Pendiri FPCI X"), parties and armed
        groups hold an office."""
        if doc.keys[role.end - 1] != "pendiri" or role.end >= len(doc.keys):
            return False
        after = role.end
        if doc.keys[after] in self.modifiers or doc.keys[after] in self.institutions or doc.word(after).isupper() or \
                not is_capitalised(doc.word(after)) or self.places.match_at(doc, after) is not None or \
                english_organisation_end(doc, after, self.organisation_heads) is not None:
            return False
        if self.organisation_heads.intersection(doc.keys[after + 1:after + 3]):
            return False  # "Pendiri Halden Institute X"
        return not self.group_at(doc, after)

    def group_at(self, doc: Document, i: int) -> bool:
        """A party to a conflict (``leader_of_groups``) is named at word ``i``: "Hamas"."""
        return self.group_named_at(doc, i) is not None

    def group_named_at(self, doc: Document, i: int) -> tuple[str, ...] | None:
        """The keys of the party to a conflict named at word ``i``: ("jihad", "islam")."""
        return next((group for group in self.groups if tuple(doc.keys[i:i + len(group)]) == group), None)

    def with_new_group_heads(self, doc: Document, roles: list[Hit]) -> list[Hit]:
        """``roles`` with the head a group names for itself, a LEADER (the "-nya" is the
        group's): "Hamas menunjuk pemimpin barunya, X", "Hizbullah mengumumkan X sebagai
        sekjen barunya", though "pemimpin" alone names no office and "sekjen" an official's.
        Its head "di Gaza" heads one region, an OFFICIAL, as "Pemimpin Hamas di Gaza" does."""
        if "barunya" not in doc.keys:  # most articles
            return roles
        heads = {}
        for i in (k for k, key in enumerate(doc.keys) if key == "barunya"):
            for head in self.group_heads:
                start = i - len(head)
                if start > 0 and tuple(doc.keys[start:i]) == head and (group := self._naming_group(doc, start)):
                    region = self._group_region(doc, Hit(start, i + 1, None), head + group)
                    end = i if region.payload is None else region.end  # past "di luar negeri"
                    heads[start] = Hit(start, end, OFFICIAL if region.payload == OFFICIAL else LEADER)
        return sorted([*heads.values(), *(r for r in roles if r.start not in heads)], key=lambda h: h.start)

    def _naming_group(self, doc: Document, i: int) -> tuple[str, ...] | None:
        """The group that opens the clause ending at word ``i`` (on one line), with only
        lower-case words between (its verb, "resmi", "telah"), and after "sebagai" the one
        it names: "Hamas resmi menunjuk", "Hamas menunjuk Yusuf Hamdan sebagai"."""
        end = i
        if doc.keys[i - 1] == "sebagai":  # past the appointee's name
            end = i - 1
            while end > 0 and (is_capitalised(doc.word(end - 1)) or "-" in doc.keys[end - 1:end + 1]):
                end -= 1  # "Khalil al - Hayya": a particle before its hyphen
        for k in range(end - 1, max(-1, end - 6), -1):
            group = self.group_named_at(doc, k)
            if group is not None and is_capitalised(doc.word(k)) and same_line(doc, k, i):
                between = [doc.word(j) for j in range(k + len(group), end)]
                return group if between and all(w.isalpha() and w.islower() for w in between) else None
        return None

    def _of_a_body(self, doc: Document, role: Hit) -> Hit:
        """A head's role before an English organisation's name ("Presiden Council on …") or
        a body's acronym ("Presiden FIFA X", "Presiden ICJ X") heads a body: an official.
        "Presiden AS", "Presiden RI" (``state_acronyms``) stay heads of state."""
        after = self._past_modifiers(doc, role.end)
        if english_organisation_end(doc, after, self.organisation_heads) is not None:
            return Hit(role.start, role.end, OFFICIAL)
        if role.payload == LEADER and doc.keys[role.start:role.end] == ["presiden"] and after < len(doc.keys):
            word = doc.word(after)
            if word.isupper() and word.isalpha() and 2 <= len(word) <= 6 and doc.keys[after] not in self.state_acronyms:
                return Hit(role.start, role.end, OFFICIAL)
            if doc.keys[role.end] in INSTITUTIONS and is_capitalised(doc.word(role.end)) and \
                    self._not_a_state(doc, role.end):
                return Hit(role.start, role.end, OFFICIAL)  # "Presiden Federasi Sepak Bola X"
            if self._english_body_after(doc, after):
                return Hit(role.start, role.end, OFFICIAL)  # "Presiden Eurasia Group X"
        return role

    def _english_body_after(self, doc: Document, i: int) -> bool:
        """An English organisation's head word within a capitalised run of three words at
        ``i``: "Eurasia Group", "Middle East Forum", "International Crisis Group"."""
        return english_body_end(doc, i, self.organisation_heads) is not None

    def _not_a_state(self, doc: Document, i: int) -> bool:
        """The institution's word at ``i`` opens no state's name: "Presiden Federasi Rusia
        X" heads a state, "Presiden Federasi Sepak Bola X" a body."""
        place = self.places.match_at(doc, i)
        return place is None or place.end == i + 1

    def _deputy(self, doc: Document, role: Hit) -> Hit:
        """A head's deputy is an official: "Wakil Sekjen Hizbullah X", "wakil pemimpin Hamas
        X" (the role lists name "wakil presiden" and the like themselves); so is a member of
        a group's leading body ("Anggota Dewan Pimpinan Hamas X") and one of its leaders
        ("salah satu pemimpin Hamas, X", "kedua pemimpin Hamas, X dan Y")."""
        if role.payload != LEADER or role.start == 0 or not same_line(doc, role.start - 1, role.start):
            return role
        before, group = doc.keys[role.start - 1], tuple(doc.keys[role.start:role.end]) in self.group_roles
        if before in _DEPUTIES or (group and (before in _GROUP_BODIES or before in PLURAL_WORDS
                                              or tuple(doc.keys[max(0, role.start - 2):role.start]) in _ONE_OF)):
            return Hit(role.start, role.end, OFFICIAL)
        return role

    def _joint_office(self, doc: Document, previous: Hit | None, role: Hit) -> Hit:
        """A role joined to the one before it by "sekaligus", "merangkap" or "yang juga"
        is a second office of the same holder, who keeps the higher class (SCHEMA):
        "Presiden Ukraina sekaligus Panglima Tertinggi X" names a LEADER."""
        if previous is None or previous.payload != LEADER or role.payload != OFFICIAL or \
                not same_line(doc, previous.start, role.start):
            return role
        i = previous.end
        while i < role.start:
            if tuple(doc.keys[i:role.start]) in _JOINT_LINKS:
                return Hit(role.start, role.end, LEADER)
            if (place := self.places.match_at(doc, i)) is not None:
                i = place.end
            elif doc.keys[i] in self.modifiers:
                i += 1
            else:
                return role
        return role

    def _rank_of_a_head(self, doc: Document, role: Hit, found: list[Hit]) -> bool:
        """A rank between a head's role and the name is the head's own: "Pemimpin junta
        Myanmar Jenderal X" names a LEADER, though the rank stands nearer the name."""
        rank = self.ranks.match_at(doc, role.start)
        return rank is not None and rank.end == role.end and all(h.payload == LEADER for h in found)
