"""What stands between a role and its holder's name: the office's domain words, places,
institutions and their one-word names, a bracketed acronym, a rank with its corps, a
unit before a rank, and a headline's verb that ends the office.

"Kepala Badan Nasional Penanggulangan Bencana (BNPB) X", "Kapolda Metro Jaya Irjen Pol X":
:class:`OfficeWords` steps over everything before X. :class:`~sorot.training.weak.context.RoleRules`
sets the word lists it reads (``modifiers``, ``places``, ``roles``, ``ranks``, ``corps``…).

>>> from sorot.training.weak.context import RoleRules
>>> rules = RoleRules.load()
>>> doc = Document.from_text("Kapolda Metro Jaya Irjen Pol Asep Suheri hadir.")
>>> start = rules._skip_modifiers(doc, 1, set())
>>> doc.span_text(start, rules._name_at(doc, start, set()))
'Metro Jaya'
>>> rules._past_unit(doc, 1, 1, 3, set())  # the unit, then a rank: the name is past it
4
"""

from __future__ import annotations

from sorot.inference.text.gazetteer import ARTICLE_PARTICLES, NAME_PARTICLES
from sorot.inference.text.phrases import Document, is_capitalised, same_line
from sorot.training.weak.name_shapes import INSTITUTIONS, NameShapes
from sorot.training.weak.names import is_bare_verb, is_common_word, is_verb, zipf
from sorot.training.weak.organisations import CONNECTORS, english_body_end, english_word

_OPEN, _CLOSE = frozenset("(["), frozenset(")]")
_MONTHS = frozenset({"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
                     "oktober", "november", "desember"})
_BODIES = INSTITUTIONS | {"korps", "dinas", "layanan", "biro", "kabinet", "kepolisian", "kejaksaan", "tentara",
                          "angkatan", "institut", "perusahaan", "milisi", "batalion", "divisi", "resimen",
                          "satgas", "kontingen", "departemen", "istana", "gedung", "pengawas", "komando"}

#: Words that point back to a body named earlier ("kelompok itu", "badan PBB tersebut");
#: after a role's own word ("bertemu Menteri itu, X menyebut") they end the office instead.
_DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})

#: Zipf frequency from which one word closing an institution's name after a role is a
#: word of that name ("Narkoba", "Bencana") rather than a one-word name ("Gunawan" 4.2)
AGENCY_WORD_ZIPF = 4.5


