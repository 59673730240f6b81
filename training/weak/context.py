"""Context rules: a role word followed by a capitalised name the gazetteer lacks.

"Presiden Prancis Emmanuel Macron" -> ``Emmanuel Macron`` LEADER;
"juru bicara militer Israel, Daniel Hagari," -> ``Daniel Hagari`` OFFICIAL.
The role, the office's domain words and any place in between stay outside the
span. Headlines in Title Case are skipped, since every word there is capitalised.

>>> rules = RoleRules.load()
>>> doc = Document.from_text("Menteri Luar Negeri Austria Beate Meinl-Reisinger tiba.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.find(doc)]
[('Beate Meinl-Reisinger', 'OFFICIAL')]
"""

from __future__ import annotations

from pathlib import Path

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, is_capitalised, keys_of, same_line
from sorot.inference.text.resources import data_path, load_yaml, refuse_unknown_keys
from sorot.models.schema import LEADER, OFFICIAL
from sorot.training.weak.casing import ArticleContext, item_first, neighbour_items
from sorot.training.weak.name_shapes import INSTITUTIONS, academic_degree
from sorot.training.weak.names import is_bare_verb, is_common_word, is_verb
from sorot.training.weak.office_kinds import OfficeKinds
from sorot.training.weak.office_words import OfficeWords
from sorot.training.weak.organisations import (
    CONNECTORS,
    FacilityNames,
    english_body_end,
    english_holder,
    english_organisation_end,
    holder_after,
)
from sorot.training.weak.principals import Principals
from sorot.training.weak.role_lists import RoleLists

#: Words that open a region's name after a regional office ("Gubernur Provinsi …",
#: "Gubernur Wilayah Sumy X", "Gubernur Oblast Sumy X": Ukraine's and Russia's regions).
_REGION_WORDS = frozenset({"provinsi", "kabupaten", "kota", "kepulauan", "daerah", "istimewa", "administrasi",
                           "wilayah", "oblast", "region"})


#: A firm's mark before its name: "PT Pertamina Patra Niaga", "Perum Bulog".
_FIRMS = frozenset({"pt", "perum", "perumda", "cv"})


#: A relative's word before a role: the name after the role's comma is the relative's, a
#: private person ("Istri Menteri Luar Negeri, X"; "Ibu" and "Bapak" are forms of address).
_RELATIVES = frozenset({"istri", "suami", "anak", "putra", "putri", "adik", "kakak", "ayah", "cucu", "menantu",
                        "keponakan", "ipar", "mertua", "janda", "sepupu"})


