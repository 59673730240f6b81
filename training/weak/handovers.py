"""Names an appointment verb hands an office to: "digantikan oleh X", "kini dijabat X"
(the name after the verb, the office named earlier in the sentence), "X menggantikan Y
sebagai Wamensos" (both hold the office), a successor of a removed holder ("mencopot
Panglima Y dan menunjuk X sebagai penggantinya"), a counterpart ("Menlu Turki bertemu
timpalannya dari Mesir, X") and a delegation's head ("Delegasi Rusia dipimpin oleh X")
and members ("Delegasi AS terdiri dari X, Y, dan Z").

>>> from sorot.training.weak.appositive import AppositiveRules
>>> from sorot.training.weak.context import RoleRules
>>> rules = AppositiveRules(RoleRules.load())
>>> doc = Document.from_text("Jabatan Menteri Pertahanan kini dijabat Dimas Prakoso.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.handovers.find(doc, ArticleContext.of(doc))]
[('Dimas Prakoso', 'OFFICIAL')]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, same_line
from sorot.models.schema import OFFICIAL
from sorot.training.weak.casing import SENTENCE_END, ArticleContext
from sorot.training.weak.context import RoleRules

#: A counterpart holds the office named before it in the sentence: "Menlu Turki bertemu
#: timpalannya dari Mesir, X".
_COUNTERPARTS = ["timpalannya", "mitranya", "sejawatnya", "rekan sejawatnya", "koleganya"]
#: A delegation's head, named after its verb ("Delegasi Rusia dipimpin oleh X"), is an
#: official: a state's or a party's negotiator. Any other team's head may be anyone.
_DELEGATION_HEADS = ["dipimpin oleh", "dipimpin", "pimpinan", "dikepalai oleh", "dikepalai", "diketuai oleh",
                     "diketuai"]
_DELEGATIONS = frozenset({"delegasi", "perunding", "negosiator", "negosiasi", "perundingan"})
#: A state's or a group's delegation's members, listed after their verb: "Delegasi AS
#: terdiri dari X, Y, dan Z" (a student delegation's may be anyone).
_MEMBERS = ["terdiri dari", "terdiri atas", "beranggotakan"]
_LIST_JOINS = frozenset({",", "dan", "serta"})
#: Words between a delegation and its members' verb that refer back to one named before:
#: "Delegasi itu juga beranggotakan X".
_BACK_REFERENCES = frozenset({"itu", "tersebut", "ini", "juga", "yang", "kemudian", "pun"})
#: Verbs after which the name of an office's (new) holder follows.
_HANDOVER = ["digantikan oleh", "digantikan", "dijabat oleh", "dijabat", "diisi oleh",
             "kini dijabat", "dipegang oleh", "diemban", "diemban oleh", "ditempati oleh", "diisi",
             "menggantinya dengan",
             # the predecessor held the office too: "X sebagai Kepala Staf Kepresidenan
             # menggantikan Y"
             "menggantikan", "menggantikan posisi", "menggantikan kedudukan"]
#: Words after a successor's name whose office is one a removal verb named earlier in
#: the sentence: "mencopot Panglima X dan menunjuk Y sebagai penggantinya".
_SUCCESSORS = ["sebagai penggantinya", "menjadi penggantinya", "sebagai penerusnya", "sebagai suksesornya"]
_REMOVING = frozenset({"mencopot", "memecat", "memberhentikan", "mengganti", "melengserkan"})
_APPOINTED = frozenset({"ditunjuk", "diangkat", "dilantik", "dipilih", "resmi", "kemudian", "lalu", "yang"})
#: Words between a successor's name and "menggantikan": "X resmi menggantikan Y sebagai …",
#: "menunjuk X untuk menggantikan Y", "X yang akan menggantikan Y".
_BEFORE_SUCCESSION = frozenset({"untuk", "resmi", "akan", "kini", "telah", "sudah", "yang", "segera"})


class Handovers:
    """Finds the holders that appointment verbs name; payloads are LEADER / OFFICIAL.
    ``name_before(doc, end, lower)`` is where the name ending at word ``end`` starts."""

    def __init__(self, roles: RoleRules, name_before: Callable[[Document, int, set[str]], int]) -> None:
        self.roles = roles
        self.name_before = name_before
        self.verbs = PhraseMatcher()
        for verb in _HANDOVER:
            self.verbs.add(verb, "handover")
        for word in _COUNTERPARTS:
            self.verbs.add(word, "counterpart")
        for verb in _DELEGATION_HEADS:
            self.verbs.add(verb, "delegation")
        for verb in _MEMBERS:
            self.verbs.add(verb, "members")
        self.successors = PhraseMatcher()
        for words in _SUCCESSORS:
            self.successors.add(words, words)

    def _office_before(self, doc: Document, i: int) -> str | None:
        """The class of the nearest role word before word ``i`` in its sentence."""
        for k in range(i - 1, max(-1, i - 15), -1):
            if doc.keys[k] in SENTENCE_END:
                return None
            role = self.roles.roles.match_at(doc, k)
            if role and role.end <= i:
                return role.payload
        return None

    def find(self, doc: Document, context: ArticleContext, found: Sequence[Hit] = ()) -> list[Hit]:
        """The holders each handover, counterpart or delegation verb names. A counterpart
        with no role before it in its sentence holds the office of the person ``found``
        (names the role rules found in the article) who meets it: "Menhan X tiba. X bertemu
        mitranya, Y"."""
        hits = []
        for verb in self.verbs.find(doc):
            if verb.payload == "members":
                if self._state_delegation_before(doc, verb.start):
                    hits.extend(self._members(doc, verb.end, context.lower))
                continue
            office = self._office_before(doc, verb.start)
            if verb.payload == "delegation":
                office = OFFICIAL if self._delegation_before(doc, verb.start) else None
            start = verb.end
            if verb.payload == "counterpart":  # "timpalannya dari Mesir, <name>"
                start = self.roles._skip_modifiers(doc, verb.end, context.lower)
                office = office or _office_of_a_name_before(doc, verb.start, found)
            end = self.roles._name_at(doc, start, context.lower)
            if end == start or not same_line(doc, verb.start, start):
                continue
            if (successor := self._successor(doc, verb, end, context.lower)) is not None:
                hits.extend(successor)
                office = office or successor[0].payload
            if office:
                hits.append(Hit(start, end, office))
        return hits + self._named_successors(doc, context.lower)

    def _named_successors(self, doc: Document, lower: set[str]) -> list[Hit]:
        """"… mencopot Panglima X dan menunjuk Y sebagai penggantinya": Y, before the
        words, takes the office the removal verb named (the nearest role before Y may be
        the appointer's own: "Presiden Z menunjuk Y sebagai penggantinya")."""
        hits = []
        for words in self.successors.find(doc):
            end = words.start
            while end > max(0, words.start - 2) and doc.keys[end - 1] in _APPOINTED:
                end -= 1  # "Y ditunjuk sebagai penggantinya", "Y yang kemudian ditunjuk …"
            start = self.name_before(doc, end, lower)
            office = self._removed_office(doc, start) if start < end else None
            if office is not None:
                hits.append(Hit(start, end, office))
        return hits

    def _removed_office(self, doc: Document, i: int) -> str | None:
        """The class of the role right after a removal verb before word ``i`` in its
        sentence or the one before ("Netanyahu memecat Menhan X. Y ditunjuk sebagai
        penggantinya.")."""
        ends = 0
        for k in range(i - 1, max(0, i - 30), -1):
            ends += doc.keys[k] in SENTENCE_END
            if ends > 1:
                return None
            if doc.keys[k - 1] in _REMOVING and (role := self.roles.roles.match_at(doc, k)) is not None:
                return self.roles._deputy(doc, role).payload
        return None

    def _state_delegation_before(self, doc: Document, i: int) -> bool:
        """A state's or a group's delegation or negotiating team is named before word ``i``
        in its sentence ("Delegasi AS terdiri dari", "delegasi Hamas yang beranggotakan",
        "Tim perunding Israel dipimpin X dan beranggotakan"), or is one named so earlier in
        the article, referred back to ("Delegasi Hamas tiba. Delegasi itu beranggotakan")."""
        for k in range(i - 1, max(-1, i - 8), -1):
            if doc.keys[k] in SENTENCE_END:
                return False
            if self._delegation_word(doc, k) and k + 1 < i:
                return self._party_at(doc, k + 1) or (
                    set(doc.keys[k + 1:i]) <= _BACK_REFERENCES and self._party_delegation_before(doc, k))
        return False

    @staticmethod
    def _delegation_word(doc: Document, k: int) -> bool:
        return doc.keys[k] == "delegasi" or (doc.keys[k] in _DELEGATIONS and doc.keys[k - 1:k] == ["tim"])

    def _party_at(self, doc: Document, k: int) -> bool:
        return self.roles.places.match_at(doc, k) is not None or self.roles.group_at(doc, k)

    def _party_delegation_before(self, doc: Document, i: int) -> bool:
        """A state's or a group's delegation is named somewhere before word ``i``."""
        return any(self._delegation_word(doc, k) and self._party_at(doc, k + 1) for k in range(i))

    def _members(self, doc: Document, i: int, lower: set[str]) -> list[Hit]:
        """The names listed from word ``i`` ("X, Y, dan Z"), up to the first item that is no
        bare name (an item with its own role is the role rules')."""
        hits: list[Hit] = []
        while i < len(doc.keys) and len(hits) < 8:
            end = self.roles._name_at(doc, i, lower)
            if end == i or not same_line(doc, i - 1, i):
                break
            hits.append(Hit(i, end, OFFICIAL))
            i = end
            while i < len(doc.keys) and i - end < 2 and doc.keys[i] in _LIST_JOINS:
                i += 1  # ",", "dan", ", dan"
            if i == end:
                break
        return hits

    @staticmethod
    def _delegation_before(doc: Document, i: int) -> bool:
        """A delegation or negotiating team is named shortly before word ``i`` in its
        sentence: "Delegasi Ukraina, yang dipimpin", "tim perunding Hamas dipimpin"."""
        for k in range(i - 1, max(-1, i - 6), -1):
            if doc.keys[k] in SENTENCE_END:
                return False
            if doc.keys[k] in _DELEGATIONS and (doc.keys[k] == "delegasi" or doc.keys[k - 1:k] == ["tim"]):
                return True
        return False

    def _successor(self, doc: Document, verb: Hit, name_end: int, lower: set[str]) -> list[Hit] | None:
        """"X menggantikan Y sebagai Wakil Menteri …" (or "menunjuk X untuk menggantikan
        Y sebagai …", "X resmi menggantikan posisi Y sebagai …"): the office is named after
        both names, and X, before the verb, holds it now. "Y digantikan oleh X sebagai …":
        Y, before the verb, held it."""
        if doc.keys[verb.start] not in ("menggantikan", "digantikan") or \
                doc.keys[name_end:name_end + 1] != ["sebagai"] or name_end + 1 >= len(doc.keys):
            # "… menggantikan Y sebagai" ending the text names no office
            return None
        role = self.roles.roles.match_at(doc, name_end + 1)
        end = verb.start
        while end > max(0, verb.start - 2) and doc.keys[end - 1] in _BEFORE_SUCCESSION:
            end -= 1  # "X resmi menggantikan Y", "X yang akan menggantikan Y"
        start = self.name_before(doc, end, lower)
        return [Hit(start, end, role.payload)] if role is not None and start < end else None


def _office_of_a_name_before(doc: Document, i: int, found: Sequence[Hit]) -> str | None:
    """The class of the nearest word before word ``i`` in its sentence that is part of a
    name ``found`` elsewhere with one class ("Sjafrie" of "Sjafrie Sjamsoeddin")."""
    classes: dict[str, set[str]] = {}
    for hit in found:
        for key in doc.keys[hit.start:hit.end]:
            classes.setdefault(key, set()).add(hit.payload)
    for k in range(i - 1, max(-1, i - 12), -1):
        if doc.keys[k] in SENTENCE_END:
            return None
        if len(classes.get(doc.keys[k], ())) == 1 and doc.word(k)[:1].isupper():
            return next(iter(classes[doc.keys[k]]))
    return None