class OfficeWords(NameShapes):
    """Steps from a role's end over its office's words to where the holder's name starts."""

    def _past_modifiers(self, doc: Document, i: int) -> int:
        while i < len(doc.keys) and doc.keys[i] in self.modifiers:
            i += 1  # "Direktur Utama"
        return i

    def _skip_modifiers(self, doc: Document, i: int, lower: set[str]) -> int:
        """Index of the first word after the office's domain words, places, institution
        words ("Badan", "Departemen"), a bracketed acronym ("(IAEA)") and a comma; at
        most 10 words are skipped."""
        limit, first = i + 10, i
        while i < min(len(doc.keys), limit) and (i == first or same_line(doc, i - 1, i)):
            place = self.places.match_at(doc, i)
            before = doc.keys[i - 1] if i > first else None  # an institution's word names it
            after_institution = before in _BODIES
            if (party := self.party_names.match_at(doc, i)) is not None:
                i = party.end  # "Ketua Partai Keadilan Sejahtera X": a party's name of frequent words
                continue
            if self._place_prefix(doc, i):
                i = self._institution_name_end(doc, i + 1)  # "Wali Kota Deir al-Balah X": a town
                continue
            if place and ((i > first and self._place_starts_name(doc, i, lower))
                          or self._month_starts_name(doc, i, lower)):
                break  # "Menteri Pertahanan Israel, Israel Katz", "Wakil Menteri Juli X": a given name
            if place:
                i = place.end
            elif doc.keys[i] in _OPEN and (close := self._bracket_end(doc, i)):
                i = close
            elif doc.keys[i] == "di" and self._post_city(doc, i + 1, lower):
                i += 2  # "Konsul Jenderal Ukraina di Surabaya X Y": the post's city
            elif doc.keys[i] == "di" and (body := english_body_end(doc, i + 1, self.organisation_heads)) \
                    and body > i + 2:
                i = body  # "Direktur Program Timur Tengah di Chatham House X Y": the post's body
            elif doc.keys[i] == "yang" and (after := self._relative_clause_end(doc, i, lower)):
                i = after
            elif _ordinal(doc, i):
                i += 3  # "Presiden ke-7 RI Joko Widodo"
            elif doc.keys[i] in _DEMONSTRATIVES and i > first and doc.keys[i - 1].isalpha():
                i += 1  # "Juru bicara kementerian itu, X": the office's body, named before
            elif self._initial_in_name(doc, i, lower) or \
                    (not after_institution and self._common_given_name(doc, i, lower)):
                break  # "Menteri Keuangan Bagus Hidayat", "Kepala BIN M. Herindra": the name starts
            elif self._skippable(doc, i, lower):
                # "Partai Demokrasi", "Badan Intelijen": an institution word names its
                # institution with the next capitalised word
                # ("Komite Hadiah Nobel": the second institution word names itself in turn)
                named = doc.keys[i] in INSTITUTIONS and i + 1 < len(doc.keys) and \
                    is_capitalised(doc.word(i + 1)) and self.roles.match_at(doc, i + 1) is None \
                    and doc.keys[i + 1] not in INSTITUTIONS and not self._english_head_last(doc, i, lower) \
                    and self.party_names.match_at(doc, i + 1) is None
                i = self._institution_name_end(doc, i + 1) if named else i + 1
            else:
                break
        return i

    def _english_head_last(self, doc: Document, i: int, lower: set[str]) -> bool:
        """The institution word at ``i`` closes an English name ("Middle East Forum"): it
        is an English organisation's head after a name or English word, so the next word is
        the holder's ("Ketua Forum Rektor", "Ketua Umum Forum X" keep it for the forum)."""
        if i == 0 or doc.keys[i] not in self.organisation_heads or not same_line(doc, i - 1, i):
            return False
        if any((role := self.roles.match_at(doc, k)) is not None and role.end == i for k in range(max(0, i - 4), i)):
            return False  # "Ketua Harian Forum X": the word before closes the role
        before = doc.keys[i - 1]
        return is_capitalised(doc.word(i - 1)) and before not in INSTITUTIONS and \
            (english_word(before) or (before not in self.modifiers and self.is_name_word(doc, i - 1, lower)))

    def _place_prefix(self, doc: Document, i: int) -> bool:
        """An Arabic place name's first word (``place_prefixes``: "Beit", "Deir", "Kafr")
        before a capitalised word or particle on its line: "Beit Lahia", "Deir al-Balah"."""
        return doc.keys[i] in self.place_prefixes and is_capitalised(doc.word(i)) and i + 1 < len(doc.keys) \
            and same_line(doc, i, i + 1) and (is_capitalised(doc.word(i + 1)) or doc.keys[i + 1] in ARTICLE_PARTICLES)

    @staticmethod
    def _institution_name_end(doc: Document, j: int) -> int:
        """End of the one-word name an institution word gives at word ``j``, with its
        article particle ("Brigade Al-Qassam", "Brigade Al Quds", "Partai Demokrasi"), or
        of a word and the particle-joined words after it ("Brigade Izz ad-Din al-Qassam")."""
        def joined(k: int) -> bool:
            return k < len(doc.keys) and doc.keys[k] in ARTICLE_PARTICLES and k + 1 < len(doc.keys) \
                and same_line(doc, k, k + 1)

        if doc.keys[j] not in ARTICLE_PARTICLES and joined(j + 1):
            j += 1  # "Izz" of "Izz ad-Din"
        elif not joined(j):
            return j + 1
        while joined(j):
            j += 3 if doc.keys[j + 1] == "-" else 2  # past "al-Qassam" or "Al Quds"
        return j

    def _place_starts_name(self, doc: Document, i: int, lower: set[str]) -> bool:
        """A one-word place right after a comma or after the same place, with a name word
        after it on its line, is a given name: "Menteri Pertahanan Israel, Israel Katz"."""
        place = self.places.match_at(doc, i)
        return (place is not None and place.end == i + 1 and i > 0 and doc.keys[i - 1] in (",", doc.keys[i])
                and i + 1 < len(doc.keys) and same_line(doc, i, i + 1) and self.is_name_word(doc, i + 1, lower))

    def _month_starts_name(self, doc: Document, i: int, lower: set[str]) -> bool:
        """A month's name right before a name word on its line is a given name ("Raja Juli
        Antoni"): a date has its day or year, or "lalu", after the month instead."""
        return doc.keys[i] in _MONTHS and i + 1 < len(doc.keys) and same_line(doc, i, i + 1) and \
            self.is_name_word(doc, i + 1, lower)

    @staticmethod
    def _bracket_end(doc: Document, i: int) -> int | None:
        """After a short bracketed aside of capitalised words or acronyms ("(AS)",
        "(Menkop)", "(IAEA)"), abbreviations' dots included ("(Purn.)"), or an English
        gloss of the office ("(Secretary of State)"); otherwise ``None``."""
        for j in range(i + 1, min(i + 6, len(doc.keys))):
            if doc.keys[j] in _CLOSE:
                inner = [k for k in range(i + 1, j) if doc.keys[k] != "."]
                return j + 1 if inner and is_capitalised(doc.word(inner[0])) and \
                    all(is_capitalised(doc.word(k)) or doc.keys[k] in CONNECTORS for k in inner) else None
        return None

    def _relative_clause_end(self, doc: Document, i: int, lower: set[str]) -> int | None:
        """After a short relative clause of lower-case words and places closed by a comma,
        when a name follows it: "Menteri Keuangan Israel yang berhaluan kanan jauh, X, …",
        "Gubernur Zaporizhzhia yang ditunjuk Rusia, X" (the holder is described before being
        named); with no comma, a name right after the place that ends the clause ("Gubernur
        Zaporizhzhia yang ditunjuk Rusia X"); otherwise ``None``."""
        for j in range(i + 2, min(i + 8, len(doc.keys) - 1)):
            if doc.keys[j] == "," and same_line(doc, i, j + 1):
                return j + 1 if self.is_name_word(doc, j + 1, lower) else None
            if is_capitalised(doc.word(j)) and self.places.match_at(doc, j) is None:
                return j if self._place_ends_at(doc, i + 2, j) and self.is_name_word(doc, j, lower) else None
            if not doc.word(j).isalnum():
                return None
        return None

    def _place_ends_at(self, doc: Document, first: int, j: int) -> bool:
        """A place of up to three words, starting at ``first`` or later, ends right before
        word ``j`` on its line ("… yang ditunjuk Amerika Serikat X")."""
        return any((place := self.places.match_at(doc, k)) is not None and place.end == j
                   for k in range(max(first, j - 3), j)) and same_line(doc, j - 1, j)

    def _post_city(self, doc: Document, i: int, lower: set[str]) -> bool:
        """After "di", word ``i`` is the city of a post that the places list lacks: one
        capitalised word, no role, before a comma or a name of two words or more on its
        line ("Konsul Jenderal Ukraina di Surabaya Dimas Prakoso"). Before a one-word name
        the split is unknown, and nothing is skipped."""
        if not (i + 2 < len(doc.keys) and is_capitalised(doc.word(i)) and doc.word(i).isalpha()
                and self.roles.match_at(doc, i) is None):
            return False
        after = (i + 2,) if doc.keys[i + 1] == "," else (i + 1, i + 2)
        return all(same_line(doc, k - 1, k) and self.is_name_word(doc, k, lower) for k in after)

    def _abbreviation_dot(self, doc: Document, i: int) -> bool:
        """The dot at ``i`` closes an abbreviation of four letters at most ("Purn.",
        "Inf.", "KH.", "Prof."), not a sentence: a place, a whole word or a short common
        word before it ends one ("… Menteri Luar Negeri Iran. X", "… sebagai Menteri
        Pertahanan. X", "… sebagai Wakil Menteri Desa. X"; "Dr." stays a title)."""
        if i == 0 or not same_line(doc, i - 1, i):
            return False
        word = doc.word(i - 1)
        return len(word) <= 4 and word.isalpha() and self.places.match_at(doc, i - 1) is None and \
            not (len(word) > 2 and is_common_word(doc.keys[i - 1]))

    def _skippable(self, doc: Document, i: int, lower: set[str]) -> bool:
        key = doc.keys[i]
        if key == "." and not self._abbreviation_dot(doc, i):
            return False  # "… Menteri Luar Negeri Iran. Abbas X mengatakan": a sentence ends
        if key in self.modifiers or (key == "," and i + 1 < len(doc.keys)):
            return True
        if key in self.verbs or (is_verb(key) and not key.startswith(("ber", "ter"))):
            # "Dubes RI Hadiri Upacara": a headline's verb ends the office. Capitalised
            # "ber-" and "ter-" words also name institutions ("Angkatan Bersenjata",
            # "Layanan Terpadu"), so those are stepped over
            return False
        if key in self.corps and self._rank_ends_at(doc, i):
            return True  # "Kolonel Inf X", "Irjen Pol X": the rank's corps
        if (key == "yang" and doc.keys[i + 1:i + 2] == ["baru"]) or key == "baru":
            return True  # "Kepala Shin Bet yang baru, X", "melantik Wamenlu baru, X": a new holder
        if key == "sementara" and doc.keys[i - 1:i] != [","]:
            return True  # "Perdana Menteri sementara Bangladesh X"; ", sementara X" is "while"
        if key == "di" and i + 1 < len(doc.keys) and self.places.match_at(doc, i + 1) is not None:
            return True  # "Konsul Jenderal RI di Jeddah X": the post's city
        if key == ":" and self._name_ends_line(doc, i + 1, lower):
            return True  # "Menteri Keuangan: Dimas Prakoso", an item of a list of office holders
        if key == "dan" and 0 < i < len(doc.keys) - 1 and is_capitalised(doc.word(i - 1)) and \
                self._skippable(doc, i + 1, lower) and key != doc.keys[i + 1] and \
                self.roles.match_at(doc, i + 1) is None:
            # "Menteri Pemuda dan Olahraga X": "dan" joins two domain words; before another
            # role ("Pendiri dan Direktur Eksekutif …") that role reads the name
            return True
        return is_capitalised(doc.word(i)) and not self.is_name_word(doc, i, lower)

    def _name_ends_line(self, doc: Document, i: int, lower: set[str]) -> bool:
        """A name starts at word ``i`` and nothing but a full stop follows it on its line."""
        end = self._name_at(doc, i, lower) if i < len(doc.keys) else i
        if end < len(doc.keys) and doc.keys[end] == "." and same_line(doc, end - 1, end):
            end += 1
        return end > i and (end == len(doc.keys) or not same_line(doc, end - 1, end))

    def _continues_as_institution(self, doc: Document, end: int, lower: set[str]) -> bool:
        """The capitalised run goes on past the name candidate with words that are no
        name ("Perserikatan Bangsa-Bangsa Antonio Guterres"): the candidate was part of
        an institution's name."""
        if not (end < len(doc.keys) and same_line(doc, end - 1, end) and is_capitalised(doc.word(end))
                and doc.word(end).isalpha() and not self.is_name_word(doc, end, lower)
                and not is_bare_verb(doc.keys[end]) and not is_verb(doc.keys[end])  # "X Dikenai Sanksi"
                and self.roles.match_at(doc, end) is None):
            return False
        # the run must reach a name past those words, before another role: "Hendra Gunawan
        # Senin (2/6)" ends at a day, "Hendra Gunawan Dan Menlu X" at the next role
        k = end + 1
        while k < len(doc.keys) and same_line(doc, k - 1, k) and self.roles.match_at(doc, k) is None and (
                is_capitalised(doc.word(k)) or doc.keys[k] in NAME_PARTICLES):
            if self.is_name_word(doc, k, lower):
                return True
            k += 1
        return False

    def _past_unit(self, doc: Document, role_end: int, start: int, end: int, lower: set[str]) -> int | None:
        """Where to look for the name when the candidate ``start:end`` names a unit
        instead: one or two words before a rank and a name ("Kepala Bakamla Laksdya X",
        "Kapolda Metro Jaya Irjen X"), or a frequent word that closes an institution's
        name ("Kepala Badan Nasional Penanggulangan Narkoba"); ``None`` when it may be
        the name."""
        if end - start not in (1, 2):
            return None
        if end < len(doc.keys) and (rank := self.roles.match_at(doc, end)) is not None and same_line(doc, start, end):
            # "Kapolda Metro Jaya Irjen X", "Sekjen Kemhan Marsdya TNI X": a name is never
            # followed by a rank (nor by a rank and its service)
            after = self._skip_modifiers(doc, rank.end, lower)
            if self._name_at(doc, after, lower) > after:
                return rank.end
        if end - start != 1:
            return None
        if zipf(doc.keys[start]) >= AGENCY_WORD_ZIPF and not INSTITUTIONS.isdisjoint(doc.keys[role_end:start]):
            return end
        return None

    def _undotted_initials(self, doc: Document, role_end: int, start: int) -> bool:
        """The word before the name is two or three capitals that follow a rank ("Jenderal
        AM Putranto"), a country's acronym ("Wakil Presiden AS JD Vance") or an office whose
        domain word closes it ("Jaksa Agung ST Burhanuddin"; after a bare "Ketua" or
        "Gubernur" such capitals are the body: "Gubernur BI Perry"): initials."""
        k, word = start - 1, doc.word(start - 1)
        if k < role_end or not (word.isupper() and word.isalpha() and 2 <= len(word) <= 3) \
                or not same_line(doc, k - 1, start) or doc.keys[k] in self.modifiers | self.not_names \
                or self.places.match_at(doc, k) is not None:
            return False
        if doc.keys[k] in self.name_initials:
            return True  # "Anggota Komisi I DPR TB X": Tubagus
        before = doc.word(k - 1)
        # "Kepala" is a domain word too ("Wakil Kepala Staf"), but heads a body: "Kepala BIN X"
        return self._rank_ends_at(doc, k) or (before.isupper() and self.places.match_at(doc, k - 1) is not None) \
            or (doc.keys[k - 1] in self.modifiers and (doc.keys[k - 1],) not in self.organisation_roles)

    def _rank_ends_at(self, doc: Document, k: int) -> bool:
        """A rank of one to three words ends right before word ``k``."""
        return any((h := self.ranks.match_at(doc, k - n)) is not None and h.end == k for n in (1, 2, 3) if k - n >= 0)

def _ordinal(doc: Document, i: int) -> bool:
    """An ordinal at word ``i``: "ke-7", "ke-47" (three words: ke, -, the number)."""
    return (doc.keys[i] == "ke" and i + 2 < len(doc.keys) and doc.keys[i + 1] == "-"
            and doc.keys[i + 2].isdigit() and doc.words[i][1] == doc.words[i + 1][0])