class RoleRules(OfficeKinds, OfficeWords):
    """Finds names after role words; payloads are ``LEADER`` / ``OFFICIAL``."""

    def __init__(self, lists: RoleLists) -> None:
        self.facilities = FacilityNames(**lists.facilities, ranks=lists.ranks)
        self.principals = Principals(self)
        self.principal_roles = frozenset(r.lower() for r in lists.principal_roles)
        self.honorifics = frozenset(k for h in lists.honorifics for k in keys_of(h))
        self.regional_roles = frozenset(r.lower() for r in lists.regional_roles)
        self.organisation_roles = frozenset(keys_of(r) for r in lists.organisation_roles)
        self.word_given_names = frozenset(w.lower() for w in lists.word_given_names)
        self.sentence_openers = frozenset(w.lower() for w in lists.sentence_openers)
        self.profile_openers = frozenset(keys_of(w) for w in lists.profile_openers)
        self.corps = frozenset(c.lower() for c in lists.corps)
        self.civil_after_ranks = frozenset(w.lower() for w in lists.civil_after_ranks)
        self.clubs = frozenset(w.lower() for w in lists.clubs)
        self.place_prefixes = frozenset(w.lower() for w in lists.place_prefixes)
        self.name_initials = frozenset(c.lower() for c in lists.name_initials)
        self.birth_order_names = frozenset(n.lower() for n in lists.birth_order_names)
        self.title_given_names = frozenset(t.lower() for t in lists.title_given_names)
        self.state_acronyms = frozenset(a.lower() for a in lists.state_acronyms)
        self.portfolios = tuple(lists.portfolios)  # a ministry's field: "(Pertahanan)"
        self.ranks = PhraseMatcher()
        self.roles = PhraseMatcher()
        for label, words in lists.roles.items():
            for word in words:
                self.roles.add(word.lower(), label)
        role_words = {w.lower() for words in lists.roles.values() for w in words}
        for rank in lists.ranks:
            self.ranks.add(rank.lower(), rank)
            if rank.lower() not in role_words:  # every rank announces an official: "Kabareskrim Polri Komjen X"
                self.roles.add(rank.lower(), OFFICIAL)
        # "pemimpin hamas" -> the group's home places, where its head is no regional head
        self.group_roles: dict[tuple, frozenset] = {}
        self.groups = frozenset(keys_of(g) for g in lists.leader_of_groups)
        self.group_heads = frozenset(keys_of(h) for h in lists.group_heads)
        for group in lists.leader_of_groups:  # "pemimpin Hamas", "kepala biro politik Hamas"
            homes = frozenset(p.lower() for p in lists.group_homes.get(group.lower(), ()))
            for head in lists.group_heads:
                self.roles.add(f"{head} {group.lower()}", LEADER)
                self.group_roles[keys_of(f"{head} {group}")] = homes
            for member in ("anggota senior", "tokoh senior"):  # "Anggota senior Jihad Islam X": its leadership
                self.roles.add(f"{member} {group.lower()}", OFFICIAL)
        regions = {r.lower() for r in lists.regions}
        places = list(dict.fromkeys([*lists.places, *lists.regions]))  # a region may be listed as a place too
        for place in places:  # "Pemimpin Rusia Vladimir Putin", "pemimpin Tiongkok Xi Jinping"
            self.roles.add(f"pemimpin {place.lower()}", OFFICIAL if place.lower() in regions else LEADER)
        self.modifiers = frozenset(keys_of(" ".join(lists.modifiers)))
        self.organisation_heads = frozenset(h.lower() for h in lists.organisation_heads)
        self.verbs = frozenset(v.lower() for v in lists.headline_verbs)
        self.parties = frozenset(p.lower() for p in lists.parties if " " not in p)
        self.party_names = PhraseMatcher()  # "Partai Keadilan Sejahtera X": the whole name is the party's
        for party in (p for p in lists.parties if " " in p):
            self.party_names.add(party, party)
        self.not_names = frozenset(keys_of(" ".join(lists.not_names))) | self.organisation_heads | self.verbs \
            | self.parties
        self.places = PhraseMatcher()
        for place in places:
            self.places.add(place, place)
        self.local_regions = PhraseMatcher()  # only after a regional office: "Bupati Kutai Kartanegara"
        for region in lists.local_regions:
            self.local_regions.add(region, region)
        self.institutions = INSTITUTIONS | {"otoritas", "agensi", "dinas"}  # "memimpin Badan …"

    @classmethod
    def load(cls, roles: str | Path | None = None, places: str | Path | None = None) -> RoleRules:
        places_data = load_yaml(places or data_path("places.yaml"))
        refuse_unknown_keys(places_data, ("places", "regions", "local_regions"), "places:")  # "region:" would be lost
        return cls(RoleLists.from_data(load_yaml(roles or data_path("roles.yaml")), places_data["places"],
                                       places_data.get("regions") or (), places_data.get("local_regions") or ()))

    def facility_words(self, doc: Document, context: ArticleContext) -> set[int]:
        """Words of facilities' names, which mention nobody ("Bandara Soekarno-Hatta"); after
        a role ("Direktur Rumah Sakit …"), the holder's name that ends the run is not one,
        and a head word that a role takes in before an acronym or a lower-case word is none
        ("Kepala Operasi UNRWA X"; "Kepala Operasi Singa Bangkit" names an operation)."""
        runs = self.facilities.runs(doc, context.headline)
        if not runs:
            return set()  # most articles: no second pass over the roles
        roles = self.roles.find(doc)
        ends = {self._past_modifiers(doc, role.end) for role in roles}
        own = {k for role in roles for k in range(role.start, role.end)}
        out: set[int] = set()
        for head, run in runs:
            if head in own and (run.start >= len(doc.keys) or doc.word(run.start).isupper() or
                                not is_capitalised(doc.word(run.start))):
                continue  # "Kepala Operasi UNRWA X": the role's field before an agency's acronym
            if head in ends:
                run = range(run.start, self._facility_holder(doc, run, context.lower)[0])
            out.update(run)
        return out

    def _facility_holder(self, doc: Document, run: range, lower: set[str]) -> tuple[int, int]:
        # a facility's own name is one or two words ("Al-Shifa", "Kamal Adwan")
        return holder_after(doc, run, 2, lambda k: self.is_name_word(doc, k, lower),
                            lambda k: self._name_at(doc, k, lower))

    def _name_after_role(self, doc: Document, role_end: int, lower: set[str],
                         relative: bool = False) -> tuple[int, int]:
        past = self._past_modifiers(doc, role_end)  # "Pendiri lembaga kajian Center for …"
        while past + 1 < len(doc.keys) and doc.keys[past] in ("of", "the") and same_line(doc, past, past + 1):
            past += 1  # an English title's own connector: "Executive Director of the Middle East Institute"
        if run := self.facilities.name_at(doc, past):
            return self._facility_holder(doc, run, lower)
        if (org_end := english_organisation_end(doc, past, self.organisation_heads)) is not None:
            return self._name_after_organisation(doc, past, org_end, lower)
        if (org_end := english_body_end(doc, past, self.organisation_heads)) is not None and org_end > past + 1:
            return self._name_after_body(doc, org_end, lower)
        start = role_end
        if doc.keys[role_end - 1] in INSTITUTIONS and role_end + 1 < len(doc.keys) and \
                is_capitalised(doc.word(role_end)) and is_capitalised(doc.word(role_end + 1)) and \
                self.party_names.match_at(doc, role_end) is None:
            start += 1  # "Gubernur Bank Sentral Rina ...": the role's institution has its name
        for _ in range(3):
            start = self._skip_modifiers(doc, start, lower)
            end = self._name_at(doc, start, lower)
            if (after := self._past_unit(doc, role_end, start, end, lower)) is not None:
                start = after
                continue
            if end == start or not self._continues_as_institution(doc, end, lower):
                break
            start = end
        else:
            end = max(start, end)  # units or institutions all the way: no name within reach
        # "Menteri Luar Negeri Chile, Alberto van Klaveren": the appositive is the name,
        # when there is one ("Kanselir Christian Stocker, Wakil Kanselir ..." keeps its own)
        # and the candidate is one word (a place the list lacks): "juru bicara Kremlin
        # Dmitry Peskov, Putin ..." keeps Peskov.
        # After a relative's word the appositive is the relative ("Cucu Presiden X, Y").
        # After a firm's mark the capitalised words up to the comma are the firm's name:
        # "Presiden Direktur PT Pertamina Patra Niaga, X".
        firm = not _FIRMS.isdisjoint(doc.keys[role_end:start])
        if not relative and (firm or self._name_words(doc, start, end, lower) <= 1) and end < len(doc.keys) - 1 and \
                doc.keys[end] == "," and is_capitalised(doc.word(end + 1)):
            after = self._name_at(doc, end + 1, lower)
            if after > end + 1 and not academic_degree(doc, end + 1, after):  # "Suharyanto, S.Sos.,"
                start, end = end + 1, after
        if end > start and self._undotted_initials(doc, role_end, start):
            return start - 1, end
        return start + title_length(doc, start, end), end

    def _name_after_body(self, doc: Document, i: int, lower: set[str]) -> tuple[int, int]:
        """The holder's name after an English body's name that ends at word ``i`` with a
        head word ("Ketua Asian Development Bank X Y", "Pendiri Quincy Institute, X Y,"),
        past the country of its branch ("Amnesty International Indonesia X Y") and a
        comma; empty when none follows: the body's words are no name."""
        if (place := self.places.match_at(doc, i)) is not None and same_line(doc, i, place.end - 1):
            i = place.end
        if i + 1 < len(doc.keys) and doc.keys[i] == "," and same_line(doc, i, i + 1):
            i += 1
        return i, self._name_at(doc, i, lower)

    def _name_after_organisation(self, doc: Document, start: int, end: int, lower: set[str]) -> tuple[int, int]:
        """After an English organisation's name, three words or more after its last
        connector leave the last two to the holder ("Institute for the Study of War
        Karolina Hird"), or the words after its last English word ("… Studies Yose Rizal
        Damuri")."""
        last = max(k for k in range(start, end) if doc.keys[k] in CONNECTORS)
        if (place := self.places.match_at(doc, last + 1)) is not None and place.end < end:
            return self._name_after_body(doc, last + 1, lower)  # "Community of Indonesia Dino Patti Djalal"
        run = range(last + 1, end)
        return english_holder(doc, run, self.organisation_heads, lambda k: self.is_name_word(doc, k, lower)) \
            or holder_after(doc, run, 1, lambda k: self.is_name_word(doc, k, lower),
                            lambda k: self._name_at(doc, k, lower))

    def _unsure_in_headline(self, doc: Document, role: Hit, start: int, end: int, headline: set[int]) -> bool:
        """On a Title Case line a name is trusted only when a lower-case word, a mark or a
        verb follows it and it does not open with a frequent word or a bare verb:
        headlines capitalise their verbs too ("Menlu Iran Bertemu Prabowo di Istana"). A
        list of office holders is no headline, but its lines may be a list of headlines
        of the same shape."""
        if role.start not in headline:
            return False
        # a full name closing its line ("Baca Juga: … Temui PM Malaysia Anwar Ibrahim"): a
        # headline puts its verb before the name it ends on
        closes_line = end >= len(doc.keys) or not same_line(doc, end - 1, end)
        if is_common_word(doc.keys[start]) or is_bare_verb(doc.keys[start]):
            return True  # "… Kepala Intelijen, Tunjuk X Y": the headline's next verb opens the run
        return not (_ends_title(doc, end) or self._in_role_list(doc, role) or self._verb_at(doc, end)
                    or (closes_line and end - start >= 2))

    def _verb_at(self, doc: Document, i: int) -> bool:
        """A headline's verb at word ``i`` ("Presiden X Tinjau Banjir"): where the name
        before it ends, as a lower-case word would in a sentence."""
        return i < len(doc.keys) and (doc.keys[i] in self.verbs or is_bare_verb(doc.keys[i]) or is_verb(doc.keys[i]))

    def _in_role_list(self, doc: Document, role: Hit) -> bool:
        """A Title Case line that opens with a role (after any list marker), next to
        another line that does: one item of a list of office holders ("Menteri Keuangan X"
        over "Menteri Koperasi Y", "1. Menteri Keuangan: X"), not a headline."""
        return item_first(doc, role.start) == role.start and \
            any(self.roles.match_at(doc, j) is not None for j in neighbour_items(doc, role.start))

    def _after_region(self, doc: Document, role: Hit, start: int, end: int, lower: set[str]) -> tuple[int, int]:
        """A regional office names its region first: when no known place stood between
        them, a regency or city of several words is the region ("Bupati Kutai Kartanegara
        hadir"), a lone word right after the role is one ("Bupati Sleman hadir"), and a run
        of three or more starts with one ("Bupati Sleman Harda Kiswaya")."""
        if doc.span_text(role.start, role.end).lower() not in self.regional_roles or \
                not _REGION_WORDS.issuperset(doc.keys[role.end:start]):  # "Bupati Kepulauan Seribu"
            return start, end
        if (region := self.local_regions.match_at(doc, start)) is not None:
            return region.end, self._name_at(doc, region.end, lower)  # "Penajam Paser Utara X Y"
        if start < end and doc.keys[start] in _REGION_WORDS:
            start += 1  # "Kepulauan Seribu": the region's own word
        words = [k for k in range(start, end) if doc.keys[k] not in (".", "-")]  # an initial's dot
        if len(words) == 1:
            return start, start
        if len(words) >= 3 and _speaks(doc, words[0]):
            return start, end  # "Wakil Gubernur Emil X Y … Emil menyatakan": a region never speaks
        return (words[1], end) if len(words) >= 3 else (start, end)

    def find(self, doc: Document, blocked: set[int] | None = None,
             context: ArticleContext | None = None) -> list[Hit]:
        """Names after role words, outside ``blocked`` words and Title Case lines. After an
        envoy's or adviser's role, a name followed by "untuk" is the one they serve: a
        LEADER ("utusan khusus Donald Trump untuk Timur Tengah")."""
        blocked = blocked or set()
        context = context or ArticleContext.of(doc)
        headline, lower = context.headline, context.lower
        hits: dict[int, Hit] = {}  # by start word: one name, one class
        previous = None
        for role in self.with_new_group_heads(doc, self.roles.find(doc)):
            if self._civil_rank(doc, role) or self._founder_of_a_company(doc, role) or self._head_of_a_club(doc, role):
                continue  # "Kapten Timnas X", "Pendiri Gojek X", "Presiden Klub X": no office
            role = self._of_a_body(doc, self._deputy(doc, self._group_region(doc, role)))
            role = previous = self._joint_office(doc, previous, role)
            start, end = self.holder_after(doc, role, lower)
            if role.payload == OFFICIAL and end > start:
                start = self._title_given_name(doc, role, start)
            if end == start or self._unsure_in_headline(doc, role, start, end, headline):
                continue
            if not same_line(doc, role.end - 1, start):  # a headline's role names nobody below it
                continue
            if blocked.intersection(range(start, end)) or any(h.start <= role.start < h.end for h in hits.values()):
                continue  # a title inside a name found already: "Ketua DPD Sultan X"
            # two roles can reach one name ("penasihat Presiden Donald Trump"): the role
            # nearest the name names its office, and later roles come later in the text
            overlapping = [s for s, h in hits.items() if h.start < end and start < h.end]
            if overlapping and self._rank_of_a_head(doc, role, [hits[s] for s in overlapping]):
                continue
            if overlapping and ("untuk" in doc.keys[role.end:start] or self._names_institution(doc, role, start)
                                or self.principals.aides_office(doc, role, start, end, lower)):
                continue  # "Utusan Khusus Presiden AS untuk Urusan Timur Tengah X": the envoy's
            for s in overlapping:
                del hits[s]
            for hit in self.principals.holder_and_principal(doc, role, start, end, lower):
                hits[hit.start] = hit
        return sorted(hits.values(), key=lambda h: h.start)

    def holder_after(self, doc: Document, role: Hit, lower: set[str]) -> tuple[int, int]:
        """The words of the name the role names after it (empty when none): past the
        office's domain words, its region ("Bupati Sleman X") and its organisation's short
        name ("Kepala Bakamla X"). The appositive rule asks it too: "X, Bupati Sleman,"
        names X, since "Sleman" is no holder of its own."""
        relative = role.start > 0 and doc.keys[role.start - 1] in _RELATIVES and \
            same_line(doc, role.start - 1, role.start)
        start, end = self._after_region(doc, role, *self._name_after_role(doc, role.end, lower, relative), lower)
        if relative and "," in doc.keys[role.end:start]:
            return start, start  # "Istri Menteri Luar Negeri, X": X is the minister's wife
        return self._after_organisation(role, start, end, doc)

    def _title_given_name(self, doc: Document, role: Hit, start: int) -> int:
        """Where an official's name starts when a king's title stands right before it
        ("Ketua DPD Sultan Bachtiar X"): there the title is a given name."""
        if start - 1 >= role.end and doc.keys[start - 1] in self.title_given_names and \
                is_capitalised(doc.word(start - 1)) and same_line(doc, start - 1, start):
            return start - 1
        return start

    def _after_organisation(self, role: Hit, start: int, end: int, doc: Document) -> tuple[int, int]:
        """A role that heads an organisation has the organisation's name right after it:
        one word there alone is that name ("Kepala Bakamla menghadiri rapat" names no
        one), and a run of three or more starts with it ("Ketua Kadin Yoga Pramudya").
        Two words stay a name: either reading is as likely."""
        between = doc.keys[role.end:start]
        if not self._heads_organisation(doc, role) or self.parties.intersection(between) or \
                _names_a_body(between, self.modifiers) or not self.modifiers.union(self.not_names).issuperset(between):
            # "Ketua Dewan Pengawas Danantara X": the office's words first; "Ketua Harian
            # Gerindra X": the party named the organisation, as its domain words name a body
            # ("Kepala Badan Komunikasi Pemerintah X Y Z")
            return start, end
        words = [k for k in range(start, end) if doc.keys[k] not in (".", "-")]  # an initial's dot
        if len(words) == 1:
            return start, start
        return (words[1], end) if len(words) >= 3 else (start, end)

    def _heads_organisation(self, doc: Document, role: Hit) -> bool:
        """The role, or its first words, heads an organisation: "Ketua", "Ketua Umum",
        "Wakil Ketua Umum"."""
        # "Ketua MPR" names its organisation itself; "Ketua Umum" is followed by it
        return any(tuple(doc.keys[role.start:k]) in self.organisation_roles
                   and self.modifiers.issuperset(doc.keys[k:role.end])
                   for k in range(role.start + 1, role.end + 1))

    @staticmethod
    def _names_institution(doc: Document, role: Hit, name_start: int) -> bool:
        """The role word is part of an institution's name that the earlier role heads, its
        acronym closing it: "Kepala Kantor Staf Presiden (KSP) X" (X heads the office, no
        president). Without the acronym it is unclear ("juru bicara kantor Presiden
        Zelensky" names the president), and the nearest role wins."""
        return role.start > 0 and doc.keys[role.start - 1] in INSTITUTIONS | {"staf"} and \
            "(" in doc.keys[role.end:name_start]


#: Bodies whose word is their name: "Ketua Parlemen X Y Z" needs no short name after it.
_NAMED_BY_THEIR_WORD = frozenset({"parlemen", "senat", "kongres"})


def _names_a_body(keys: list[str], domains: frozenset) -> bool:
    """An institution's word followed by a domain word names a body in full ("Badan
    Komunikasi Pemerintah"), and so does a parliament's word; "Dewan Pengawas" (a board)
    is still followed by its body's."""
    return not _NAMED_BY_THEIR_WORD.isdisjoint(keys) or \
        any(key in INSTITUTIONS and domains.intersection(keys[k + 1:]) for k, key in enumerate(keys))


#: Verbs of saying after a speaker ("Emil menyatakan") and before one ("kata Emil").
SAYS_AFTER = frozenset({"mengatakan", "menyatakan", "menyebut", "menambahkan", "menegaskan", "menjelaskan",
                        "mengungkapkan", "menuturkan", "berharap", "menilai", "mengimbau"})
#: Verbs of saying before the speaker, after a quote: '"…," imbuh Witkoff'.
SAYS_BEFORE = frozenset({"kata", "ujar", "tutur", "ucap", "menurut", "imbuh", "tandas", "tukas", "ungkap",
                         "tegas", "tambah", "papar", "pungkas", "lanjut", "sebut", "kilah"})


def beside_saying(doc: Document, k: int, after: frozenset[str] = SAYS_AFTER) -> bool:
    """Word ``k`` stands right before a verb of saying (one of ``after``) or right after
    one that puts the speaker after it: "Agus menegaskan", "kata Agus", "Menurut Agus,"."""
    return (k + 1 < len(doc.keys) and doc.keys[k + 1] in after) or (k > 0 and doc.keys[k - 1] in SAYS_BEFORE)


def _speaks(doc: Document, i: int) -> bool:
    """Word ``i`` names a speaker elsewhere in the article: written alone right before a
    verb of saying or right after one ("Emil menyatakan", "kata Emil"), as no region is."""
    key = doc.keys[i]
    # alone: no capitalised word before it ("Pemkab Sleman menyatakan" is the regency's office)
    return any(doc.keys[k] == key and k != i and is_capitalised(doc.word(k)) and beside_saying(doc, k)
               and (k == 0 or not is_capitalised(doc.word(k - 1)) or doc.keys[k - 1] in SAYS_BEFORE)
               for k in range(len(doc.keys)))


#: Dotted titles that open a name's run, as keys: Haji, Kyai Haji and His Excellency
#: ("H. Dedi …", "K.H. Nasaruddin …", "H.E. Zuhair …").
_DOTTED_TITLES = (("k", ".", "h", "."), ("h", ".", "e", "."), ("h", "."))


def title_length(doc: Document, start: int, end: int) -> int:
    """How many words a dotted title opening the name takes (0: none). "H." alone is a
    title before a name of its own ("Gubernur Jawa Barat H. Dedi Mulyadi"), unless more
    initials follow ("H.R. McMaster")."""
    for title in _DOTTED_TITLES:
        n = len(title)
        if end - start > n and tuple(doc.keys[start:start + n]) == title and doc.word(start).isupper():
            if n == 2 and len(doc.word(start + 2)) == 1 and doc.keys[start + 3:start + 4] == ["."]:
                return 0
            return n
    return 0


def _ends_title(doc: Document, end: int) -> bool:
    """On a Title Case line a name is trusted only when a lower-case word or a
    punctuation mark follows it (the line is then a sentence, not a headline)."""
    return end >= len(doc.keys) or not is_capitalised(doc.word(end))
